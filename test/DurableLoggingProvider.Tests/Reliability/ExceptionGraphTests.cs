using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// Rendering an exception takes bounded time whatever its graph: a 10,000-deep chain of aggregate
/// exceptions, an aggregate of 100,000, aggregates nested twenty deep two by two (a million leaves),
/// exceptions that hold each other in <c>Data</c>. At most 100 exceptions and 100 levels are written, and
/// each exception's message is read once for the record's text (the outermost once more, for
/// <c>errorMessage</c>), however many times the record is rendered to fit.
/// </summary>
[TestFixture]
public class ExceptionGraphTests
{
    public static IEnumerable<TestCaseData> Graphs()
    {
        foreach (var format in new[] { DurableLogFormat.Json, DurableLogFormat.Text })
        {
            yield return new TestCaseData(format, "a 10,000-deep chain of aggregates", (Func<Exception>)(() => DeepAggregates(10_000)));
            yield return new TestCaseData(format, "an aggregate of 100,000", (Func<Exception>)(() => new AggregateException(Enumerable.Range(0, 100_000).Select(i => new InvalidOperationException($"failure {i}")))));
            yield return new TestCaseData(format, "aggregates nested 20 deep, two by two", (Func<Exception>)(() => Nested(20)));
            yield return new TestCaseData(format, "exceptions holding each other in Data", (Func<Exception>)DataCycle);
            yield return new TestCaseData(format, "a 10,000-deep chain of aggregates around a plain chain", (Func<Exception>)(() => new InvalidOperationException("outer", DeepAggregates(10_000))));
        }
    }

    [TestCaseSource(nameof(Graphs))]
    [CancelAfter(20_000)]
    public void AnyExceptionGraphIsRenderedInBoundedTimeToOneLineWithinTheLimit(DurableLogFormat format, string shape, Func<Exception> build)
    {
        var exception = build();
        using var capture = new LineCapture(format);

        capture.Logger().LogError(exception, "Failed");

        var line = capture.SingleLine();
        TestContext.Out.WriteLine($"{format}, {shape}: a line of {capture.Records[0].Length:N0} bytes");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(DurableLoggerOptions.DefaultMaxRecordBytes));
            if (format == DurableLogFormat.Json)
            {
                var record = JsonLine.Parse(line);
                Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo(exception.GetType().FullName));
                Assert.That(JsonLine.StringArray(record, "stackTrace"), Is.Not.Empty);
            }
            else
            {
                Assert.That(TextLine.Parse(line).Rest, Does.Contain(exception.GetType().FullName));
            }
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public void ADeepChainOfAggregatesWritesAtMostAHundredExceptionsAndSaysTheRestAreLeftOut()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogError(DeepAggregates(10_000), "Failed");

        var stack = JsonLine.StringArray(capture.SingleJson(), "stackTrace");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stack.Count(line => line!.Contains("System.AggregateException", StringComparison.Ordinal)), Is.InRange(1, ExceptionText.MaxExceptions));
            Assert.That(stack, Has.Some.Contains("more inner exceptions are left out"));
            Assert.That(stack, Has.Some.Contains("[message not read"), "an aggregate over the whole chain would join 10,000 messages");
        }
    }

    [Test]
    public void ASmallAggregateIsStillWrittenAsItsOwnText()
    {
        var aggregate = new AggregateException("several", new InvalidOperationException("one"), new ArgumentException("two"));
        using var capture = LineCapture.Json();

        capture.Logger().LogError(aggregate, "Failed");

        var expected = aggregate.ToString().Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0);
        Assert.That(JsonLine.StringArray(capture.SingleJson(), "stackTrace"), Is.EqualTo(expected));
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void EachMessageIsReadOnceForTheTextHoweverOftenTheRecordIsRenderedToFit(DurableLogFormat format)
    {
        var innermost = new CountingMessageException("innermost", null);
        var inner = new CountingMessageException("inner", innermost);
        var outer = new CountingMessageException("outer", inner);
        using var capture = new LineCapture(format);

        // A message far over the limit: the record is rendered a dozen times to find the longest cut that fits.
        capture.Logger().Log(LogLevel.Error, default, new string('m', 1_000_000), outer, static (text, _) => text);

        TestContext.Out.WriteLine($"{format}: Message read {outer.Reads}, {inner.Reads}, {innermost.Reads} times (outer to innermost)");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(capture.Records, Has.Count.EqualTo(1));
            Assert.That(outer.Reads, Is.EqualTo(2), "once for the text, once for errorMessage");
            Assert.That(inner.Reads, Is.EqualTo(1));
            Assert.That(innermost.Reads, Is.EqualTo(1));
        }
    }

    private static Exception DeepAggregates(int depth)
    {
        Exception current = new InvalidOperationException("the first failure");
        for (var level = 0; level < depth; level++)
        {
            current = new AggregateException($"level {level}", current);
        }

        return current;
    }

    private static Exception Nested(int depth) =>
        depth == 0 ? new InvalidOperationException("leaf") : ShareTwice(Nested(depth - 1));

    private static AggregateException ShareTwice(Exception inner) => new(inner, inner);

    private static AggregateException DataCycle()
    {
        var first = new InvalidOperationException("first");
        var second = new InvalidOperationException("second", first);
        first.Data["self"] = first;
        first.Data["other"] = second;
        second.Data["other"] = first;
        return new AggregateException(second, first);
    }

    private sealed class CountingMessageException(string message, Exception? inner) : Exception(message, inner)
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override string Message
        {
            get
            {
                Interlocked.Increment(ref _reads);
                return base.Message;
            }
        }
    }
}
