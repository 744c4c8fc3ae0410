using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>One check of a wait-for-condition, given the state the previous check returned.</summary>
/// <param name="check">The workflow's check.</param>
/// <param name="previous">The previous check's state, or the initial one.</param>
/// <param name="cancellationToken">Handed to the check.</param>
internal readonly struct ConditionCheck<TState>(Func<TState, IConditionCheckContext, CancellationToken, Task<TState>> check, TState previous, CancellationToken cancellationToken)
    : IOperationBody<TState>
{
    public Task<TState> RunAsync(OperationBodyContext context) => check(previous, context, cancellationToken);
}
