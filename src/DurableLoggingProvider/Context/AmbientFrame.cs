namespace DurableLoggingProvider;

/// <summary>
/// What the code that is running now belongs to: its invocation, durable context and operation.
/// Immutable: entering a context or operation makes a new frame, so one <c>AsyncLocal</c> read gives
/// a consistent view on the hot path.
/// </summary>
internal sealed class AmbientFrame
{
    public AmbientFrame(LambdaInvocation? invocation, DurableContextState? context, DurableOperation? operation)
    {
        Invocation = invocation;
        Context = context;
        Operation = operation;
    }

    public LambdaInvocation? Invocation { get; }

    public DurableContextState? Context { get; }

    public DurableOperation? Operation { get; }

    /// <summary>The JSON formatter's encoding of this frame's durable fields, made at its first line and kept for the next.</summary>
    internal DurableFieldsJson? EncodedJsonFields { get; set; }
}
