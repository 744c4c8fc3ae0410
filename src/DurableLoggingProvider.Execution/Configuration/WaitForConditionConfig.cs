namespace DurableLoggingProvider.Execution;

/// <summary>A wait-for-condition's first state and strategy.</summary>
/// <typeparam name="TState">The state the checks pass along.</typeparam>
public sealed class WaitForConditionConfig<TState>
{
    /// <summary>The state the first check is given.</summary>
    public required TState InitialState { get; init; }

    /// <summary>Decides after each check whether to stop or check again after a delay.</summary>
    public required IWaitStrategy<TState> WaitStrategy { get; init; }
}
