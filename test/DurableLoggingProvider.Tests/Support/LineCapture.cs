using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// The provider in one format, writing to a sink that keeps raw bytes, so a test checks what really
/// reached the stream: one newline per record and only at its end, valid UTF-8, then the line itself.
/// </summary>
internal sealed class LineCapture : IDisposable
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ByteRecordSink _sink = new();
    private readonly TestLogging _logging;

    public LineCapture(DurableLogFormat format, Action<DurableLoggerOptions>? configure = null, TimeProvider? time = null)
    {
        _logging = new TestLogging(
            options =>
            {
                options.Format = format;
                configure?.Invoke(options);
            },
            builder =>
            {
                builder.Services.AddSingleton<ILogSink>(_sink);
                if (time is not null)
                {
                    builder.Services.AddSingleton(time);
                }
            });
    }

    public static LineCapture Json(Action<DurableLoggerOptions>? configure = null) => new(DurableLogFormat.Json, configure);

    public static LineCapture Text(Action<DurableLoggerOptions>? configure = null) => new(DurableLogFormat.Text, configure);

    /// <summary>Each record's bytes, newline included.</summary>
    public IReadOnlyList<byte[]> Records => _sink.Records;

    public DurableLoggerProvider Provider => _logging.Services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();

    public ILogger Logger(string category = "Tests.Category") => _logging.Logger(category);

    /// <summary>The only record written, checked to be one valid UTF-8 line, without its newline.</summary>
    public string SingleLine()
    {
        var records = Records;
        Assert.That(records, Has.Count.EqualTo(1), "exactly one record");
        return ToLine(records[0]);
    }

    /// <summary>Every record, each checked to be one valid UTF-8 line, without its newline.</summary>
    public IReadOnlyList<string> Lines() => Records.Select(ToLine).ToArray();

    /// <summary>The only record, parsed as one JSON object with no repeated key.</summary>
    public JsonElement SingleJson() => JsonLine.Parse(SingleLine());

    /// <summary>Checks that a record is exactly one line of valid UTF-8 and returns it without the newline.</summary>
    public static string ToLine(byte[] record)
    {
        Assert.That(record, Is.Not.Empty, "a record is never empty");
        Assert.That(record[^1], Is.EqualTo((byte)'\n'), "a record ends with a newline");
        Assert.That(Array.IndexOf(record, (byte)'\n'), Is.EqualTo(record.Length - 1), "a record holds no other newline");
        string line;
        try
        {
            line = s_strictUtf8.GetString(record, 0, record.Length - 1);
        }
        catch (DecoderFallbackException exception)
        {
            Assert.Fail($"The record is not valid UTF-8: {exception.Message}");
            throw;
        }

        return line;
    }

    public void Dispose() => _logging.Dispose();
}
