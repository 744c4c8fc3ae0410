using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Benchmarks.Replay;

/// <summary>The checkpointed values of the replayed workflow: its input and its steps' results.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
internal sealed partial class ReplayJsonContext : JsonSerializerContext
{
}
