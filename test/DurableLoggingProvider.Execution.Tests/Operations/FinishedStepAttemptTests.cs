using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// AWS's checkpoint server raises <c>StepDetails.Attempt</c> on <c>SUCCEED</c> and <c>FAIL</c> too (a first-try
/// success reads 1; durable-wire-format.md, section 4): a finished step replays the same whatever attempt
/// count it carries.
/// </summary>
[TestFixture]
public class FinishedStepAttemptTests
{
    [TestCase(null)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(9)]
    [CancelAfter(30000)]
    public async Task AFinishedStepReplaysTheSameWhateverAttemptTheServiceStored(int? attempt, CancellationToken cancellationToken)
    {
        var bodies = 0;
        var sink = new RecordingLogSink();
        using var logging = InvocationDriver.CreateLogging(sink);
        var input = new DurableExecutionInvocationInput
        {
            DurableExecutionArn = InvocationDriver.DefaultExecutionArn,
            CheckpointToken = "token-1",
            InitialExecutionState = new ExecutionStatePage
            {
                Operations =
                [
                    new Operation { Id = "execution", Type = OperationType.Execution, Status = OperationStatus.Started, ExecutionDetails = new ExecutionDetails { InputPayload = "\"input\"" } },
                    new Operation
                    {
                        Id = OperationIds.Create(null, 1), Type = OperationType.Step, SubType = "Step", Name = "reserve", Status = OperationStatus.Succeeded,
                        StepDetails = new StepDetails { Attempt = attempt, Result = "\"reserved\"" },
                    },
                    new Operation
                    {
                        Id = OperationIds.Create(null, 2), Type = OperationType.Step, SubType = "Step", Name = "charge", Status = OperationStatus.Failed,
                        StepDetails = new StepDetails { Attempt = attempt, Error = new ErrorObject { ErrorType = "Declined", ErrorMessage = "card declined" } },
                    },
                ],
            },
        };
        var service = new FixedStatePages(new Dictionary<string, ExecutionStatePage>());
        var options = new DurableExecutionOptions(service, InvocationDriver.Serializer) { LoggerFactory = logging.GetRequiredService<ILoggerFactory>() };

        var output = await DurableExecution.RunAsync<string, string>(
            input,
            new LambdaInvocation("request-1"),
            async (_, context) =>
            {
                var reserved = await context.StepAsync(_ => Task.FromResult($"ran {++bodies}"), "reserve");
                try
                {
                    await context.StepAsync(_ => Task.FromResult($"ran {++bodies}"), "charge");
                    return "charged";
                }
                catch (StepException exception)
                {
                    return $"{reserved}; {exception.ErrorType}: {exception.ErrorMessage}";
                }
            },
            options,
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.EqualTo("\"reserved; Declined: card declined\""));
            Assert.That(bodies, Is.Zero, "no finished step runs again");
            Assert.That(service.Calls, Is.Zero, "nothing is checkpointed for finished steps");
            Assert.That(sink.JsonRecords().Where(record => record.TryGetProperty("attempt", out _)), Is.Empty);
        });
    }
}
