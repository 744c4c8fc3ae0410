using System.Buffers;
using System.IO;
using System.Threading.Tasks;
using ZLogger;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// A ZLogger log processor that formats each entry on the thread that logged it, into one reused buffer, and
/// writes the line to a stream (a discarding one, in the benchmarks) before the call returns; the entry goes
/// back to ZLogger's pool at once. Locked, as a sink shared by threads must be.
/// </summary>
internal sealed class CallerThreadProcessor : IAsyncLogProcessor
{
    private readonly IZLoggerFormatter _formatter;
    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly object _gate = new();

    public CallerThreadProcessor(IZLoggerFormatter formatter, Stream output)
    {
        _formatter = formatter;
        _output = output;
    }

    public void Post(IZLoggerEntry log)
    {
        try
        {
            lock (_gate)
            {
                _buffer.ResetWrittenCount();
                log.FormatUtf8(_buffer, _formatter);
                if (!_formatter.WithLineBreak)
                {
                    _buffer.GetSpan(1)[0] = (byte)'\n';
                    _buffer.Advance(1);
                }

                _output.Write(_buffer.WrittenSpan);
            }
        }
        finally
        {
            log.Return();
        }
    }

    public ValueTask DisposeAsync() => default;
}
