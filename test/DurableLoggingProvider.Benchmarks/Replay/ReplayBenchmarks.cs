using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Workload;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Replay;

/// <summary>
/// Replay cost: one invocation of an execution whose history holds 1,000, 10,000 or 100,000 succeeded
/// steps, each preceded in the workflow by a log line from a generated call site. Every step is replayed
/// from its checkpoint and every line suppressed by the gate; the service is never called. "Per operation"
/// is the mean divided by the number of operations: the same in every row means the cost grows linearly.
/// "replay" hands the engine the invocation input as an object; "parse and replay" starts from the
/// event's JSON, as a handler does. The setup checks one invocation of each (succeeded, without calling
/// the service, no line written, and the result the sum of the steps' stored results, so every step was
/// answered from its checkpoint), the cleanup that the measured ones wrote nothing.
/// </summary>
[ReplayJob]
[TimePerOperationColumn(nameof(Operations))]
public class ReplayBenchmarks
{
    /// <summary>The step's body, which replay never runs: had it run, its result would spoil the sum the setup checks.</summary>
    private static readonly Func<IStepContext, Task<long>> s_chargePayment = _ => Task.FromResult(0L);

    private DiscardingStream? _output;
    private ServiceProvider? _services;
    private DurableExecutionOptions? _options;
    private DurableExecutionInvocationInput? _input;
    private byte[] _inputJson = [];

    [Params(1_000, 10_000, 100_000)]
    public int Operations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = CheckpointHistory.WithSucceededSteps(Operations);
        _inputJson = Encoding.UTF8.GetBytes(DurableWireFormat.SerializeInvocationInput(_input));
        RequireEverythingReplayed();
        _output = new DiscardingStream();
        _services = OursSetup.Build(_output, DurableLogFormat.Json);
        _options = Options(_services);
    }

    [Benchmark(Baseline = true, Description = "replay")]
    public Task<DurableExecutionInvocationOutput> Replay() =>
        DurableExecution.RunAsync<string, long>(_input!, new LambdaInvocation(WorkloadFields.RequestId), Workflow, _options!);

    [Benchmark(Description = "parse and replay")]
    public Task<DurableExecutionInvocationOutput> ParseAndReplay() =>
        DurableExecution.RunAsync<string, long>(DurableWireFormat.ParseInvocationInput(_inputJson), new LambdaInvocation(WorkloadFields.RequestId), Workflow, _options!);

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        if (_output is { Writes: > 0 } output)
        {
            throw SanityChecks.Failed($"The measured invocations wrote {output.Writes} line(s): replayed lines must be suppressed.");
        }
    }

    private static DurableExecutionOptions Options(ServiceProvider services) =>
        new(new UnreachableServiceClient(), new JsonDurableSerializer(ReplayJsonContext.Default.Options))
        {
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
        };

    /// <summary>The workflow: a log line, then a step, as many times as the history holds steps; returns the sum of the steps' results.</summary>
    private async Task<long> Workflow(string? orderId, IDurableContext context)
    {
        var logger = context.Logger;
        var sum = 0L;
        for (var i = 0; i < Operations; i++)
        {
            OrderLog.OrderCharged(logger, orderId!, OrderCharge.Amount, OrderCharge.Currency);
            sum += await context.StepAsync(s_chargePayment, CheckpointHistory.StepName).ConfigureAwait(false);
        }

        return sum;
    }

    /// <summary>
    /// Requires one invocation of each benchmark's input, writing into a recording sink, to succeed without
    /// calling the service, to write no line, and to return the sum of the history's step results (1 to
    /// <see cref="Operations"/>): every step replayed from its checkpoint, every line suppressed.
    /// </summary>
    private void RequireEverythingReplayed()
    {
        var expected = (((long)Operations * (Operations + 1)) / 2).ToString(CultureInfo.InvariantCulture);
        foreach (var (benchmark, input) in new[] { ("replay", _input!), ("parse and replay", DurableWireFormat.ParseInvocationInput(_inputJson)) })
        {
            var sink = new RecordingLogSink();
            using var services = OursSetup.Build(sink, DurableLogFormat.Json);
            var output = DurableExecution.RunAsync<string, long>(input, new LambdaInvocation(WorkloadFields.RequestId), Workflow, Options(services))
                .GetAwaiter().GetResult();
            if (output.Status != InvocationStatus.Succeeded)
            {
                throw SanityChecks.Failed($"The {benchmark} invocation ended {output.Status}: {output.Error?.ErrorType}: {output.Error?.ErrorMessage}");
            }

            if (output.Result != expected)
            {
                throw SanityChecks.Failed($"The {benchmark} invocation returned {output.Result}, not {expected}, the sum of the stored step results: a step was not answered from its checkpoint.");
            }

            LineCheck.RequireNothing(sink.Lines, $"{benchmark}: every line is written while its step replays");
        }
    }
}
