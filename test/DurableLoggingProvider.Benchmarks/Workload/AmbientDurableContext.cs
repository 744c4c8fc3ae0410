using System;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>
/// The <see cref="WorkloadFields"/> set as the ambient durable context of the calling flow. Entered in a
/// <c>[GlobalSetup]</c>, it is seen by the iterations: BenchmarkDotNet runs them on the same thread, after
/// the setup returns, and a value an <c>AsyncLocal</c> takes in a synchronous method outlives the method.
/// </summary>
internal sealed class AmbientDurableContext : IDisposable
{
    private readonly DurableLogContextScope _invocation;
    private readonly DurableLogContextScope _context;
    private readonly DurableLogContextScope _operation;

    public AmbientDurableContext(bool isReplaying)
    {
        _invocation = DurableLogContext.BeginInvocation(new LambdaInvocation(WorkloadFields.RequestId));
        _context = DurableLogContext.EnterContext(new DurableContextState(WorkloadFields.ExecutionArn, isReplaying));
        _operation = DurableLogContext.EnterOperation(new DurableOperation(WorkloadFields.OperationId, WorkloadFields.OperationName, WorkloadFields.Attempt));
    }

    public void Dispose()
    {
        _operation.Dispose();
        _context.Dispose();
        _invocation.Dispose();
    }
}
