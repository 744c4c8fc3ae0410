using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The durable service answered with something the engine cannot use: a page of state that is null or
/// holds null operations, a <c>NextMarker</c> that repeats or pages without end, a step attempt out of
/// range, a second <c>EXECUTION</c> operation, a paged checkpoint answer without the token to read its
/// pages with. It is the service's failure, never the workflow's: the engine throws it as the inner
/// exception of a <see cref="CheckpointException"/>, so the invocation fails and Lambda retries it, and
/// no step counts it as a failed attempt.
/// </summary>
public sealed class InvalidServiceAnswerException : DurableExecutionException
{
    /// <summary>Creates the exception.</summary>
    public InvalidServiceAnswerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidServiceAnswerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidServiceAnswerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates the exception for a field of an answer: the message is
    /// <c>Invalid answer from the durable service ({answer}) at {fieldPath}: {problem}</c>.
    /// </summary>
    /// <param name="answer">Which answer: the call and, for a page, its number and marker.</param>
    /// <param name="fieldPath">The field's JSON path within the answer; <c>$</c> for the whole answer.</param>
    /// <param name="problem">What is wrong with it, as a sentence.</param>
    public InvalidServiceAnswerException(string answer, string fieldPath, string problem)
        : base(FormatMessage(answer, fieldPath, problem))
    {
        Answer = answer;
        FieldPath = fieldPath;
    }

    /// <summary>Which answer was invalid (<c>GetDurableExecutionState page 2 (Marker "m-1")</c>), when known.</summary>
    public string? Answer { get; }

    /// <summary>The JSON path of the invalid field within the answer (<c>$</c> for the whole answer), when known.</summary>
    public string? FieldPath { get; }

    private static string FormatMessage(string answer, string fieldPath, string problem)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(fieldPath);
        ArgumentNullException.ThrowIfNull(problem);
        return $"Invalid answer from the durable service ({answer}) at {fieldPath}: {problem}";
    }
}
