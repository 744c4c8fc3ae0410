using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Says once, at start-up inside Lambda, that another registered provider also writes to standard output, where
/// each line would reach CloudWatch a second time. Only providers known to write there are named: MEL's console
/// provider, whichever formatter it uses. What a Serilog, NLog or OpenTelemetry provider writes to depends on
/// its sinks or exporters, which cannot be seen from here, so those are never named.
/// </summary>
internal static class StandardOutputDoubling
{
    private const string ConsoleProviderTypeName = "Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider";

    /// <summary>Writes the warning through <paramref name="durable"/> when one of <paramref name="providers"/> (wrapped or not) writes to standard output.</summary>
    public static void WriteIfNeeded(DurableLoggerProvider durable, IEnumerable<ILoggerProvider> providers)
    {
        if (!LambdaEnvironment.IsInLambda())
        {
            return;
        }

        foreach (var provider in providers)
        {
            if (ProviderGate.Unwrap(provider).GetType().FullName == ConsoleProviderTypeName)
            {
                durable.WriteStartupWarning(
                    $"{ConsoleProviderTypeName} also writes to standard output, so in Lambda each line reaches CloudWatch twice, once from it and once from the durable provider. " +
                    "Call builder.Logging.ClearProviders() before AddDurableLogging(), or remove that provider.");
                return;
            }
        }
    }
}
