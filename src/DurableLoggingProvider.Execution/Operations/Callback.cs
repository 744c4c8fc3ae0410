using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A created callback, as workflow code holds it: its id to hand out, and the await of its answer.</summary>
/// <param name="creator">The context that created it and keeps it among its unawaited callbacks.</param>
/// <param name="operation">The callback's operation.</param>
/// <param name="callbackId">The id the service gave it.</param>
internal sealed class Callback<T>(DurableContext creator, ClaimedOperation operation, string callbackId) : ICallback<T>
{
    public string CallbackId { get; } = callbackId;

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Code in a child context or branch may await a callback its creator made: the blocked flow, and the
        // context that goes live when the answer comes, are the awaiting code's, not the creator's.
        var awaiting = DurableContext.Current is { } current && current.Run == creator.Run ? current : creator;
        creator.Rules.CallbackAwaited(operation.Id);
        return OperationSkeleton.AwaitClaimedAsync<CallbackResultOperation<T>, T>(awaiting, operation, new CallbackResultOperation<T>(operation.Name));
    }
}
