using System;

namespace DurableLoggingProvider.Execution;

/// <summary>The body of a <see cref="ChildContextOperation{TBody, T}"/>: code in its own context, and the exception its failure surfaces as.</summary>
/// <typeparam name="T">What the code returns.</typeparam>
internal interface IChildContextBody<T> : IContextBody<T>
{
    /// <summary>The error the context's <c>FAIL</c> records for what the code threw; <see cref="Failure"/> reads it back on replay.</summary>
    ErrorObject ErrorOf(Exception exception);

    /// <summary>The exception the context's await throws when the context failed, now or in an earlier invocation.</summary>
    /// <param name="operation">The context's operation.</param>
    /// <param name="error">The failure as checkpointed.</param>
    /// <param name="exception">What the code threw in this invocation; <see langword="null"/> when the failure is replayed.</param>
    Exception Failure(ClaimedOperation operation, ErrorObject? error, Exception? exception);
}
