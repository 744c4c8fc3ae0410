using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>Source-generated JSON for <see cref="BatchSummary"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BatchSummary))]
internal sealed partial class BatchSummaryJsonContext : JsonSerializerContext
{
}
