using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Floor;

/// <summary>
/// The floor of the JSON rows: the same record ours writes, byte for byte but for the timestamp's value,
/// written by hand with a <see cref="Utf8JsonWriter"/> into one reused buffer and then to the stream. Every
/// value is known (the durable fields are the workload's constants, not read from a context), every key is
/// encoded once, the level's value too; what is left is the work any JSON line must do: read the clock,
/// format the timestamp, render the message from its three values, escape and write each string, write the
/// amount as a number.
/// </summary>
internal sealed class HandWrittenJsonLine
{
    private static readonly JsonEncodedText s_timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText s_level = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText s_information = JsonEncodedText.Encode("INFO");
    private static readonly JsonEncodedText s_requestId = JsonEncodedText.Encode("requestId");
    private static readonly JsonEncodedText s_executionArn = JsonEncodedText.Encode("executionArn");
    private static readonly JsonEncodedText s_operationId = JsonEncodedText.Encode("operationId");
    private static readonly JsonEncodedText s_operationName = JsonEncodedText.Encode("operationName");
    private static readonly JsonEncodedText s_attempt = JsonEncodedText.Encode("attempt");
    private static readonly JsonEncodedText s_category = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText s_eventId = JsonEncodedText.Encode("eventId");
    private static readonly JsonEncodedText s_eventName = JsonEncodedText.Encode("eventName");
    private static readonly JsonEncodedText s_message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText s_orderId = JsonEncodedText.Encode("OrderId");
    private static readonly JsonEncodedText s_amount = JsonEncodedText.Encode("Amount");
    private static readonly JsonEncodedText s_currency = JsonEncodedText.Encode("Currency");

    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _writer;
    private readonly Stream _output;

    public HandWrittenJsonLine(Stream output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public void Write(string orderId, decimal amount, string currency)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var writer = _writer;
        writer.WriteStartObject();
        Span<byte> timestamp = stackalloc byte[24];
        DateTime.UtcNow.TryFormat(timestamp, out _, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        writer.WriteString(s_timestamp, timestamp);
        writer.WriteString(s_level, s_information);
        writer.WriteString(s_requestId, WorkloadFields.RequestId);
        writer.WriteString(s_executionArn, WorkloadFields.ExecutionArn);
        writer.WriteString(s_operationId, WorkloadFields.OperationId);
        writer.WriteString(s_operationName, WorkloadFields.OperationName);
        writer.WriteNumber(s_attempt, WorkloadFields.Attempt);
        writer.WriteString(s_category, HandWrittenLines.Category);
        writer.WriteNumber(s_eventId, 1);
        writer.WriteString(s_eventName, HandWrittenLines.EventName);
        Span<char> message = stackalloc char[128];
        message.TryWrite(CultureInfo.InvariantCulture, $"Order {orderId} charged {amount} {currency}", out var length);
        writer.WriteString(s_message, message[..length]);
        writer.WriteString(s_orderId, orderId);
        writer.WriteNumber(s_amount, amount);
        writer.WriteString(s_currency, currency);
        writer.WriteEndObject();
        writer.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        _output.Write(_buffer.WrittenSpan);
    }
}
