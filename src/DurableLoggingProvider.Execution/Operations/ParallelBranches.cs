using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A parallel's branches, given as functions or as named branches.</summary>
/// <param name="branches">The branches, when given as functions.</param>
/// <param name="named">The branches, when given with names.</param>
internal readonly struct ParallelBranches<TResult>(IReadOnlyList<Func<IDurableContext, Task<TResult>>>? branches, IReadOnlyList<ParallelBranch<TResult>>? named)
    : IBatchItems<TResult>
{
    public string SubType => OperationSubTypes.Parallel;

    public string ItemSubType => OperationSubTypes.ParallelBranch;

    public int Count => branches?.Count ?? named!.Count;

    public string ItemName(int index) => named?[index].Name is { Length: > 0 } name ? name : BatchItemNames.ParallelBranch(index);

    public Task<TResult> RunAsync(DurableContext context, int index) => branches is not null ? branches[index](context) : named![index].Func(context);
}
