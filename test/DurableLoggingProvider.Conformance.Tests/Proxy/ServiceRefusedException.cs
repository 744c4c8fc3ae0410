using System;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>AWS's checkpoint server answered a call with an error (an HTTP error status with the error's type and message).</summary>
internal sealed class ServiceRefusedException : Exception
{
    public ServiceRefusedException()
    {
    }

    public ServiceRefusedException(string message)
        : base(message)
    {
    }

    public ServiceRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
