using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The one way to read and write the durable service's wire format: the invocation input and output,
/// checkpoints, state pages and operations, with the service's PascalCase names, upper snake case enum
/// strings, epoch-millisecond timestamps (also read from ISO 8601 strings) and results as JSON text. Nulls are omitted when writing.
/// Trimming and native AOT safe: the metadata is source generated.
/// </summary>
public static class DurableWireFormat
{
    // Strict, so that text with a lone surrogate is rejected instead of silently altered.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads and validates the event a durable handler receives: its JSON shape, a durable execution
    /// ARN, exactly one <c>EXECUTION</c> operation on the first page, known enum strings and
    /// sub-types, unique operation ids of at most 64 characters, step attempts from 0 to 31,622,400, and
    /// timestamps as integer epoch milliseconds or ISO 8601 strings with an offset.
    /// </summary>
    /// <param name="json">The event as JSON text.</param>
    /// <returns>The invocation input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DurableExecutionInputException">The input is malformed; the message names the field and the problem.</exception>
    public static DurableExecutionInvocationInput ParseInvocationInput(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        int length;
        try
        {
            length = s_strictUtf8.GetByteCount(json);
        }
        catch (EncoderFallbackException exception)
        {
            throw new DurableExecutionInputException(
                WireJsonPath.Root, "the text is not valid UTF-16: it holds a lone surrogate character.", exception);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = s_strictUtf8.GetBytes(json, buffer);
            return ParseInvocationInput(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads and validates the event a durable handler receives, from UTF-8 JSON; see
    /// <see cref="ParseInvocationInput(string)"/>.
    /// </summary>
    /// <param name="utf8Json">The event as UTF-8 JSON.</param>
    /// <returns>The invocation input.</returns>
    /// <exception cref="DurableExecutionInputException">The input is malformed; the message names the field and the problem.</exception>
    public static DurableExecutionInvocationInput ParseInvocationInput(ReadOnlySpan<byte> utf8Json)
    {
        var typeInfo = DurableWireJsonContext.Wire.DurableExecutionInvocationInput;
        DurableExecutionInvocationInput? input;
        try
        {
            input = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException exception)
        {
            throw WireReadFailure.Explain(utf8Json, exception, typeInfo);
        }

        if (input is null)
        {
            throw new DurableExecutionInputException(WireJsonPath.Root, "expected an object, found null.", null);
        }

        InvocationInputValidator.Validate(input);
        return input;
    }

    /// <summary>Writes the event a durable handler receives (as the local runner sends it).</summary>
    /// <param name="input">The invocation input.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeInvocationInput(DurableExecutionInvocationInput input) =>
        Write(input, DurableWireJsonContext.Wire.DurableExecutionInvocationInput);

    /// <summary>Reads what a durable handler returned (as the local runner receives it).</summary>
    /// <param name="json">The output as JSON text.</param>
    /// <returns>The invocation output.</returns>
    /// <exception cref="JsonException">The text is not an invocation output.</exception>
    public static DurableExecutionInvocationOutput ParseInvocationOutput(string json) =>
        Read(json, DurableWireJsonContext.Wire.DurableExecutionInvocationOutput);

    /// <summary>Writes what a durable handler returns: <c>Status</c>, and <c>Result</c> or <c>Error</c> when set.</summary>
    /// <param name="output">The invocation output.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeInvocationOutput(DurableExecutionInvocationOutput output) =>
        Write(output, DurableWireJsonContext.Wire.DurableExecutionInvocationOutput);

    /// <summary>Writes a <c>CheckpointDurableExecution</c> call.</summary>
    /// <param name="request">The checkpoint.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeCheckpointRequest(CheckpointRequest request) =>
        Write(request, DurableWireJsonContext.Wire.CheckpointRequest);

    /// <summary>Reads a <c>CheckpointDurableExecution</c> call (as the local runner receives it).</summary>
    /// <param name="json">The request as JSON text.</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="JsonException">The text is not a checkpoint request.</exception>
    public static CheckpointRequest ParseCheckpointRequest(string json) =>
        Read(json, DurableWireJsonContext.Wire.CheckpointRequest);

    /// <summary>Writes the answer to a checkpoint (as the local runner sends it).</summary>
    /// <param name="response">The answer.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeCheckpointResponse(CheckpointResponse response) =>
        Write(response, DurableWireJsonContext.Wire.CheckpointResponse);

    /// <summary>Reads the service's answer to a checkpoint.</summary>
    /// <param name="json">The answer as JSON text.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="JsonException">The text is not a checkpoint response.</exception>
    public static CheckpointResponse ParseCheckpointResponse(string json) =>
        Read(json, DurableWireJsonContext.Wire.CheckpointResponse);

    /// <summary>Writes a <c>GetDurableExecutionState</c> call.</summary>
    /// <param name="request">The call.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeExecutionStateRequest(ExecutionStateRequest request) =>
        Write(request, DurableWireJsonContext.Wire.ExecutionStateRequest);

    /// <summary>Reads a <c>GetDurableExecutionState</c> call (as the local runner receives it).</summary>
    /// <param name="json">The call as JSON text.</param>
    /// <returns>The call.</returns>
    /// <exception cref="JsonException">The text is not a state request.</exception>
    public static ExecutionStateRequest ParseExecutionStateRequest(string json) =>
        Read(json, DurableWireJsonContext.Wire.ExecutionStateRequest);

    /// <summary>Writes one page of an execution's operations (as the local runner sends it).</summary>
    /// <param name="page">The page.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeExecutionStatePage(ExecutionStatePage page) =>
        Write(page, DurableWireJsonContext.Wire.ExecutionStatePage);

    /// <summary>Reads one page of an execution's operations, the answer to <c>GetDurableExecutionState</c>.</summary>
    /// <param name="json">The page as JSON text.</param>
    /// <returns>The page.</returns>
    /// <exception cref="JsonException">The text is not a state page.</exception>
    public static ExecutionStatePage ParseExecutionStatePage(string json) =>
        Read(json, DurableWireJsonContext.Wire.ExecutionStatePage);

    /// <summary>Writes one operation as the service stores it.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeOperation(Operation operation) =>
        Write(operation, DurableWireJsonContext.Wire.Operation);

    /// <summary>Reads one operation as the service stores it.</summary>
    /// <param name="json">The operation as JSON text.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="JsonException">The text is not an operation.</exception>
    public static Operation ParseOperation(string json) =>
        Read(json, DurableWireJsonContext.Wire.Operation);

    /// <summary>Writes one operation update as a checkpoint request carries it.</summary>
    /// <param name="update">The update.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeOperationUpdate(OperationUpdate update) =>
        Write(update, DurableWireJsonContext.Wire.OperationUpdate);

    /// <summary>
    /// The service's spelling of a wire enum's value (<see cref="OperationType"/>, <see cref="OperationStatus"/>,
    /// <see cref="OperationAction"/>, ...): upper snake case, <c>TimedOut</c> as <c>TIMED_OUT</c>; a value that is not a
    /// defined member is written as its number.
    /// </summary>
    /// <typeparam name="TEnum">The wire enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The wire string.</returns>
    public static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        WireEnumConverter<TEnum>.WireName(value);

    private static string Write<T>(T value, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, typeInfo);
    }

    private static T Read<T>(string json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, typeInfo)
            ?? throw new JsonException($"Expected a {typeof(T).Name} object, found null.", "$", null, null);
    }
}
