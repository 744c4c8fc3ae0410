namespace DurableLoggingProvider.Execution;

/// <summary>What a checkpoint update does to an operation; on the wire in upper case.</summary>
public enum OperationAction
{
    /// <summary><c>START</c>.</summary>
    Start,

    /// <summary><c>SUCCEED</c>.</summary>
    Succeed,

    /// <summary><c>FAIL</c>.</summary>
    Fail,

    /// <summary><c>RETRY</c>: a step's attempt failed and another will run after a delay.</summary>
    Retry,

    /// <summary><c>CANCEL</c>.</summary>
    Cancel,
}
