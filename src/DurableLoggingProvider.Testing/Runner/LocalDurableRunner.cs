using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Runs a durable handler locally, as the service would: invokes it, and while it returns <c>PENDING</c>,
/// answers its callbacks and invokes, skips time to its next timer, and invokes it again with a new
/// request id, until the execution ends. Records every line each invocation wrote, and the start-up lines
/// written before the run.
/// </summary>
/// <remarks>
/// To run a workflow with an application's own services and loggers, register the runner with them
/// (<see cref="LocalDurableRunnerServiceCollectionExtensions.AddLocalDurableRunner(IServiceCollection, LocalRunnerOptions?)"/>)
/// and resolve it.
/// </remarks>
public sealed class LocalDurableRunner : IDisposable
{
    private static int s_runs;

    private readonly LocalRunnerOptions _options;
    private readonly ServiceProvider? _ownedLoggers;
    private readonly IDurableSerializer _serializer;
    private readonly PlatformLinePrinter? _printer;
    private readonly TimeSpan _initDuration;
    private readonly SinkCursor _cursor;
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
        : this(options, serializer, Stopwatch.StartNew(), options?.LoggerFactory, options?.Sink)
    {
    }

    /// <summary>A runner on an application's logger factory, whose durable provider writes to <paramref name="sink"/>.</summary>
    internal LocalDurableRunner(LocalRunnerOptions options, IDurableSerializer serializer, ILoggerFactory loggerFactory, RecordingLogSink sink)
        : this(options, serializer, Stopwatch.StartNew(), loggerFactory, sink)
    {
    }

    private LocalDurableRunner(LocalRunnerOptions options, IDurableSerializer serializer, Stopwatch setUp, ILoggerFactory? loggerFactory, RecordingLogSink? sink)
    {
        // The runner's set-up stands in for a Lambda environment's init phase: the REPORT line's Init Duration.
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        _options = options;
        _serializer = serializer;
        _printer = PlatformLinePrinter.For(options);
        if (loggerFactory is not null && sink is not null)
        {
            LoggerFactory = loggerFactory;
            Sink = sink;
        }
        else if (loggerFactory is null && sink is null)
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
            throw new ArgumentException(
                "Give LocalRunnerOptions.LoggerFactory and LocalRunnerOptions.Sink together, or neither. To run with an application's own services, " +
                "register the runner with them (services.AddLocalDurableRunner(...)) and resolve LocalDurableRunner.",
                nameof(options));
        }

