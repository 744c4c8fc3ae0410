using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Sample.Orders;
using DurableLoggingProvider.Sample.Services;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample.Hosting;

/// <summary>
/// Runs the order workflow through the local runner as Lambda would run it: the services and loggers
/// come from dependency injection and <c>appsettings.json</c>, the runner re-invokes the handler until
/// the execution ends, and the log stream is printed as CloudWatch would hold it.
/// </summary>
internal static class SampleApp
{
    public const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST/durable-execution/ord-1001/7c1f5e2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b";

    public static Order SampleOrder { get; } = new(
        "ord-1001",
        "ana@example.com",
        "USD",
        [new OrderItem("BOOK-DDD", 1, 42.50m), new OrderItem("MUG-LAMBDA", 2, 12.00m), new OrderItem("STICKERS", 3, 2.00m)]);

    public static async Task<SampleSummary> RunAsync(SampleOptions options, TextWriter output)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddInMemoryCollection(options.ConfigurationOverrides)
            .Build();

        var counter = new CallCountingLoggerProvider();
        var approval = JsonSerializer.Serialize(new ApprovalDecision(true, "m.rivera"), SampleJson.Default.ApprovalDecision);
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(counter))
            .AddDurableLogging(durable => durable.UngatedProviders.Add(typeof(CallCountingLoggerProvider).FullName!))
            .AddLocalDurableRunner(
                new LocalRunnerOptions
                {
                    ExecutionArn = ExecutionArn,
                    Output = output,
                    CallbackAnswers = { ["manager-approval"] = CallbackAnswer.Succeed(approval) },
                },
                new JsonDurableSerializer(SampleJson.Default.Options))
            .AddSingleton<OrderValidator>()
            .AddSingleton<InventoryService>()
            .AddSingleton<PaymentGateway>()
            .AddSingleton<ApprovalDesk>()
            .AddSingleton<NotificationService>()
            .AddSingleton<OrderWorkflow>()
            .BuildServiceProvider();

        // Written before the run, as an application's start-up is: the runner holds it with the run's lines and
        // prints it before the first START, where Lambda's log stream holds a function's init lines.
        services.GetRequiredService<ILoggerFactory>().CreateLogger("DurableLoggingProvider.Sample").LogInformation("Start-up: lines written outside any invocation are never gated");

        var workflow = services.GetRequiredService<OrderWorkflow>();
        var runner = services.GetRequiredService<LocalDurableRunner>();
        var result = await runner.RunAsync<Order, OrderReceipt>(SampleOrder, workflow.RunAsync).ConfigureAwait(false);

        var lines = result.RecordedLines;
        var duplicates = lines.GroupBy(LineIdentity.Of).Where(group => group.Count() > 1).Select(group => LineIdentity.Describe(group.First())).ToList();
        var receipt = result.Result is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{r.OrderId} charged {r.Amount} {r.Currency} ({r.TransactionId}), approved by {r.ApprovedBy}")
            : $"{result.Error?.ErrorType}: {result.Error?.ErrorMessage}{result.StuckReason}";
        var summary = new SampleSummary(result.Status, result.Invocations.Count, lines.Count, counter.Calls - lines.Count, duplicates, receipt);
        Print(summary, configuration["Logging:Durable:ReplayMode"], output);
        return summary;
    }

    private static void Print(SampleSummary summary, string? replayMode, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Summary");
        output.WriteLine($"  Execution:      {summary.Status.ToString().ToUpperInvariant()} in {summary.Invocations} invocations");
        output.WriteLine($"  Lines written:  {summary.LinesWritten}");
        output.WriteLine($"  Kept out:       {summary.LinesKeptOut} log calls in replayed code (replay mode {replayMode})");
        output.WriteLine(summary.Duplicates.Count == 0
            ? "  Written twice:  none; every line was written once (a retried step's attempts are separate lines)"
            : $"  Written twice:  {summary.Duplicates.Count} lines, for example: {summary.Duplicates[0]}");
        output.WriteLine($"  Result:         {summary.Result}");
    }
}
