using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The source-generated metadata of the durable service's wire model: property names exactly as the
/// C# names (the service's PascalCase), enums as upper snake case strings, nulls omitted, strict
/// reading (no comments, no trailing commas, numbers as numbers). No reflection.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[]
    {
        typeof(WireEnumConverter<OperationType>),
        typeof(WireEnumConverter<OperationStatus>),
        typeof(WireEnumConverter<OperationAction>),
        typeof(WireEnumConverter<InvocationStatus>),
    })]
[JsonSerializable(typeof(DurableExecutionInvocationInput))]
[JsonSerializable(typeof(DurableExecutionInvocationOutput))]
[JsonSerializable(typeof(CheckpointRequest))]
[JsonSerializable(typeof(CheckpointResponse))]
[JsonSerializable(typeof(ExecutionStateRequest))]
[JsonSerializable(typeof(ExecutionStatePage))]
[JsonSerializable(typeof(Operation))]
[JsonSerializable(typeof(OperationUpdate))]
[JsonSerializable(typeof(ErrorObject))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class DurableWireJsonContext : JsonSerializerContext
{
    // Made on first use, not in a static initializer: the generated partial's Default is initialized
    // in an order across files that C# leaves undefined. A race makes two equal contexts; one wins.
    private static DurableWireJsonContext? s_wire;

    /// <summary>
    /// The context to read and write the wire with: the options above, but with only the escaping
    /// JSON requires. Results travel as JSON text inside strings,
    /// where the default encoder writes every quote as six bytes (<c>\u0022</c>) instead of two, and
    /// every non-ASCII character escaped, against the service's payload limits; the wire is never
    /// embedded in HTML.
    /// </summary>
    public static DurableWireJsonContext Wire => s_wire ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
