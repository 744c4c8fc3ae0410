using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Lambda.Tests.Deploying;

/// <summary>The source-generated metadata of docs/deploying.md, verbatim.</summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(string))]
public sealed partial class OrderJson : JsonSerializerContext;
