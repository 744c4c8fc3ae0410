using System;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>The workflow code a child context runs; its failure surfaces as <see cref="ChildContextException"/>.</summary>
/// <param name="func">The code, when it returns a value.</param>
/// <param name="action">The code, when it returns none (then <typeparamref name="T"/> is <see cref="object"/> and the result <see langword="null"/>).</param>
internal readonly struct ChildContextBody<T>(Func<IDurableContext, Task<T>>? func, Func<IDurableContext, Task>? action) : IChildContextBody<T>
{
    public Task<T> RunAsync(DurableContext context) => func is not null ? func(context) : RunActionAsync(context);

    public ErrorObject ErrorOf(Exception exception) => ErrorObjects.From(exception);

    public Exception Failure(ClaimedOperation operation, ErrorObject? error, Exception? exception) =>
        new ChildContextException(operation.Id, operation.Name, error, exception);

    private async Task<T> RunActionAsync(DurableContext context)
    {
        await action!(context).ConfigureAwait(false);
        return default!;
    }
}
