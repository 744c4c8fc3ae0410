using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Output;

/// <summary>With each line, the recording sink keeps what the line is, at write time, in every format: nothing reads the line back.</summary>
[TestFixture]
public class RecordedLineTests
{
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void ALineTheProviderWroteIsKeptWithItsLevelRequestIdTimestampAndDurableContext(DurableLogFormat format)
    {
        using var logging = new TestLogging(options => options.Format = format);
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = "Root=1-abc" }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: true, replayMode: ReplayMode.Mark)))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge")))
        {
            logging.Logger("Orders").LogWarning("Order {OrderId} charged", "ord-1");
        }

        var line = logging.Sink.RecordedLines[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line.Line, Is.EqualTo(logging.Sink.Lines[0]));
            Assert.That(line.Format, Is.EqualTo(format));
            Assert.That(line.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(line.Category, Is.EqualTo("Orders"));
            Assert.That(line.Message, Is.EqualTo("Order ord-1 charged"));
            Assert.That(line.RequestId, Is.EqualTo("req-1"));
            Assert.That(line.TraceId, Is.EqualTo("Root=1-abc"));
            Assert.That(line.Timestamp, Is.EqualTo(TestLogging.Now));
            Assert.That(line.TimestampText, Is.EqualTo("2026-07-22T10:11:12.345Z"));
            Assert.That(line.ExecutionArn, Is.EqualTo(ExecutionArn));
            Assert.That(line.OperationId, Is.EqualTo("op-1"));
            Assert.That(line.IsReplay, Is.True);
        }
    }

    [Test]
    public void TheMessageKeptIsTheOneWrittenWithAMaskedValueLeftOut()
    {
        using var logging = new TestLogging(options =>
        {
            options.Format = DurableLogFormat.Json;
            options.RedactedFields.Add("password");
        });

        logging.Logger().LogInformation("Signed in with {Password}", "hunter2");

        var line = logging.Sink.RecordedLines[0];
        Assert.That(line.Message, Is.EqualTo(line.Json().GetProperty("message").GetString()));
        Assert.That(line.Message, Does.Not.Contain("hunter2"));
    }

    [Test]
    public void ALineWrittenToTheSinkDirectlyKeepsTheAmbientRequestIdAndNothingItCannotKnow()
    {
        var sink = new RecordingLogSink();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-2")))
        {
            sink.Write("written by hand\n"u8);
        }

        var line = sink.RecordedLines[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line.Line, Is.EqualTo("written by hand"));
            Assert.That(line.RequestId, Is.EqualTo("req-2"));
            Assert.That(line.Level, Is.Null);
            Assert.That(line.Format, Is.Null);
            Assert.That(() => line.Json(), Throws.InvalidOperationException);
        }
    }
}
