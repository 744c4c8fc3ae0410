using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A callback an external system answers.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
public interface ICallback<T>
{
    /// <summary>The id the service made for the callback: give it to the external system.</summary>
    string CallbackId { get; }

    /// <summary>
    /// Waits for the answer; the execution is suspended until it comes. The answer is JSON text read as
    /// <typeparamref name="T"/>; for a <see cref="string"/> callback, an answer that is not JSON (plain text
    /// such as <c>result data</c>) is returned as it is.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="CallbackFailedException">The external system answered with a failure.</exception>
    /// <exception cref="CallbackResultException">The answer is not JSON text of <typeparamref name="T"/> (and <typeparamref name="T"/> is not <see cref="string"/>).</exception>
    /// <exception cref="CallbackTimeoutException">No answer, or no heartbeat, came in time.</exception>
    Task<T> GetResultAsync(CancellationToken cancellationToken = default);
}
