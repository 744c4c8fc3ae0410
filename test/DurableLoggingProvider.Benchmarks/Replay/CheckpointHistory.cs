using System.Collections.Generic;
using System.Globalization;
using DurableLoggingProvider.Benchmarks.Workload;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Benchmarks.Replay;

/// <summary>
/// The invocation input of an execution that has already done all its work: the <c>EXECUTION</c> operation
/// and a number of succeeded steps at the root, with the ids the engine gives them, all on the first page.
/// </summary>
internal static class CheckpointHistory
{
    public const string StepName = WorkloadFields.OperationName;

    public static DurableExecutionInvocationInput WithSucceededSteps(int count)
    {
        var operations = new List<Operation>(count + 1)
        {
            new()
            {
                Id = "execution",
                Type = OperationType.Execution,
                Status = OperationStatus.Started,
                StartTimestamp = 1_767_225_600_000,
                ExecutionDetails = new ExecutionDetails { InputPayload = "\"" + OrderCharge.OrderId + "\"" },
            },
        };
        for (var position = 1; position <= count; position++)
        {
            operations.Add(new Operation
            {
                Id = OperationIds.Create(null, position),
                Type = OperationType.Step,
                SubType = OperationSubTypes.Step,
                Name = StepName,
                Status = OperationStatus.Succeeded,
                StartTimestamp = 1_767_225_600_000 + position,
                EndTimestamp = 1_767_225_600_000 + position,
                StepDetails = new StepDetails { Attempt = 0, Result = position.ToString(CultureInfo.InvariantCulture) },
            });
        }

        return new DurableExecutionInvocationInput
        {
            DurableExecutionArn = WorkloadFields.ExecutionArn,
            CheckpointToken = "token-1",
            InitialExecutionState = new ExecutionStatePage { Operations = operations },
        };
    }
}
