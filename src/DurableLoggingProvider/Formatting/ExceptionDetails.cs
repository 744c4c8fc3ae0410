using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>A record's error fields, read from its exception once: a record rendered again to fit is not read again.</summary>
internal sealed class ExceptionDetails
{
    public ExceptionDetails(string type, string message, List<string> lines)
    {
        Type = type;
        Message = message;
        Lines = lines;
    }

    public string Type { get; }

    public string Message { get; }

    public IReadOnlyList<string> Lines { get; }
}
