using System;
using System.Net;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// A call to the Lambda durable execution API failed: the service refused it, or it could not be completed
/// (after retrying what may be retried) within the invocation's time. The message says what was wrong and
/// what to do. The engine wraps it in a <c>CheckpointException</c>, which ends the invocation with an
/// error, so that Lambda invokes the execution again from its last checkpoint.
/// </summary>
public sealed class DurableServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DurableServiceException()
        : this("The durable execution API call failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DurableServiceException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DurableServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    internal DurableServiceException(string message, Exception? innerException, string operation, ServiceError? error, bool isTransient, int attempts)
        : base(message, innerException)
    {
        Operation = operation;
        ErrorType = error?.Type;
        ServiceMessage = error?.Message;
        StatusCode = error?.StatusCode;
        IsTransient = isTransient;
        Attempts = attempts;
    }

    /// <summary>The API operation that failed: <c>CheckpointDurableExecution</c> or <c>GetDurableExecutionState</c>.</summary>
    public string Operation { get; }

    /// <summary>The service's error type, such as <c>InvalidParameterValueException</c>; <see langword="null"/> when no answer came.</summary>
    public string? ErrorType { get; }

    /// <summary>The service's own message, as it sent it.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The answer's HTTP status; <see langword="null"/> when no answer came (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// Whether the failure was of a kind that is retried (throttling, a 5xx, the network, a timeout): the client
    /// ran out of attempts or of the invocation's time. A later invocation may well succeed.
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>How many times the call was sent.</summary>
    public int Attempts { get; }
}
