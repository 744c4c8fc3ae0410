using System.IO;
using System.Text;
using NLog;
using NLog.Targets;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// An NLog target that renders each event with its layout into a reused builder, encodes it to UTF-8 into a
/// reused buffer and writes it to a stream in one call, as NLog's file target does. NLog serializes the
/// calls to a target.
/// </summary>
internal sealed class Utf8StreamTarget : TargetWithLayout
{
    private readonly Stream _output;
    private readonly StringBuilder _line = new(1024);
    private char[] _chars = new char[1024];
    private byte[] _bytes = new byte[1024 * 3];

    public Utf8StreamTarget(Stream output)
    {
        _output = output;
    }

    protected override void Write(LogEventInfo logEvent)
    {
        _line.Clear();
        Layout.Render(logEvent, _line);
        _line.Append('\n');
        var length = _line.Length;
        if (_chars.Length < length)
        {
            _chars = new char[length];
            _bytes = new byte[Encoding.UTF8.GetMaxByteCount(length)];
        }

        _line.CopyTo(0, _chars, 0, length);
        var count = Encoding.UTF8.GetBytes(_chars, 0, length, _bytes, 0);
        _output.Write(_bytes, 0, count);
        _output.Flush();
    }
}
