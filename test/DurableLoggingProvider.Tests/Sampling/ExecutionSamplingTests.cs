using System;
using System.Linq;
using DurableLoggingProvider.Tests.Buffering;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Sampling;

/// <summary>
/// Debug sampling per execution (issue 15): lines below SampledBelow are written only in sampled executions, marked
/// <c>"sampled": true</c>; the choice comes from the execution ARN's stable hash.
/// </summary>
[TestFixture]
public class ExecutionSamplingTests
{
    [Test]
    public void AtRateOneEveryExecutionWritesItsDebugLinesMarkedSampled()
    {
        using var logging = new BufferedLogging(options => options.Sampling.Rate = 1);
        using (DurableLogContext.EnterContext(BufferedLogging.Live()))
        {
            Assert.That(logging.Logger.IsEnabled(LogLevel.Debug), Is.True);
            logging.Logger.LogDebug("reserving stock");
            logging.Logger.LogInformation("order placed");
        }

        var records = logging.Records;
        Assert.Multiple(() =>
        {
            Assert.That(records[0].GetProperty("sampled").GetBoolean(), Is.True);
            Assert.That(records[1].TryGetProperty("sampled", out _), Is.False, "a line written in every execution is not sampling's doing");
        });
    }

    [Test]
    public void AnUnsampledExecutionWritesNothingBelowTheSamplingLevel()
    {
        var arn = ArnsAt(0.5).First(candidate => ArnHash.Fraction(candidate) >= 0.5);
        using var logging = new BufferedLogging(options => options.Sampling.Rate = 0.5);
        using (DurableLogContext.EnterContext(BufferedLogging.Live(arn)))
        {
            Assert.That(logging.Logger.IsEnabled(LogLevel.Debug), Is.False);
            logging.Logger.LogDebug("reserving stock");
            logging.Logger.LogInformation("order placed");
        }

        Assert.That(logging.Messages, Is.EqualTo(new[] { "order placed" }));
    }

    [Test]
    public void LinesOutsideAnExecutionAreNotSampled()
    {
        using var logging = new BufferedLogging(options => options.Sampling.Rate = 1);
        logging.Logger.LogDebug("starting up");
        logging.Logger.LogInformation("started");

        Assert.That(logging.Messages, Is.EqualTo(new[] { "started" }));
    }

    [Test]
    public void TheSampledBelowLevelIsTheLineBetweenSampledAndAlwaysWritten()
    {
        using var logging = new BufferedLogging(options =>
        {
            options.Sampling.Rate = 1;
            options.Sampling.SampledBelow = LogLevel.Warning;
        });
        using (DurableLogContext.EnterContext(BufferedLogging.Live()))
        {
            logging.Logger.LogInformation("order placed");
            logging.Logger.LogWarning("stock is low");
        }

        var records = logging.Records;
        Assert.That(records.Select(record => record.TryGetProperty("sampled", out _)), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void WithBufferingOnAnUnsampledExecutionsDebugLinesAreHeldNotDropped()
    {
        var arn = ArnsAt(0.5).First(candidate => ArnHash.Fraction(candidate) >= 0.5);
        using var logging = new BufferedLogging(options =>
        {
            options.Sampling.Rate = 0.5;
            options.Buffering.Enabled = true;
        });
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("request-1")))
        using (DurableLogContext.EnterContext(BufferedLogging.Live(arn)))
        {
            Assert.That(logging.Logger.IsEnabled(LogLevel.Debug), Is.True, "buffering holds Debug");
            logging.Logger.LogDebug("reserving stock");
            Assert.That(logging.Sink.Count, Is.Zero);
            logging.Logger.LogError("card declined");
        }

        var records = logging.Records;
        Assert.Multiple(() =>
        {
            Assert.That(logging.Messages, Is.EqualTo(new[] { "reserving stock", "card declined" }));
            Assert.That(records[0].TryGetProperty("sampled", out _), Is.False, "held by buffering, not written by sampling");
        });
    }

    [TestCase("", 0xcbf29ce484222325UL)]
    [TestCase("a", 0xaf63dc4c8601ec8cUL)]
    [TestCase("foobar", 0x85944171f73967e8UL)]
    public void TheArnHashIsSixtyFourBitFnv1aAsItsPublishedTestVectorsSay(string text, ulong expected) =>
        Assert.That(ArnHash.Of(text), Is.EqualTo(expected));

    [Test]
    public void AboutTheRateOfManyExecutionsIsSampled()
    {
        var arns = ArnsAt(0.25).ToList();
        var sampled = arns.Count(arn => ArnHash.Fraction(arn) < 0.25);
        Assert.That(sampled, Is.InRange(200, 300), "a quarter of 1000, give or take");
    }

    private static System.Collections.Generic.IEnumerable<string> ArnsAt(double rate) =>
        Enumerable.Range(0, 1000).Select(i => $"arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/orders/{i:D4}");
}
