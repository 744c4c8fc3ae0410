using System;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>
/// The <see cref="DurableFields"/> set as the ambient durable context of the calling flow. Entered in a
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
        _invocation = DurableLogContext.BeginInvocation(new LambdaInvocation(DurableFields.RequestId));
        _context = DurableLogContext.EnterContext(new DurableContextState(DurableFields.ExecutionArn, isReplaying));
        _operation = DurableLogContext.EnterOperation(new DurableOperation(DurableFields.OperationId, DurableFields.OperationName, DurableFields.Attempt));
    }

    public void Dispose()
    {
        _operation.Dispose();
        _context.Dispose();
        _invocation.Dispose();
    }
}
