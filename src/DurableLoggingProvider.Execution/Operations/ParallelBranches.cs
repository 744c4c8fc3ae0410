using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A parallel's branches.</summary>
/// <param name="branches">The branches.</param>
internal readonly struct ParallelBranches<TResult>(IReadOnlyList<Func<IDurableContext, Task<TResult>>> branches) : IBatchItems<TResult>
{
    public string SubType => OperationSubTypes.Parallel;

    public string ItemSubType => OperationSubTypes.ParallelBranch;

    public int Count => branches.Count;

    public Task<TResult> RunAsync(DurableContext context, int index) => branches[index](context);
}
