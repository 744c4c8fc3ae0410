using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// A callback was answered with a result that cannot be read as the type its await asked for: the answer
/// is not JSON text of that type (a plain-text answer such as <c>result data</c> awaited as a number or an
/// object, say). The callback itself succeeded; await it as <see cref="string"/> to get the answer's text as
/// it is, or have the external system answer with JSON text of the awaited type.
/// </summary>
public sealed class CallbackResultException : DurableExecutionException
{
    /// <summary>Creates the exception.</summary>
    public CallbackResultException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CallbackResultException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CallbackResultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a callback whose answer could not be read as <paramref name="resultType"/>.</summary>
    /// <param name="operationId">The callback's operation id.</param>
    /// <param name="callbackName">The callback's name (for a wait-for-callback, the operation's name), if it has one.</param>
    /// <param name="callbackId">The id the external system answered.</param>
    /// <param name="resultType">The type the await asked for.</param>
    /// <param name="innerException">What the serializer threw.</param>
    public CallbackResultException(string operationId, string? callbackName, string? callbackId, Type resultType, Exception innerException)
        : base(Describe(operationId, callbackName, callbackId, resultType, innerException), innerException)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        OperationId = operationId;
        CallbackName = callbackName;
        CallbackId = callbackId;
        ResultType = resultType;
    }

    /// <summary>The callback's operation id.</summary>
    public string? OperationId { get; }

    /// <summary>The callback's name, if it has one.</summary>
    public string? CallbackName { get; }

    /// <summary>The id the external system answered.</summary>
    public string? CallbackId { get; }

    /// <summary>The type the await asked for.</summary>
    public Type? ResultType { get; }

    private static string Describe(string operationId, string? callbackName, string? callbackId, Type resultType, Exception innerException) =>
        $"Callback {(callbackName is null ? "(no name)" : $"'{callbackName}'")} (operation {operationId}, callback id {callbackId ?? "(none)"}) " +
        $"was answered with a result that is not JSON text of {resultType?.FullName}: {innerException?.Message} " +
        "Answer it with JSON text of that type, or await it as string to get the answer's text as it is.";
}
