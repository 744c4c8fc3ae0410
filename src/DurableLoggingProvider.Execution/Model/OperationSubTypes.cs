namespace DurableLoggingProvider.Execution;

/// <summary>The sub-types the service records, naming the call that made an operation.</summary>
public static class OperationSubTypes
{
    /// <summary>A step (<c>STEP</c>).</summary>
    public const string Step = "Step";

    /// <summary>A wait-for-condition (<c>STEP</c>).</summary>
    public const string WaitForCondition = "WaitForCondition";

    /// <summary>A wait (<c>WAIT</c>).</summary>
    public const string Wait = "Wait";

    /// <summary>A callback (<c>CALLBACK</c>).</summary>
    public const string Callback = "Callback";

    /// <summary>A chained invoke (<c>CHAINED_INVOKE</c>).</summary>
    public const string ChainedInvoke = "ChainedInvoke";

    /// <summary>A child context (<c>CONTEXT</c>).</summary>
    public const string RunInChildContext = "RunInChildContext";

    /// <summary>A map (<c>CONTEXT</c>).</summary>
    public const string Map = "Map";

    /// <summary>One item of a map (<c>CONTEXT</c>).</summary>
    public const string MapIteration = "MapIteration";

    /// <summary>A parallel (<c>CONTEXT</c>).</summary>
    public const string Parallel = "Parallel";

    /// <summary>One branch of a parallel (<c>CONTEXT</c>).</summary>
    public const string ParallelBranch = "ParallelBranch";

    /// <summary>A wait-for-callback (<c>CONTEXT</c>).</summary>
    public const string WaitForCallback = "WaitForCallback";

    /// <summary>The operation type a sub-type belongs to, or <see langword="null"/> for an unknown sub-type.</summary>
    public static OperationType? TypeOf(string? subType) => subType switch
    {
        Step or WaitForCondition => OperationType.Step,
        Wait => OperationType.Wait,
        Callback => OperationType.Callback,
        ChainedInvoke => OperationType.ChainedInvoke,
        RunInChildContext or Map or MapIteration or Parallel or ParallelBranch or WaitForCallback => OperationType.Context,
        _ => null,
    };
}
