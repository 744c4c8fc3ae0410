using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution.Tests.Context;

/// <summary>One line a <see cref="RecordingForeignLogger"/> was given: its level, message, and the scopes open at the time, innermost last.</summary>
internal sealed record ForeignLogEntry(LogLevel Level, string Message, IReadOnlyList<IReadOnlyDictionary<string, object?>> Scopes);
