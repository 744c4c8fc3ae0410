using System;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>An exception with the stack trace the test gives it.</summary>
internal sealed class StackTraceException(string stackTrace) : Exception("thrown with a given stack trace")
{
    public override string StackTrace { get; } = stackTrace;
}
