using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>What a wait-for-callback's submitter is given.</summary>
public interface IWaitForCallbackContext
{
    /// <summary>The context's logger.</summary>
    ILogger Logger { get; }
}
