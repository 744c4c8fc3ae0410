using DurableLoggingProvider.Benchmarks.Peers;
using DurableLoggingProvider.Benchmarks.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Startup;

/// <summary>
/// The benchmark executable's other mode, <c>startup-probe durable|console</c>: a whole process that
/// registers one logging provider, writes one line with the durable fields to standard output, disposes the
/// services (which drains the console's queue) and exits. Ours gets the fields from the ambient context;
/// the console provider, with its JSON formatter, from a scope. Each mode touches only its own provider's
/// types, so neither process loads what only the other needs.
/// </summary>
internal static class StartupProbe
{
    public const string Command = "startup-probe";
    public const string Durable = "durable";
    public const string Console = "console";

    /// <summary>Runs the probe.</summary>
    /// <param name="provider"><see cref="Durable"/> or <see cref="Console"/>.</param>
    /// <returns>The process's exit code.</returns>
    public static int Run(string provider)
    {
        switch (provider)
        {
            case Durable:
                WriteWithDurableLogging();
                return 0;
            case Console:
                WriteWithJsonConsole();
                return 0;
            default:
                System.Console.Error.WriteLine($"usage: {Command} {Durable}|{Console}");
                return 2;
        }
    }

    private static void WriteWithDurableLogging()
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddDurableLogging(options => options.Format = DurableLogFormat.Json));
        using var provider = services.BuildServiceProvider();
        using var context = WorkloadFields.Enter(isReplaying: false);
        var logger = provider.GetRequiredService<ILogger<ProbeCategory>>();
        OrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
    }

    private static void WriteWithJsonConsole()
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddJsonConsole(MelJsonConsoleSetup.ConfigureFormatter));
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILogger<ProbeCategory>>();
        using (logger.BeginScope(WorkloadFields.Scope))
        {
            OrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
        }
    }

    /// <summary>The probe's log category.</summary>
    private sealed class ProbeCategory
    {
    }
}
