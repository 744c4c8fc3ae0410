using System.IO;
using System.Text;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>How the loggers that write text reach a stream: one way for all of them.</summary>
internal static class TextOutput
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// A UTF-8 writer over <paramref name="output"/>: a line is encoded to bytes and written when the
    /// writer is flushed, once per line. Disposing the writer leaves the stream open.
    /// </summary>
    public static StreamWriter Writer(Stream output) => new(output, s_utf8, bufferSize: 4096, leaveOpen: true);
}
