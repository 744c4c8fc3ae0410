using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.CrashHelper;

/// <summary>
/// One invocation of a durable execution run with no logger factory in its options, so that the engine
/// logs through the provider it makes itself: its handler writes records through <c>context.Logger</c>.
/// </summary>
public static class EngineWriter
{
    /// <summary>The category of the records the handler writes, the engine's default workflow category.</summary>
    public const string Category = "DurableWorkflow";

    public const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:crash-helper:$LATEST/durable-execution/shared-stdout/run-1";

    public const string RequestId = "crash-helper-request-1";

    /// <summary>Runs the invocation; its handler logs record <c>n</c> of writer <paramref name="writer"/> for every n below <paramref name="records"/>.</summary>
    public static async Task<InvocationStatus> RunAsync(int writer, int records, int bodyLength)
    {
        var input = new DurableExecutionInvocationInput
        {
            DurableExecutionArn = ExecutionArn,
            CheckpointToken = "token-1",
            InitialExecutionState = new ExecutionStatePage
            {
                Operations =
                [
                    new Operation
                    {
                        Id = "execution",
                        Type = OperationType.Execution,
                        Status = OperationStatus.Started,
                        ExecutionDetails = new ExecutionDetails { InputPayload = "null" },
                    },
                ],
            },
        };

        // No LoggerFactory: the engine's own provider writes to standard output.
        var options = new DurableExecutionOptions(new EmptyDurableService(), JsonDurableSerializer.ReflectionBased());
        var output = await DurableExecution.RunAsync<object, int>(
            input,
            new LambdaInvocation(RequestId),
            (_, context) =>
            {
                for (var number = 0; number < records; number++)
                {
                    context.Logger.Log(LogLevel.Information, default, FloodRecords.Sized(writer, number, bodyLength), null, static (message, _) => message);
                }

                return Task.FromResult(records);
            },
            options).ConfigureAwait(false);
        return output.Status;
    }
}
