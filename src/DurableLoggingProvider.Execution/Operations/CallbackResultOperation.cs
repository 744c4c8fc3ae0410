using System.Text.Json;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The await of a callback's result, in the context whose code awaits it: the answer, the failure, or a
/// suspension of that context's flow until it comes. Claimed when the callback was created.
/// </summary>
/// <param name="name">The callback's name, which errors call it by.</param>
internal readonly struct CallbackResultOperation<T>(string? name) : IDurableOperation<T>
{
    public OperationType Type => OperationType.Callback;

    public string SubType => OperationSubTypes.Callback;

    public string? Name => name;

    public void Validate()
    {
        // Checked when GetResultAsync is called.
    }

    public async ValueTask<T> RunAsync(DurableContext context, ClaimedOperation operation)
    {
        var current = context.Run.State.Get(operation.Id);
        while (current is null || !current.Status.IsTerminal())
        {
            await context.BlockAsync(operation.Id, OperationType.Callback, "waiting for the callback's answer").ConfigureAwait(false);
            current = context.Run.State.Get(operation.Id);
        }

        return current.Status switch
        {
            OperationStatus.Succeeded => ReadAnswer(context, operation, current.CallbackDetails),
            OperationStatus.TimedOut => throw new CallbackTimeoutException(operation.Id, operation.Name, current.CallbackDetails?.Error),
            _ => throw new CallbackFailedException(operation.Id, operation.Name, current.CallbackDetails?.Error),
        };
    }

    /// <summary>
    /// A callback's answer as the await's type. An external system may answer with plain text that is not JSON
    /// (AWS's own examples answer <c>result data</c>): a string-typed await gets that text as it is; any other
    /// type gets an error that names the callback.
    /// </summary>
    private T ReadAnswer(DurableContext context, ClaimedOperation operation, CallbackDetails? details)
    {
        var answer = details?.Result;
        try
        {
            return context.Run.Serializer.Deserialize<T>(answer)!;
        }
        catch (JsonException) when (typeof(T) == typeof(string))
        {
            return (T)(object)answer!;
        }
        catch (JsonException exception)
        {
            throw new CallbackResultException(operation.Id, name, details?.CallbackId, typeof(T), exception);
        }
    }
}
