using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Proxy;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Conformance.Tests.Harness;

/// <summary>
/// Runs a workflow with our engine (<see cref="DurableExecution.RunAsync"/>) as the handler of AWS's
/// <c>LocalDurableTestRunner</c>, so AWS's checkpoint server is the durable service. The workflow logs
/// through an <c>ILogger&lt;T&gt;</c> from <c>AddLogging(b =&gt; b.AddDurableLogging())</c> into a recording sink.
/// </summary>
internal static class ConformanceRunner
{
    /// <summary>How long any workflow may run; one that neither ends nor suspends fails its test instead of hanging it.</summary>
    public const int TimeoutMilliseconds = 30_000;

    // DurableExecutionOptions.StatePageSize's default.
    private const int EngineStatePageSize = 1000;

    /// <summary>Runs <paramref name="workflow"/> with <paramref name="input"/> until AWS's runner says it ended.</summary>
    public static async Task<ConformanceResult> RunAsync<TInput, TOutput>(
        TInput input,
        Func<TInput?, IDurableContext, ILogger, Task<TOutput>> workflow,
        ConformanceRunOptions? options,
        CancellationToken cancellationToken)
    {
        options ??= new ConformanceRunOptions();
        var proxy = await NodeProxy.ForAsync(options.Time, cancellationToken).ConfigureAwait(false);
        var sink = new RecordingLogSink();
        await using var services = new ServiceCollection()
            .AddSingleton<ILogSink>(sink)
            .AddLogging(builder => builder.AddDurableLogging(durable => durable.Format = DurableLogFormat.Json))
            .BuildServiceProvider();
        var logger = services.GetRequiredService<ILogger<ConformanceWorkflow>>();
        var serializer = JsonDurableSerializer.ReflectionBased();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        using var service = ConformanceServiceClient.Create(options.Client, proxy.BaseAddress);
        var calls = new List<CheckpointCall>();
        var stateReads = new StateReadCounter();
        var invocations = new List<ConformanceInvocation>();
        var loss = options.Loss;

        async Task<string> InvokeAsync(int call, string requestId, string eventText)
        {
            DurableExecutionInvocationInput invocationInput;
            try
            {
                invocationInput = DurableWireFormat.ParseInvocationInput(eventText);
            }
            catch (DurableExecutionInputException exception)
            {
                invocations.Add(new ConformanceInvocation(invocations.Count + 1, requestId, "THREW", $"{exception.GetType().Name}: {exception.Message}", [], eventText, null));
                throw;
            }

            while (true)
            {
                var number = invocations.Count + 1;
                var client = new RecordingServiceClient(service.Client, calls, stateReads, number, loss);
                var run = new DurableExecutionOptions(client, serializer)
                {
                    LoggerFactory = loggerFactory,
                    ReplayMode = options.ReplayMode,
                    StatePageSize = options.StatePageSize ?? EngineStatePageSize,
                };
                DurableExecutionInvocationOutput? output = null;
                Exception? failure = null;
                try
                {
                    output = await DurableExecution.RunAsync<TInput, TOutput>(
                        invocationInput, new LambdaInvocation(requestId), (value, context) => workflow(value, context, logger), run, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure = exception;
                }

                if (client.Lost)
                {
                    // Lambda retries a lost invocation: a new request, the state AWS holds now.
                    invocations.Add(new ConformanceInvocation(number, requestId, "LOST", null, Updated(invocationInput), eventText, invocationInput));
                    loss = null;
                    invocationInput = await RetryInputAsync(service.Client, calls, stateReads, number, invocationInput, client.LatestToken, cancellationToken).ConfigureAwait(false);
                    requestId = Guid.NewGuid().ToString();
                    continue;
                }

                if (failure is not null)
                {
                    invocations.Add(new ConformanceInvocation(number, requestId, "THREW", $"{failure.GetType().Name}: {failure.Message}", Updated(invocationInput), eventText, invocationInput));
                    throw failure;
                }

                if (options.AfterEngine is { } after)
                {
                    await after(client, invocationInput).ConfigureAwait(false);
                }

                invocations.Add(new ConformanceInvocation(number, requestId, output!.Status.ToString().ToUpperInvariant(), null, Updated(invocationInput), eventText, invocationInput));
                return DurableWireFormat.SerializeInvocationOutput(output);
            }
        }

        var run = new JsonObject
        {
            ["input"] = serializer.Serialize(input),
            ["answers"] = new JsonArray(options.Answers.Select(answer => (JsonNode)answer.ToJson()).ToArray()),
            ["timestamps"] = options.EpochMillisecondTimestamps ? "epoch-ms" : "as-given",
            // The Lambda client signs every request; the proxy refuses one that is not signed for the service lambda.
            ["requireSignature"] = options.RequireSignature ?? options.Client == ServiceClientKind.Lambda,
        };
        if (options.PageSize is { } pageSize)
        {
            run["pageSize"] = pageSize;
        }

        var ended = await proxy.RunAsync(run, InvokeAsync, cancellationToken).ConfigureAwait(false);
        List<CheckpointCall> recorded;
        lock (calls)
        {
            recorded = [.. calls];
        }

        var records = sink.JsonRecords()
            .Where(record => record.TryGetProperty("category", out var category) && category.GetString() == typeof(ConformanceWorkflow).FullName)
            .ToList();
        return new ConformanceResult(options.Client, ended, invocations, recorded, records) { StateReads = stateReads.Count };
    }

    private static List<string> Updated(DurableExecutionInvocationInput input) => [.. input.UpdatedOperationIds ?? []];

    private static async Task<DurableExecutionInvocationInput> RetryInputAsync(
        IDurableServiceClient service, List<CheckpointCall> calls, StateReadCounter stateReads, int lostInvocation, DurableExecutionInvocationInput lost, string? latestToken, CancellationToken cancellationToken)
    {
        var reader = new RecordingServiceClient(service, calls, stateReads, lostInvocation + 1, null);
        var token = latestToken ?? lost.CheckpointToken;
        var operations = new List<Operation>();
        var marker = string.Empty;
        do
        {
            var page = await reader.GetExecutionStateAsync(
                new ExecutionStateRequest { DurableExecutionArn = lost.DurableExecutionArn, CheckpointToken = token, Marker = marker, MaxItems = 1000 }, cancellationToken).ConfigureAwait(false);
            operations.AddRange(page.Operations);
            marker = page.NextMarker ?? string.Empty;
        }
        while (marker.Length > 0);

        return new DurableExecutionInvocationInput
        {
            DurableExecutionArn = lost.DurableExecutionArn,
            CheckpointToken = token,
            InitialExecutionState = new ExecutionStatePage { Operations = operations, NextMarker = string.Empty },
            UpdatedOperationIds = [],
        };
    }
}
