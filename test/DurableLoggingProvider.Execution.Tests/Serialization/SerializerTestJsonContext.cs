using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>The serializer tests' checkpointed types.</summary>
[JsonSerializable(typeof(CheckpointedCharge))]
[JsonSerializable(typeof(int))]
internal sealed partial class SerializerTestJsonContext : JsonSerializerContext
{
}
