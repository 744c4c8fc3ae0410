using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Unicode;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Floor;

/// <summary>
/// The floor of the Text rows: the same line ours writes in Lambda's Text format, byte for byte but for the
/// timestamp's value, written by hand into one reused buffer and then to the stream. The values are known
/// to need no escaping or quoting, so none is checked: one UTF-8 interpolation writes the columns, the
/// message and the <c>key=value</c> fields. Lower than the JSON floor for that reason.
/// </summary>
internal sealed class HandWrittenTextLine
{
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Stream _output;

    public HandWrittenTextLine(Stream output)
    {
        _output = output;
    }

    public void Write(string orderId, decimal amount, string currency)
    {
        _buffer.ResetWrittenCount();
        var span = _buffer.GetSpan(1024);
        var now = DateTime.UtcNow;
        Utf8.TryWrite(
            span,
            CultureInfo.InvariantCulture,
            $"{now:yyyy-MM-ddTHH:mm:ss.fffZ}\t{WorkloadFields.RequestId}\tINFO\tOrder {orderId} charged {amount} {currency} executionArn={WorkloadFields.ExecutionArn} operationId={WorkloadFields.OperationId} operationName={WorkloadFields.OperationName} attempt={WorkloadFields.Attempt} category={HandWrittenLines.Category} eventId=1 eventName={HandWrittenLines.EventName}\n",
            out var length);
        _buffer.Advance(length);
        _output.Write(_buffer.WrittenSpan);
    }
}
