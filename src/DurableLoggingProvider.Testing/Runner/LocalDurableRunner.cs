using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text.Json;
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
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        _options = options;
        _serializer = serializer;
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
    }

    /// <summary>The logger factory the workflow's loggers should come from, so that the runner records their lines.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Every line written through <see cref="LoggerFactory"/>.</summary>
    public RecordingLogSink Sink { get; }

    /// <summary>Runs an execution of <paramref name="handler"/> with <paramref name="input"/> until it ends.</summary>
    public async Task<LocalRunResult<TOutput>> RunAsync<TInput, TOutput>(TInput input, Func<TInput?, IDurableContext, Task<TOutput>> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var service = new InMemoryDurableService(_options.ExecutionArn, _serializer.Serialize(input), DateTimeOffset.UtcNow, _options.Service);
        var invocations = new List<InvocationRecord>();
        var run = Interlocked.Increment(ref s_runs);
        var crash = new CrashInjection(service);
        var engineOptions = new DurableExecutionOptions(service, _serializer) { LoggerFactory = LoggerFactory, ReplayMode = _options.ReplayMode };

        for (var number = 1; number <= _options.MaxInvocations; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var requestId = RequestId(run, number);
            var firstLine = Sink.Count;
            crash.Arm(_options.CrashAfterCheckpoints.TryGetValue(number, out var limit) ? limit : null);
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
            invocations.Add(Record(number, requestId, output, crash.Fired, stopwatch.Elapsed, firstLine));
            if (output is { Status: InvocationStatus.Succeeded or InvocationStatus.Failed })
            {
                var result = output.Status == InvocationStatus.Succeeded ? _serializer.Deserialize<TOutput>(output.Result) : default;
                return new LocalRunResult<TOutput>(output.Status, result, output.Error, invocations, service.Operations, null);
            }

            if (output is not null && await ResumeAsync(service, number, cancellationToken).ConfigureAwait(false) is { } stuck)
            {
                return new LocalRunResult<TOutput>(InvocationStatus.Pending, default, null, invocations, service.Operations, stuck);
            }
        }

        return new LocalRunResult<TOutput>(
            InvocationStatus.Pending, default, null, invocations, service.Operations, $"The execution did not end within {_options.MaxInvocations} invocations.");
    }

    /// <inheritdoc />
    public void Dispose() => _ownedLoggers?.Dispose();

    /// <summary>Does what the service does while the execution is suspended; returns why nothing can resume it, if so.</summary>
    private async Task<string?> ResumeAsync(InMemoryDurableService service, int invocation, CancellationToken cancellationToken)
    {
        var answered = false;
        foreach (var callback in service.PendingCallbacks())
        {
            var pending = new PendingCallback(callback.CallbackDetails!.CallbackId!, callback.Name, callback.Id, invocation);
            switch (_options.AnswerCallback?.Invoke(pending))
            {
                case { TimedOut: true }:
                    service.TimeOutCallback(pending.CallbackId);
                    answered = true;
                    break;
                case { Error: { } error }:
                    service.FailCallback(pending.CallbackId, error);
                    answered = true;
                    break;
                case { } success:
                    service.SucceedCallback(pending.CallbackId, success.Result);
                    answered = true;
                    break;
            }
        }

        foreach (var invoke in service.PendingInvokes())
        {
            answered = true;
            await CompleteInvokeAsync(service, invoke).ConfigureAwait(false);
        }

        if (answered)
        {
            return null;
        }

        if (service.NextTimer() is not { } timer)
        {
            var waiting = service.PendingCallbacks().Select(callback => callback.Name ?? callback.CallbackDetails?.CallbackId);
            return $"The execution is pending but nothing can resume it: no timer is set and no answer came for callback(s) {string.Join(", ", waiting)}.";
        }

        if (_options.RealTime && timer > DateTimeOffset.UtcNow)
        {
            await Task.Delay(timer - DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        }

        service.AdvanceTo(timer);
        return null;
    }

    private async Task CompleteInvokeAsync(InMemoryDurableService service, Operation invoke)
    {
        var request = service.InvokeRequest(invoke.Id);
        if (request.FunctionName is null || !_options.Functions.TryGetValue(request.FunctionName, out var function))
        {
            service.CompleteInvoke(invoke.Id, null, new ErrorObject
            {
                ErrorType = "ResourceNotFoundException",
                ErrorMessage = $"No function named '{request.FunctionName}' is registered with the local runner (LocalRunnerOptions.Functions).",
            });
            return;
        }

        try
        {
            service.CompleteInvoke(invoke.Id, await function(request.Payload).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            service.CompleteInvoke(invoke.Id, null, new ErrorObject { ErrorType = exception.GetType().FullName, ErrorMessage = exception.Message });
        }
    }

    private InvocationRecord Record(int number, string requestId, DurableExecutionInvocationOutput? output, bool crashed, TimeSpan duration, int firstLine)
    {
        // The sink may be shared with other executions running at the same time: keep this invocation's lines.
        var lines = new List<string>();
        var records = new List<JsonElement>();
        foreach (var line in Sink.Lines.Skip(firstLine))
        {
            if (_options.LogFormat == DurableLogFormat.Json)
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("requestId", out var id) && id.GetString() == requestId)
                {
                    lines.Add(line);
                    records.Add(document.RootElement.Clone());
                }
            }
            else if (line.Split('\t') is [_, var id, ..] && id == requestId)
            {
                lines.Add(line);
            }
        }

        return new InvocationRecord(number, requestId, output?.Status, crashed, duration, lines, records);
    }

    /// <summary>A request id no other invocation in this process has: the run's number, then the invocation's.</summary>
    private static string RequestId(int run, int number) =>
        $"{run.ToString("D8", CultureInfo.InvariantCulture)}-0000-4000-8000-{number.ToString("D12", CultureInfo.InvariantCulture)}";

    /// <summary>Makes the service fail the checkpoint call after the given number of calls in one invocation.</summary>
    private sealed class CrashInjection
    {
        private int? _limit;
        private int _calls;

        public CrashInjection(InMemoryDurableService service)
        {
            service.BeforeCheckpoint = _ =>
            {
                if (_limit is { } limit && ++_calls > limit)
                {
                    Fired = true;
                    throw new InvalidOperationException($"Injected crash after {limit} checkpoint call(s).");
                }
            };
        }

        public bool Fired { get; private set; }

        public void Arm(int? limit)
        {
            _limit = limit;
            _calls = 0;
            Fired = false;
        }
    }
}
