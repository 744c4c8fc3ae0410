using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Sample.Orders;

/// <summary>Source-generated JSON for everything the workflow checkpoints, so the sample stays trim-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderReceipt))]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(ApprovalDecision))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(object))]
internal sealed partial class SampleJson : JsonSerializerContext
{
}
