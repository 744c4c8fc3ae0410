using System;

namespace DurableLoggingProvider.Sample.Hosting;

/// <summary>
/// What makes a written line the same line when written again by a later invocation: everything but its
/// timestamp and the request id (and trace) of the invocation that wrote it, which the sink kept with the
/// line when it was written. A retried step's attempts differ in their <c>attempt</c> field, so they are
/// different lines.
/// </summary>
internal static class LineIdentity
{
    public static string Of(RecordedLine line)
    {
        var identity = line.Line;
        foreach (var varying in (ReadOnlySpan<string?>)[line.TimestampText, line.RequestId, line.TraceId])
        {
            if (!string.IsNullOrEmpty(varying))
            {
                identity = identity.Replace(varying, string.Empty, StringComparison.Ordinal);
            }
        }

        return identity;
    }

    /// <summary>A shorter form of a line for a report.</summary>
    public static string Describe(RecordedLine line) =>
        line.Line.Length <= 160 ? line.Line : string.Concat(line.Line.AsSpan(0, 157), "...");
}
