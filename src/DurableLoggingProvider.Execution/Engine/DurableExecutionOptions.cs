using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>What the engine needs besides the invocation: the service, the serializer, and where its loggers come from.</summary>
public sealed class DurableExecutionOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="serviceClient">The durable service (or the local runner's stand-in).</param>
    /// <param name="serializer">Turns checkpointed values into JSON text and back.</param>
    public DurableExecutionOptions(IDurableServiceClient serviceClient, IDurableSerializer serializer)
    {
        ServiceClient = serviceClient ?? throw new ArgumentNullException(nameof(serviceClient));
        Serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
    }

    /// <summary>The durable service.</summary>
    public IDurableServiceClient ServiceClient { get; }

    /// <summary>The serializer of checkpointed values.</summary>
    public IDurableSerializer Serializer { get; }

    /// <summary>
    /// Where <c>context.Logger</c> and the engine's diagnostic loggers come from: normally the application's
    /// factory, with <c>AddDurableLogging()</c>. When <see langword="null"/>, a factory with only the durable
    /// logging provider (writing to standard output) is used.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>This execution's replay mode, overriding the provider's configuration; <see langword="null"/> to follow it.</summary>
    public ReplayMode? ReplayMode { get; init; }

    /// <summary>The category of <c>context.Logger</c>. Default <c>DurableWorkflow</c>.</summary>
    public string WorkflowLoggerCategory { get; init; } = "DurableWorkflow";

    /// <summary>
    /// The clock the invocation's <see cref="LambdaInvocation.Deadline"/> is measured on: when it passes, the calls to
    /// the service still under way are cancelled. Default <see cref="TimeProvider.System"/>; set it to the service
    /// client's clock when that is not the system's.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many operations to ask for per page of state. Default 1,000.</summary>
    public int StatePageSize { get; init; } = 1000;
}
