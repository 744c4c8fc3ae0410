using System.Collections.Generic;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>One line as another provider wrote it: its message, and the key-value scope values it carried.</summary>
public sealed record CapturedLine(string Message, IReadOnlyDictionary<string, string?> ScopeValues);
