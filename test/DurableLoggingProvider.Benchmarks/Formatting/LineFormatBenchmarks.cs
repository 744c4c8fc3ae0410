using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Floor;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Formatting;

/// <summary>
/// What the shape of ours' line costs: JSON (the baseline), JSON with an exception (type, message and stack
/// trace rendered on every call), and Lambda's Text format with and without the exception; each from a
/// <c>[LoggerMessage]</c>-generated call site, with the durable fields, to a stream that discards. The
/// exception was thrown and caught once, so it carries a stack trace, as a logged exception does. Each format
/// has its floor: the same line written by hand (<see cref="HandWrittenJsonLine"/>, <see cref="HandWrittenTextLine"/>),
/// checked to be ours' line byte for byte but for the timestamp. "exception.ToString() alone" is what any
/// logger pays to render the exception's text, stack trace included.
/// </summary>
[SteadyStateJob]
public class LineFormatBenchmarks
{
    private static readonly Exception s_exception = CaughtException();

    private AmbientDurableContext? _context;
    private LoggerUnderTest? _json;
    private LoggerUnderTest? _text;
    private FloorUnderTest? _jsonFloor;
    private FloorUnderTest? _textFloor;
    private ExceptionTextUnderTest? _exceptionText;

    [GlobalSetup]
    public void Setup()
    {
        _context = WorkloadFields.Enter(isReplaying: false);
        RequireLine(DurableLogFormat.Json, withException: false);
        RequireLine(DurableLogFormat.Json, withException: true);
        RequireLine(DurableLogFormat.Text, withException: false);
        RequireLine(DurableLogFormat.Text, withException: true);
        _json = LoggerUnderTest.Open("DurableLoggingProvider (JSON)", output => OursSetup.Build(output, DurableLogFormat.Json), durableFieldsAsScope: false);
        _text = LoggerUnderTest.Open("DurableLoggingProvider (Text)", output => OursSetup.Build(output, DurableLogFormat.Text), durableFieldsAsScope: false);
        _jsonFloor = FloorUnderTest.OpenChecked(DurableLogFormat.Json);
        _textFloor = FloorUnderTest.OpenChecked(DurableLogFormat.Text);
        _exceptionText = new ExceptionTextUnderTest(s_exception, nameof(ChargeCard));
    }

    [Benchmark(Baseline = true, Description = "JSON")]
    public void Json() => OrderLog.OrderCharged(_json!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "JSON with an exception")]
    public void JsonWithException() =>
        OrderLog.OrderChargedWithException(_json!.Logger, s_exception, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "Text")]
    public void Text() => OrderLog.OrderCharged(_text!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "Text with an exception")]
    public void TextWithException() =>
        OrderLog.OrderChargedWithException(_text!.Logger, s_exception, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "JSON floor: by hand")]
    public void JsonFloor() => _jsonFloor!.Json.Write(OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "Text floor: by hand")]
    public void TextFloor() => _textFloor!.Text.Write(OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "exception.ToString() alone")]
    public void ExceptionText() => _exceptionText!.Render();

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            LoggerUnderTest.RequireExactlyOneWrote(_json, _text, _jsonFloor, _textFloor, _exceptionText);
        }
        finally
        {
            _text?.Dispose();
            _json?.Dispose();
            _context?.Dispose();
        }
    }

    /// <summary>
    /// Requires the line in <paramref name="format"/>, written through a copy of the setup, to carry the
    /// message and the durable fields, and, with the exception, its stack trace.
    /// </summary>
    private static void RequireLine(DurableLogFormat format, bool withException)
    {
        var writer = $"DurableLoggingProvider ({format}{(withException ? ", with an exception" : string.Empty)})";
        var bytes = LoggerUnderTest.WriteOneLine(output => OursSetup.Build(output, format), durableFieldsAsScope: false, logger =>
        {
            if (withException)
            {
                OrderLog.OrderChargedWithException(logger, s_exception, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
            }
            else
            {
                OrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
            }
        });
        var line = Encoding.UTF8.GetString(bytes).TrimEnd('\n');
        if (format == DurableLogFormat.Json)
        {
            LineCheck.RequireJson(line, writer);
        }
        else
        {
            LineCheck.RequireText(line, writer);
        }

        if (withException && !line.Contains(nameof(ChargeCard), StringComparison.Ordinal))
        {
            throw SanityChecks.Failed($"{writer} wrote a line without the exception's stack trace: {line}");
        }
    }

    /// <summary>An exception as a failed call leaves it: thrown, caught, with a stack trace of two frames.</summary>
    private static InvalidOperationException CaughtException()
    {
        try
        {
            ChargeCard();
        }
        catch (InvalidOperationException exception)
        {
            return exception;
        }

        throw new UnreachableException();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ChargeCard() => throw new InvalidOperationException("Card declined: insufficient funds.");
}
