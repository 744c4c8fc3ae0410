using System;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>A workflow's own exception type, to see its full name in a FAILED output.</summary>
public sealed class OrderRejectedException : Exception
{
    public OrderRejectedException()
    {
    }

    public OrderRejectedException(string message)
        : base(message)
    {
    }

    public OrderRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
