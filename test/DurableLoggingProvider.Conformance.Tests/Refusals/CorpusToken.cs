namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>Which checkpoint token a corpus request sends.</summary>
internal enum CorpusToken
{
    /// <summary>The latest one the service handed out.</summary>
    Latest,

    /// <summary>The invocation's first token, after a later one was handed out.</summary>
    Stale,

    /// <summary>None at all.</summary>
    None,
}
