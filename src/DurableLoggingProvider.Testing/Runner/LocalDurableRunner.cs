using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Runs a durable handler locally, as the service would: invokes it, and while it returns <c>PENDING</c>,
/// answers its callbacks and invokes, skips time to its next timer, and invokes it again with a new
/// request id, until the execution ends. Records every line each invocation wrote.
/// </summary>
public sealed class LocalDurableRunner : IDisposable
{
    private static int s_runs;

    private readonly LocalRunnerOptions _options;
    private readonly ServiceProvider? _ownedLoggers;
    private readonly IDurableSerializer _serializer;
    private readonly ExecutionResumer _resumer;
    private readonly PlatformLinePrinter? _printer;
    private readonly TimeSpan _initDuration;
    private int _coldStartTaken;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">How to run; defaults otherwise.</param>
    [RequiresUnreferencedCode("Without LocalRunnerOptions.Serializer, the runner serializes by reflection.")]
    [RequiresDynamicCode("Without LocalRunnerOptions.Serializer, the runner serializes by reflection.")]
    public LocalDurableRunner(LocalRunnerOptions? options = null)
        : this(options ?? new LocalRunnerOptions(), (options?.Serializer) ?? JsonDurableSerializer.ReflectionBased())
    {
    }

    /// <summary>Creates a runner with an explicit serializer (trim-safe).</summary>
    /// <param name="options">How to run.</param>
    /// <param name="serializer">The serializer of checkpointed values.</param>
    public LocalDurableRunner(LocalRunnerOptions options, IDurableSerializer serializer)
    {
        // The runner's set-up stands in for a Lambda environment's init phase: the REPORT line's Init Duration.
        var setUp = Stopwatch.StartNew();
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        _options = options;
        _serializer = serializer;
        _resumer = new ExecutionResumer(options);
        _printer = PlatformLinePrinter.For(options);
        if (options.LoggerFactory is not null && options.Sink is not null)
        {
            LoggerFactory = options.LoggerFactory;
            Sink = options.Sink;
        }
        else if (options.LoggerFactory is null && options.Sink is null)
        {
            Sink = new RecordingLogSink();
            var services = new ServiceCollection()
                .AddSingleton<ILogSink>(Sink)
                .AddLogging(builder =>
                {
                    builder.AddDurableLogging(durable => durable.Format = options.LogFormat);
                    options.ConfigureLogging?.Invoke(builder);
                })
                .BuildServiceProvider();
            _ownedLoggers = services;
            LoggerFactory = services.GetRequiredService<ILoggerFactory>();
        }
        else
        {
            throw new ArgumentException("Give LocalRunnerOptions.LoggerFactory and LocalRunnerOptions.Sink together, or neither.", nameof(options));
        }

        _initDuration = setUp.Elapsed;
    }

    /// <summary>The logger factory the workflow's loggers should come from, so that the runner records their lines.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Every line written through <see cref="LoggerFactory"/>.</summary>
    public RecordingLogSink Sink { get; }

    /// <summary>Runs an execution of <paramref name="handler"/> with <paramref name="input"/> until it ends.</summary>
    /// <returns>
    /// How it ended, and every invocation. The status is <c>PENDING</c> only when nothing could resume the
    /// execution, or it did not end within <see cref="LocalRunnerOptions.MaxInvocations"/>; <see cref="LocalRunResult{T}.StuckReason"/> says which.
    /// </returns>
    public async Task<LocalRunResult<TOutput>> RunAsync<TInput, TOutput>(TInput input, Func<TInput?, IDurableContext, Task<TOutput>> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var service = new InMemoryDurableService(_options.ExecutionArn, _serializer.Serialize(input), DateTimeOffset.UtcNow, _options.Service)
        {
            FollowsWallClock = _options.RealTime,
        };
        var invocations = new List<InvocationRecord>();
        var withoutRequestId = new List<RecordedLine>();
        var run = Interlocked.Increment(ref s_runs);
        var crash = new CrashInjection(service);
        var engineOptions = new DurableExecutionOptions(service, _serializer) { LoggerFactory = LoggerFactory, ReplayMode = _options.ReplayMode };

        for (var number = 1; number <= _options.MaxInvocations; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var requestId = RequestId(run, number);
            var firstLine = Sink.Count;
            crash.Arm(_options.CrashAfterCheckpoints.TryGetValue(number, out var limit) ? limit : null);
            var initDuration = Interlocked.Exchange(ref _coldStartTaken, 1) == 0 ? _initDuration : (TimeSpan?)null;
            _printer?.Start(requestId);
            var stopwatch = Stopwatch.StartNew();
            DurableExecutionInvocationOutput? output = null;
            try
            {
                output = await DurableExecution.RunAsync(service.NextInvocationInput(), new LambdaInvocation(requestId), handler, engineOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (CheckpointException) when (crash.Fired)
            {
                // The injected crash: the invocation died; the service re-invokes with the state as it was.
            }

            stopwatch.Stop();
            var invocation = Record(number, requestId, output, crash.Fired, stopwatch.Elapsed, initDuration, firstLine, withoutRequestId);
            invocations.Add(invocation);
            _printer?.Finish(invocation);
            if (output is { Status: InvocationStatus.Succeeded or InvocationStatus.Failed })
            {
                var result = output.Status == InvocationStatus.Succeeded ? _serializer.Deserialize<TOutput>(output.Result) : default;
                return new LocalRunResult<TOutput>(output.Status, result, output.Error, invocations, service.Operations, null, withoutRequestId);
            }

            if (output is not null && await _resumer.ResumeAsync(service, number, cancellationToken).ConfigureAwait(false) is { } stuck)
            {
                return new LocalRunResult<TOutput>(InvocationStatus.Pending, default, null, invocations, service.Operations, stuck, withoutRequestId);
            }
        }

        return new LocalRunResult<TOutput>(
            InvocationStatus.Pending, default, null, invocations, service.Operations, $"The execution did not end within {_options.MaxInvocations} invocations.", withoutRequestId);
    }

    /// <inheritdoc />
    public void Dispose() => _ownedLoggers?.Dispose();

    private InvocationRecord Record(
        int number, string requestId, DurableExecutionInvocationOutput? output, bool crashed, TimeSpan duration, TimeSpan? initDuration, int firstLine, List<RecordedLine> withoutRequestId)
    {
        // The sink may be shared with other executions running at the same time: keep this invocation's
        // lines, by the request id the sink kept with each line when it was written.
        var lines = new List<RecordedLine>();
        foreach (var line in Sink.RecordedLines.Skip(firstLine))
        {
            if (line.RequestId == requestId)
            {
                lines.Add(line);
            }
            else if (line.RequestId is null)
            {
                withoutRequestId.Add(line);
            }
        }

        return new InvocationRecord(number, requestId, output?.Status, crashed, duration, initDuration, lines);
    }

    /// <summary>A request id no other invocation in this process has: the run's number, then the invocation's.</summary>
    private static string RequestId(int run, int number) =>
        $"{run.ToString("D8", CultureInfo.InvariantCulture)}-0000-4000-8000-{number.ToString("D12", CultureInfo.InvariantCulture)}";
}
