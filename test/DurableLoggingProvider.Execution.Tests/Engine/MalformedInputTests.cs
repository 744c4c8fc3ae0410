using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// Input the engine cannot run (durable-wire-format.md, section 1): no ARN, or no <c>EXECUTION</c>
/// operation in any page of the state. The engine throws, naming the field, and never runs the handler.
/// </summary>
[TestFixture]
public class MalformedInputTests
{
    private const string Arn = InvocationDriver.DefaultExecutionArn;

    [TestCase("")]
    [TestCase(null)]
    [CancelAfter(30000)]
    public void AMissingArnIsRejectedNamingTheField(string? arn, CancellationToken cancellationToken)
    {
        var input = new DurableExecutionInvocationInput
        {
            DurableExecutionArn = arn!,
            CheckpointToken = "token-0",
            InitialExecutionState = new ExecutionStatePage { Operations = [ExecutionOperation()] },
        };

        var (exception, handlerCalls, serviceCalls) = Run(input, new FixedStatePages(new Dictionary<string, ExecutionStatePage>()), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<DurableExecutionInputException>());
            Assert.That(exception?.Message, Does.Contain("DurableExecutionArn"));
            Assert.That(handlerCalls, Is.Zero, "the handler never runs");
            Assert.That(serviceCalls, Is.Zero, "the service is never called");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public void AStateWithoutAnExecutionOperationIsRejectedNamingTheField(CancellationToken cancellationToken)
    {
        var input = new DurableExecutionInvocationInput
        {
            DurableExecutionArn = Arn,
            CheckpointToken = "token-0",
            InitialExecutionState = new ExecutionStatePage { Operations = [StepOperation()] },
        };

        var (exception, handlerCalls, serviceCalls) = Run(input, new FixedStatePages(new Dictionary<string, ExecutionStatePage>()), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<DurableExecutionInputException>());
            Assert.That(exception?.Message, Does.Contain("InitialExecutionState").And.Contain("EXECUTION"));
            Assert.That(handlerCalls, Is.Zero, "the handler never runs");
            Assert.That(serviceCalls, Is.Zero, "nothing is checkpointed");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public void AnInputWithNoStateAtAllIsRejectedNamingTheField(CancellationToken cancellationToken)
    {
        var input = new DurableExecutionInvocationInput { DurableExecutionArn = Arn, CheckpointToken = "token-0", InitialExecutionState = null };

        var (exception, handlerCalls, _) = Run(input, new FixedStatePages(new Dictionary<string, ExecutionStatePage>()), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<DurableExecutionInputException>());
            Assert.That(exception?.Message, Does.Contain("InitialExecutionState").And.Contain("EXECUTION"));
            Assert.That(handlerCalls, Is.Zero, "the handler never runs");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public void AStateWhoseLastPageLacksTheExecutionOperationTooIsRejected(CancellationToken cancellationToken)
    {
        var input = new DurableExecutionInvocationInput
        {
            DurableExecutionArn = Arn,
            CheckpointToken = "token-0",
            InitialExecutionState = new ExecutionStatePage { Operations = [StepOperation()], NextMarker = "page-2" },
        };
        var service = new FixedStatePages(new Dictionary<string, ExecutionStatePage>
        {
            ["page-2"] = new() { Operations = [StepOperation(OperationIds.Create(null, 2))] },
        });

        var (exception, handlerCalls, _) = Run(input, service, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<DurableExecutionInputException>());
            Assert.That(exception?.Message, Does.Contain("EXECUTION"));
            Assert.That(handlerCalls, Is.Zero, "the handler never runs");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnExecutionOperationOnALaterPageIsFound(CancellationToken cancellationToken)
    {
        var input = new DurableExecutionInvocationInput
        {
            DurableExecutionArn = Arn,
            CheckpointToken = "token-0",
            InitialExecutionState = new ExecutionStatePage { Operations = [StepOperation()], NextMarker = "page-2" },
        };
        var service = new FixedStatePages(new Dictionary<string, ExecutionStatePage>
        {
            ["page-2"] = new() { Operations = [ExecutionOperation()] },
        });
        var handlerCalls = 0;

        var output = await DurableExecution.RunAsync<string, string>(
            input,
            new LambdaInvocation("request-1"),
            (payload, _) =>
            {
                Interlocked.Increment(ref handlerCalls);
                return Task.FromResult(payload ?? "no input");
            },
            new DurableExecutionOptions(service, InvocationDriver.Serializer),
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(handlerCalls, Is.EqualTo(1));
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.EqualTo("\"order-42\""));
        });
    }

    private static (Exception? Exception, int HandlerCalls, int ServiceCalls) Run(DurableExecutionInvocationInput input, FixedStatePages service, CancellationToken cancellationToken)
    {
        var handlerCalls = 0;
        var exception = Assert.CatchAsync(() => DurableExecution.RunAsync<string, string>(
            input,
            new LambdaInvocation("request-1"),
            (_, _) =>
            {
                Interlocked.Increment(ref handlerCalls);
                return Task.FromResult("ran");
            },
            new DurableExecutionOptions(service, InvocationDriver.Serializer),
            cancellationToken).WaitAsync(cancellationToken));
        return (exception, handlerCalls, service.Calls);
    }

    private static Operation ExecutionOperation() => new()
    {
        Id = "execution",
        Type = OperationType.Execution,
        Status = OperationStatus.Started,
        StartTimestamp = 1_767_225_600_000,
        ExecutionDetails = new ExecutionDetails { InputPayload = "\"order-42\"" },
    };

    private static Operation StepOperation(string? id = null) => new()
    {
        Id = id ?? OperationIds.Create(null, 1),
        Type = OperationType.Step,
        SubType = OperationSubTypes.Step,
        Status = OperationStatus.Succeeded,
        StepDetails = new StepDetails { Attempt = 0, Result = "1" },
    };
}
