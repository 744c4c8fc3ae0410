using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// Drives one execution invocation by invocation against the in-memory service, as the service would:
/// for tests that change the handler between invocations, page or decorate the service, or read every
/// checkpoint update the engine sends.
/// </summary>
internal sealed class InvocationDriver : IDisposable
{
    public const string DefaultExecutionArn =
        "arn:aws:lambda:us-east-1:123456789012:function:orders:1/durable-execution/order-42/6f1c2a9e-0000-4000-8000-000000000001";

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _lock = new();
    private readonly List<OperationUpdate> _updates = [];
    private readonly ServiceProvider? _ownedLoggers;
    private readonly string _requestIdPrefix;
    private int _invocations;

    public InvocationDriver(
        InMemoryServiceOptions? serviceOptions = null,
        Func<InMemoryDurableService, IDurableServiceClient>? decorate = null,
        Action<ILoggingBuilder>? configureLogging = null,
        string executionArn = DefaultExecutionArn,
        string? inputPayload = "\"input\"",
        (ILoggerFactory Factory, RecordingLogSink Sink)? sharedLogging = null,
        string requestIdPrefix = "request-")
    {
        _requestIdPrefix = requestIdPrefix;
        Service = new InMemoryDurableService(executionArn, inputPayload, Start, serviceOptions);
        Service.BeforeCheckpoint = request =>
        {
            lock (_lock)
            {
                _updates.AddRange(request.Updates);
            }
        };
        Client = decorate?.Invoke(Service) ?? Service;
        if (sharedLogging is { } shared)
        {
            LoggerFactory = shared.Factory;
            Sink = shared.Sink;
        }
        else
        {
            Sink = new RecordingLogSink();
            _ownedLoggers = CreateLogging(Sink, configureLogging);
            LoggerFactory = _ownedLoggers.GetRequiredService<ILoggerFactory>();
        }
    }

    public static IDurableSerializer Serializer { get; } = JsonDurableSerializer.ReflectionBased();

    public InMemoryDurableService Service { get; }

    /// <summary>What the engine talks to: the service, or the decorator around it.</summary>
    public IDurableServiceClient Client { get; }

    public RecordingLogSink Sink { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The request ids of the invocations made so far, in order.</summary>
    public IReadOnlyList<string> RequestIds => Enumerable.Range(1, _invocations).Select(RequestId).ToList();

    /// <summary>Every checkpoint update the engine sent, in order.</summary>
    public IReadOnlyList<OperationUpdate> Updates
    {
        get
        {
            lock (_lock)
            {
                return _updates.ToList();
            }
        }
    }

    /// <summary>A service provider whose logger factory has the durable provider (JSON) writing to <paramref name="sink"/>.</summary>
    public static ServiceProvider CreateLogging(RecordingLogSink sink, Action<ILoggingBuilder>? configureLogging = null) =>
        new ServiceCollection()
            .AddSingleton<ILogSink>(sink)
            .AddLogging(builder =>
            {
                builder.AddDurableLogging(durable => durable.Format = DurableLogFormat.Json);
                configureLogging?.Invoke(builder);
            })
            .BuildServiceProvider();

    public string RequestId(int number) => $"{_requestIdPrefix}{number}";

    /// <summary>Runs the next invocation with <paramref name="handler"/>.</summary>
    public Task<DurableExecutionInvocationOutput> InvokeAsync<TInput, TOutput>(Func<TInput, IDurableContext, Task<TOutput>> handler, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _invocations);
        var options = new DurableExecutionOptions(Client, Serializer) { LoggerFactory = LoggerFactory };
        return DurableExecution.RunAsync(Service.NextInvocationInput(), new LambdaInvocation(RequestId(number)), handler, options, cancellationToken)
            .WaitAsync(cancellationToken);
    }

    /// <summary>Runs invocations, firing the next timer after each <c>PENDING</c> one, until the execution ends; returns every output.</summary>
    public async Task<IReadOnlyList<DurableExecutionInvocationOutput>> RunUntilEndAsync<TInput, TOutput>(
        Func<TInput, IDurableContext, Task<TOutput>> handler, CancellationToken cancellationToken, int maxInvocations = 50)
    {
        var outputs = new List<DurableExecutionInvocationOutput>();
        while (outputs.Count < maxInvocations)
        {
            var output = await InvokeAsync(handler, cancellationToken).ConfigureAwait(false);
            outputs.Add(output);
            if (output.Status != InvocationStatus.Pending)
            {
                break;
            }

            FireNextTimer();
        }

        return outputs;
    }

    /// <summary>Moves the service's clock to its next timer, firing it.</summary>
    public void FireNextTimer() => Service.AdvanceTo(Service.NextTimer() ?? throw new InvalidOperationException("The execution is pending but no timer is set."));

    /// <summary>The updates sent for one operation, in order.</summary>
    public IReadOnlyList<OperationUpdate> UpdatesOf(string operationId) => Updates.Where(update => update.Id == operationId).ToList();

    /// <summary>The service's operation with this id.</summary>
    public Operation Operation(string operationId) => Service.Operations.Single(operation => operation.Id == operationId);

    /// <summary>The recorded lines whose <c>message</c> is exactly <paramref name="message"/>.</summary>
    public IReadOnlyList<JsonElement> RecordsWithMessage(string message) =>
        Sink.JsonRecords().Where(record => record.GetProperty("message").GetString() == message).ToList();

    public void Dispose() => _ownedLoggers?.Dispose();
}
