using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>An error as the durable service stores it: a failed step, context, callback or execution.</summary>
public sealed class ErrorObject
{
    /// <summary>The error's message.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>The error's type, for .NET the exception's full type name.</summary>
    public string? ErrorType { get; set; }

    /// <summary>Extra data about the error, as serialized JSON text.</summary>
    public string? ErrorData { get; set; }

    /// <summary>The stack trace, one line per element.</summary>
    public List<string>? StackTrace { get; set; }
}