        _cursor = new SinkCursor(Sink);
        _initDuration = setUp.Elapsed;
    }

    /// <summary>The logger factory the workflow's loggers should come from, so that the runner records their lines.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Every line written through <see cref="LoggerFactory"/>.</summary>
    public RecordingLogSink Sink { get; }

    /// <summary>Runs an execution of <paramref name="handler"/> with <paramref name="input"/> until it ends.</summary>
    /// <typeparam name="TInput">The execution's input type; nullable (<c>Order?</c>) if an execution may start without input.</typeparam>
    /// <typeparam name="TOutput">The execution's result type.</typeparam>
    /// <param name="input">The execution's input, serialized as the service would hold it.</param>
    /// <param name="handler">
    /// The workflow: given the execution's input (deserialized again in every invocation) and the root context,
    /// returns its result. A <see langword="null"/> input reaches it as <see langword="null"/>, as an execution
    /// started without input does in Lambda.
    /// </param>
    /// <param name="cancellationToken">
    /// Cancels the run promptly, also in the middle of an invocation: the caller gets an
    /// <see cref="OperationCanceledException"/>. Work of the cancelled invocation that does not itself watch for
    /// cancellation is abandoned, as an invocation that times out in Lambda is.
    /// </param>
    /// <returns>
    /// How it ended, and every invocation. The status is <c>PENDING</c> only when nothing could resume the
    /// execution, or it did not end within <see cref="LocalRunnerOptions.MaxInvocations"/>; <see cref="LocalRunResult{T}.StuckReason"/> says which.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">
    /// The options aimed at something the run never met: a <see cref="LocalRunnerOptions.CrashAt"/> point that never
    /// fired, or a <see cref="LocalRunnerOptions.CallbackAnswers"/> name that no waiting callback had; or two
    /// callbacks of one answered name waited at once. The message says which.
    /// </exception>
    public async Task<LocalRunResult<TOutput>> RunAsync<TInput, TOutput>(TInput input, Func<TInput, IDurableContext, Task<TOutput>> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        cancellationToken.ThrowIfCancellationRequested();
        var service = new InMemoryDurableService(_options.ExecutionArn, _serializer.Serialize(input), DateTimeOffset.UtcNow, _options.Service)
        {
            FollowsWallClock = _options.RealTime,
        };
        var crash = new CrashingServiceClient(service, _options.CrashAt);
        var resumer = new ExecutionResumer(_options);
        var lines = _cursor.StartRun();
        _printer?.Startup(lines.Startup);
        var invocations = new List<InvocationRecord>();
        var run = Interlocked.Increment(ref s_runs);
        var engineOptions = new DurableExecutionOptions(crash, _serializer) { LoggerFactory = LoggerFactory, ReplayMode = _options.ReplayMode };

        for (var number = 1; number <= _options.MaxInvocations; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var requestId = RequestId(run, number);
            lines.StartInvocation();
            crash.Arm(number, _options.CrashAfterCheckpoints.TryGetValue(number, out var limit) ? limit : null);
            var initDuration = Interlocked.Exchange(ref _coldStartTaken, 1) == 0 ? _initDuration : (TimeSpan?)null;
            _printer?.Start(requestId);
            var stopwatch = Stopwatch.StartNew();
            DurableExecutionInvocationOutput? output = null;
            try
            {
                // The engine gives the token to its calls to the service; a handler that hangs between them is
                // only left behind, so the run is not held by it.
                output = await DurableExecution.RunAsync(service.NextInvocationInput(), new LambdaInvocation(requestId), handler, engineOptions, cancellationToken)
                    .WaitAsync(cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (CheckpointException) when (crash.Fired)
            {
                // The injected crash: the invocation died; the service re-invokes with the state as it was.
            }

            stopwatch.Stop();
            var invocation = new InvocationRecord(number, requestId, output?.Status, crash.Fired, stopwatch.Elapsed, initDuration, lines.EndInvocation(requestId));
            invocations.Add(invocation);
            _printer?.Finish(invocation);
            if (output is { Status: InvocationStatus.Succeeded or InvocationStatus.Failed })
            {
                ThrowIfAimedAtNothing(crash, resumer);
                var result = output.Status == InvocationStatus.Succeeded ? _serializer.Deserialize<TOutput>(output.Result) : default;
                return new LocalRunResult<TOutput>(output.Status, result, output.Error, invocations, service.Operations, null, lines);
            }

            if (output is not null && await resumer.ResumeAsync(service, number, cancellationToken).ConfigureAwait(false) is { } stuck)
            {
                ThrowIfAimedAtNothing(crash, resumer);
                return new LocalRunResult<TOutput>(InvocationStatus.Pending, default, null, invocations, service.Operations, stuck, lines);
            }
        }

        ThrowIfAimedAtNothing(crash, resumer);
        return new LocalRunResult<TOutput>(
            InvocationStatus.Pending, default, null, invocations, service.Operations, $"The execution did not end within {_options.MaxInvocations} invocations.", lines);
    }

    /// <inheritdoc />
    public void Dispose() => _ownedLoggers?.Dispose();

    private static void ThrowIfAimedAtNothing(CrashingServiceClient crash, ExecutionResumer resumer)
    {
        if (crash.Unfired() is { Count: > 0 } unfired)
        {
            throw new InvalidOperationException(
                $"LocalRunnerOptions.CrashAt aimed at a checkpoint the run never made: {string.Join("; ", unfired)}. " +
                $"The operations checkpointed were: {string.Join(", ", crash.OperationsSeen())}.");
        }

        if (resumer.UnusedAnswers() is { Count: > 0 } unused)
        {
            throw new InvalidOperationException(
                $"LocalRunnerOptions.CallbackAnswers has an answer for {string.Join(", ", unused.ConvertAll(name => $"'{name}'"))}, but no callback of that name waited during the run. " +
                $"The callbacks that waited were named: {resumer.NamesSeen()}. A wait-for-callback's callback goes by the wait-for-callback's name.");
        }
    }

    /// <summary>A request id no other invocation in this process has: the run's number, then the invocation's.</summary>
    private static string RequestId(int run, int number) =>
        $"{run.ToString("D8", CultureInfo.InvariantCulture)}-0000-4000-8000-{number.ToString("D12", CultureInfo.InvariantCulture)}";
}
