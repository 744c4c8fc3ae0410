using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>Options that know none of the serializer tests' checkpointed types.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class UnrelatedJsonContext : JsonSerializerContext
{
}
