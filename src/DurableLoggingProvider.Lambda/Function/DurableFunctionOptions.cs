using System;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Lambda;

/// <summary>What <see cref="DurableFunction"/> runs the engine with, set up once at start-up and shared by every invocation.</summary>
public sealed class DurableFunctionOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="serializer">
    /// Turns the execution's input, step results and output into JSON text and back; for Native AOT a
    /// <see cref="JsonDurableSerializer"/> over a source-generated <c>JsonSerializerContext</c>.
    /// </param>
    public DurableFunctionOptions(IDurableSerializer serializer)
    {
        Serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
    }

    /// <summary>The serializer of checkpointed values.</summary>
    public IDurableSerializer Serializer { get; }

    /// <summary>
    /// The durable service. When <see langword="null"/>, one <see cref="LambdaDurableServiceClient"/> built from the
    /// environment (<see cref="LambdaDurableServiceClient.FromEnvironment"/>) on first use serves every invocation.
    /// </summary>
    public IDurableServiceClient? ServiceClient { get; init; }

    /// <summary>
    /// Where <c>context.Logger</c> and the engine's loggers come from, normally the application's factory with
    /// <c>AddDurableLogging()</c>; when <see langword="null"/>, one with only the durable logging provider.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The executions' replay mode, overriding the provider's configuration; <see langword="null"/> to follow it.</summary>
    public ReplayMode? ReplayMode { get; init; }
}
