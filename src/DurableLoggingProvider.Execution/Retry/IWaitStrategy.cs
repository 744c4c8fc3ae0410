namespace DurableLoggingProvider.Execution;

/// <summary>Decides, after each check of a wait-for-condition, whether to stop or check again after a delay.</summary>
/// <typeparam name="TState">The state the check returns.</typeparam>
public interface IWaitStrategy<in TState>
{
    /// <summary>Decides what follows a check.</summary>
    /// <param name="state">The state the check returned.</param>
    /// <param name="attemptNumber">The check that ran, 1-based.</param>
    WaitDecision Decide(TState state, int attemptNumber);
}
