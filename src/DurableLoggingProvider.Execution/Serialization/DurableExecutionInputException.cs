using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The invocation input is not a valid durable execution event: broken JSON, a missing or mistyped
/// field, an unknown enum string, an execution state without its <c>EXECUTION</c> operation. The
/// message names the field as a JSON path (<c>InitialExecutionState.Operations[2].Status</c>) and the
/// problem.
/// </summary>
public sealed class DurableExecutionInputException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public DurableExecutionInputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DurableExecutionInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DurableExecutionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates the exception for a field: the message is
    /// <c>Invalid durable execution input at {fieldPath}: {problem}</c>.
    /// </summary>
    /// <param name="fieldPath">The field's JSON path, without the leading <c>$.</c>; <c>$</c> for the whole input.</param>
    /// <param name="problem">What is wrong with it, as a sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DurableExecutionInputException(string fieldPath, string problem, Exception? innerException)
        : base(FormatMessage(fieldPath, problem), innerException)
    {
        FieldPath = fieldPath;
    }

    /// <summary>The JSON path of the invalid field (<c>$</c> for the whole input), when known.</summary>
    public string? FieldPath { get; }

    private static string FormatMessage(string fieldPath, string problem)
    {
        ArgumentNullException.ThrowIfNull(fieldPath);
        ArgumentNullException.ThrowIfNull(problem);
        return $"Invalid durable execution input at {fieldPath}: {problem}";
    }
}
