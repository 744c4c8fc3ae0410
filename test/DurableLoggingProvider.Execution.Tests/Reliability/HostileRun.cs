using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// Runs one invocation against a <see cref="HostileServiceClient"/>: a workflow of one step,
/// <c>charge</c>, whose body and handler runs are counted, and returns what happened instead of throwing.
/// </summary>
internal static class HostileRun
{
    public const string ExecutionId = "execution";

    /// <summary>The wire id of the workflow's first root operation, the step <c>charge</c>.</summary>
    public static readonly string ChargeId = OperationIds.Create(null, 1);

    public static Operation ExecutionOperation(string id = ExecutionId, string payload = "\"order-42\"") => new()
    {
        Id = id,
        Type = OperationType.Execution,
        Status = OperationStatus.Started,
        ExecutionDetails = new ExecutionDetails { InputPayload = payload },
    };

    public static Operation Charge(OperationStatus status, int? attempt = null, string name = "charge") => new()
    {
        Id = ChargeId,
        Type = OperationType.Step,
        SubType = OperationSubTypes.Step,
        Name = name,
        Status = status,
        StepDetails = new StepDetails { Attempt = attempt, Result = status == OperationStatus.Succeeded ? "\"charged\"" : null },
    };

    /// <summary>A page; null operations are kept, as a hostile service sends them.</summary>
    public static ExecutionStatePage Page(string? nextMarker, params Operation?[] operations) =>
        new() { Operations = new List<Operation?>(operations)!, NextMarker = nextMarker };

    public static DurableExecutionInvocationInput Input(ExecutionStatePage? state) => new()
    {
        DurableExecutionArn = InvocationDriver.DefaultExecutionArn,
        CheckpointToken = "token-0",
        InitialExecutionState = state,
    };

    public static DurableExecutionInvocationInput Input(params Operation?[] operations) => Input(Page(null, operations));

    /// <summary>Runs the one-step workflow (or <paramref name="body"/> as the step's body).</summary>
    public static async Task<HostileOutcome> RunAsync(
        DurableExecutionInvocationInput input,
        IDurableServiceClient client,
        CancellationToken cancellationToken,
        Func<Task<string>>? body = null,
        StepConfig? config = null,
        ILoggerFactory? loggers = null)
    {
        var handlerRuns = 0;
        var bodyRuns = 0;
        Func<string?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            Interlocked.Increment(ref handlerRuns);
            return await context.StepAsync(
                _ =>
                {
                    Interlocked.Increment(ref bodyRuns);
                    return body?.Invoke() ?? Task.FromResult("charged");
                },
                "charge",
                config);
        };
        var options = new DurableExecutionOptions(client, InvocationDriver.Serializer) { LoggerFactory = loggers ?? NullLoggerFactory.Instance };
        try
        {
            var output = await DurableExecution.RunAsync(input, new LambdaInvocation("request-1"), handler, options, cancellationToken).WaitAsync(cancellationToken);
            return new HostileOutcome(output, null, handlerRuns, bodyRuns);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HostileOutcome(null, exception, handlerRuns, bodyRuns);
        }
    }
}
