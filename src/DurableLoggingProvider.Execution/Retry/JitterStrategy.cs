namespace DurableLoggingProvider.Execution;

/// <summary>How a backoff delay is randomized, so that many executions do not retry in step.</summary>
public enum JitterStrategy
{
    /// <summary>The delay exactly as computed.</summary>
    None,

    /// <summary>A random delay between zero and the computed delay.</summary>
    Full,

    /// <summary>A random delay between half the computed delay and all of it.</summary>
    Half,
}
