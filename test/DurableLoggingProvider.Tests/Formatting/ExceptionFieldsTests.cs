using System;
using System.Linq;
using System.Runtime.CompilerServices;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// A record with an exception carries <c>errorType</c> (the full type name), <c>errorMessage</c> and
/// <c>stackTrace</c>, an array of the lines of the exception's text, inner exceptions included.
/// </summary>
[TestFixture]
public class ExceptionFieldsTests
{
    [Test]
    public void AThrownExceptionGivesItsFullTypeNameMessageAndStackLines()
    {
        using var capture = LineCapture.Json();
        var failure = Thrown(() => throw new InvalidOperationException("Payment declined"));

        capture.Logger().LogError(failure, "Charging failed");

        var record = capture.SingleJson();
        var stack = JsonLine.StringArray(record, "stackTrace");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Charging failed"));
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo("System.InvalidOperationException"));
            Assert.That(JsonLine.String(record, "errorMessage"), Is.EqualTo("Payment declined"));
            Assert.That(stack, Is.EqualTo(LinesOf(failure)));
            Assert.That(stack[0], Is.EqualTo("System.InvalidOperationException: Payment declined"));
            Assert.That(stack, Has.Some.Contains(nameof(Thrown)));
        }
    }

    [Test]
    public void TheErrorFieldsComeAfterTheCallersValues()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogError(new InvalidOperationException("boom"), "Order {OrderId}", 3);

        Assert.That(JsonLine.Keys(capture.SingleJson()), Is.EqualTo(Expected.Sequence(
            "timestamp", "level", "category", "message", "OrderId", "errorType", "errorMessage", "stackTrace")));
    }

    [Test]
    public void InnerExceptionsAreInTheStackTrace()
    {
        using var capture = LineCapture.Json();
        var inner = Thrown(() => throw new ArgumentException("bad card number"));
        var outer = Thrown(() => throw new InvalidOperationException("Payment declined", inner));

        capture.Logger().LogError(outer, "Charging failed");

        var record = capture.SingleJson();
        var stack = JsonLine.StringArray(record, "stackTrace");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo("System.InvalidOperationException"));
            Assert.That(JsonLine.String(record, "errorMessage"), Is.EqualTo("Payment declined"));
            Assert.That(stack, Is.EqualTo(LinesOf(outer)));
            Assert.That(stack, Has.Some.Contains("---> System.ArgumentException: bad card number"));
            Assert.That(stack, Has.Some.Contains("--- End of inner exception stack trace ---"));
        }
    }

    [Test]
    public void EveryInnerExceptionOfAnAggregateIsInTheStackTrace()
    {
        using var capture = LineCapture.Json();
        var aggregate = new AggregateException("Several failed", new TimeoutException("first"), new FormatException("second"));

        capture.Logger().LogError(aggregate, "Batch failed");

        var record = capture.SingleJson();
        var stack = JsonLine.StringArray(record, "stackTrace");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo("System.AggregateException"));
            Assert.That(stack, Is.EqualTo(LinesOf(aggregate)));
            Assert.That(stack, Has.Some.Contains("System.TimeoutException: first"));
            Assert.That(stack, Has.Some.Contains("System.FormatException: second"));
        }
    }

    [Test]
    public void TheTypeNameIsTheFullNameOfTheExceptionsOwnType()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogError(new PaymentDeclinedException("no funds"), "Charging failed");

        Assert.That(JsonLine.String(capture.SingleJson(), "errorType"), Is.EqualTo(typeof(PaymentDeclinedException).FullName));
    }

    [Test]
    public void AMultiLineExceptionMessageStaysWholeInErrorMessageAndSplitsIntoStackLines()
    {
        using var capture = LineCapture.Json();
        var failure = new InvalidOperationException("first line\r\nsecond line");

        capture.Logger().LogError(failure, "Failed");

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "errorMessage"), Is.EqualTo("first line\r\nsecond line"));
            Assert.That(JsonLine.StringArray(record, "stackTrace"), Is.EqualTo(Expected.Sequence("System.InvalidOperationException: first line", "second line")));
        }
    }

    [Test]
    public void NoStackLineHoldsALineBreak()
    {
        using var capture = LineCapture.Json();
        var failure = Thrown(() => throw new InvalidOperationException("outer", Thrown(() => throw new ArgumentException("inner\nmessage"))));

        capture.Logger().LogError(failure, "Failed");

        Assert.That(JsonLine.StringArray(capture.SingleJson(), "stackTrace"), Has.None.Contains("\n").And.None.Contains("\r"));
    }

    [Test]
    public void ARecordWithoutAnExceptionHasNoErrorFields()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogError("Failed without an exception");

        Assert.That(JsonLine.Keys(capture.SingleJson()), Has.None.StartsWith("error").And.None.EqualTo("stackTrace"));
    }

    [Test]
    public void AnExceptionOnAnInformationRecordIsWrittenToo()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation(new TimeoutException("slow"), "Retrying");

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "level"), Is.EqualTo("INFO"));
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo("System.TimeoutException"));
        }
    }

    [Test]
    public void AnExceptionWhoseMessageThrowsIsStillWritten()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogError(new UnreadableMessageException(), "Failed");

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Failed"));
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo(typeof(UnreadableMessageException).FullName));
            Assert.That(JsonLine.String(record, "errorMessage"), Is.Not.Null.And.Not.Empty);
            Assert.That(JsonLine.StringArray(record, "stackTrace"), Is.Not.Empty);
        }
    }

    [Test]
    public void AnExceptionWhoseTextThrowsIsStillWrittenWithAMarkerNamingTheFailure()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogError(new UnreadableTextException("readable message"), "Failed");

        var record = capture.SingleJson();
        var stack = JsonLine.StringArray(record, "stackTrace");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo(typeof(UnreadableTextException).FullName));
            Assert.That(JsonLine.String(record, "errorMessage"), Is.EqualTo("readable message"));
            Assert.That(stack, Has.Count.EqualTo(1));
            Assert.That(stack[0], Does.Contain("readable message").And.Contain(nameof(NotSupportedException)));
        }
    }

    [Test]
    public void InTextTheExceptionFollowsTheFieldsAfterACarriageReturnOneLinePerStackLine()
    {
        using var capture = LineCapture.Text();
        var failure = Thrown(() => throw new InvalidOperationException("outer", Thrown(() => throw new ArgumentException("inner"))));

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = null }))
        {
            capture.Logger().LogError(failure, "Charging failed");
        }

        Assert.That(capture.SingleLine(), Is.EqualTo(
            "2026-07-22T10:11:12.345Z\treq-1\tERROR\tCharging failed category=Tests.Category\r" + string.Join('\r', LinesOf(failure))));
    }

    [Test]
    public void InSnakeCaseTheErrorFieldsAreSnakeCase()
    {
        using var capture = LineCapture.Json(options => options.FieldNaming = FieldNaming.SnakeCase);

        capture.Logger().LogError(new InvalidOperationException("boom"), "Failed");

        Assert.That(JsonLine.Keys(capture.SingleJson()), Is.EqualTo(Expected.Sequence(
            "timestamp", "level", "category", "message", "error_type", "error_message", "stack_trace")));
    }

    /// <summary>The lines of an exception's text, as the spec's "array of lines": split at line breaks, blank lines dropped.</summary>
    private static string[] LinesOf(Exception exception) =>
        exception.ToString().Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToArray();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new AssertionException("The action did not throw.");
    }

    private sealed class PaymentDeclinedException(string message) : Exception(message);

    private sealed class UnreadableMessageException : Exception
    {
        public override string Message => throw new NotSupportedException("message is unreadable");
    }

    private sealed class UnreadableTextException(string message) : Exception(message)
    {
        public override string ToString() => throw new NotSupportedException("text is unreadable");
    }
}
