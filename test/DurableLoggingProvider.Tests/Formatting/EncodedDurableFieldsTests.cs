using System;
using System.Linq;
using System.Text;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// A JSON line's durable fields are encoded once per ambient frame and copied into each of its lines. Every
/// line must still carry exactly the fields the spec gives it: the frame's own values, escaped as any JSON
/// value is, under the names in force now, with the replay mark as it is now, and a caller's value of the
/// same name in a field's place on the line that has one (docs/configuration.md, "Field names").
/// </summary>
[TestFixture]
[NonParallelizable]
public class EncodedDurableFieldsTests
{
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda() => _environment.ClearLambdaLogging();

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [Test]
    public void EveryLineOfAnOperationCarriesItsFieldsEachOnce()
    {
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        var logger = logging.Logger();
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false, parentId: "ctx-1")))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge", attempt: 2)))
        {
            for (var i = 0; i < 3; i++)
            {
                logger.LogInformation("line {Index}", i);
            }
        }

        Assert.That(logging.Sink.Lines, Has.Count.EqualTo(3));
        foreach (var line in logging.Sink.Lines)
        {
            var record = JsonLine.Parse(line);
            Assert.Multiple(() =>
            {
                Assert.That(JsonLine.RepeatedKeys(record), Is.Empty, line);
                Assert.That(JsonLine.String(record, "executionArn"), Is.EqualTo(ExecutionArn));
                Assert.That(JsonLine.String(record, "parentId"), Is.EqualTo("ctx-1"));
                Assert.That(JsonLine.String(record, "operationId"), Is.EqualTo("op-1"));
                Assert.That(JsonLine.String(record, "operationName"), Is.EqualTo("charge"));
                Assert.That(record.GetProperty("attempt").GetInt32(), Is.EqualTo(2));
                Assert.That(JsonLine.Keys(record), Is.SupersetOf(new[] { "category", "message", "Index" }), "the fields after the durable ones are all there");
            });
        }
    }

    [Test]
    public void AValueThatMustBeEscapedIsEscapedOnEveryLine()
    {
        const string Name = "say \"hi\"\\ \u2028 é\n";
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        var logger = logging.Logger();
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", Name)))
        {
            logger.LogInformation("first");
            logger.LogInformation("second");
        }

        Assert.Multiple(() =>
        {
            foreach (var line in logging.Sink.Lines)
            {
                Assert.That(line, Does.Contain("\"operationName\":\"say \\\"hi\\\"\\\\ \\u2028 é\\n\""), "escaped as the writer escapes any value");
                Assert.That(JsonLine.String(JsonLine.Parse(line), "operationName"), Is.EqualTo(Name));
            }
        });
    }

    [Test]
    public void ACallerValueTakesAFieldsPlaceOnItsOwnLineOnly()
    {
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        var logger = logging.Logger();
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge")))
        {
            logger.LogInformation("before");
#pragma warning disable CA1727 // The field's own name, on purpose.
            logger.LogInformation("mine is {operationName}", "the caller's");
#pragma warning restore CA1727
            logger.LogInformation("after");
        }

        var records = logging.Sink.Lines.Select(JsonLine.Parse).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => JsonLine.String(r, "operationName")), Is.EqualTo(new[] { "charge", "the caller's", "charge" }));
            Assert.That(records.Select(JsonLine.RepeatedKeys), Is.All.Empty);
            Assert.That(records.Select(r => JsonLine.String(r, "operationId")), Is.All.EqualTo("op-1"));
        });
    }

    [Test]
    public void AReloadedFieldNamingReachesTheNextLineOfTheSameOperation()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Renamed");
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false)))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge")))
        {
            logger.LogInformation("camel");
            file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"FieldNaming\": \"SnakeCase\""));
            file.Configuration.Reload();
            logger.LogInformation("snake");
        }

        var records = file.Sink.JsonRecords();
        Assert.That(records, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(records[0], "operationName"), Is.EqualTo("charge"));
            Assert.That(JsonLine.String(records[1], "operation_name"), Is.EqualTo("charge"));
            Assert.That(JsonLine.String(records[1], "execution_arn"), Is.EqualTo(ExecutionArn));
            Assert.That(records[1].TryGetProperty("operationName", out _), Is.False);
            Assert.That(records[1].TryGetProperty("executionArn", out _), Is.False);
        });
    }

    [Test]
    public void AContextThatGoesLiveLosesItsReplayMarkOnTheNextLine()
    {
        using var logging = new TestLogging(o =>
        {
            o.Format = DurableLogFormat.Json;
            o.ReplayMode = ReplayMode.Mark;
        });
        var logger = logging.Logger();
        var context = new DurableContextState(ExecutionArn, isReplaying: true);
        using (DurableLogContext.EnterContext(context))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge")))
        {
            logger.LogInformation("replayed");
            context.GoLive();
            logger.LogInformation("live");
        }

        var records = logging.Records;
        Assert.That(records, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(records[0].GetProperty("replay").GetBoolean(), Is.True);
            Assert.That(records[1].TryGetProperty("replay", out _), Is.False);
            Assert.That(records.Select(r => JsonLine.String(r, "operationId")), Is.All.EqualTo("op-1"));
        });
    }

    [Test]
    public void AnExecutionArnLongerThanTheRecordIsCutOnEveryLine()
    {
        var arn = "arn:" + new string('x', 20_000);
        using var logging = new TestLogging(o =>
        {
            o.Format = DurableLogFormat.Json;
            o.MaxRecordBytes = 4096;
        });
        var logger = logging.Logger();
        using (DurableLogContext.EnterContext(new DurableContextState(arn, isReplaying: false)))
        {
            logger.LogInformation("first");
            logger.LogInformation("second");
        }

        Assert.Multiple(() =>
        {
            foreach (var line in logging.Sink.Lines)
            {
                var record = JsonLine.Parse(line);
                Assert.That(System.Text.Encoding.UTF8.GetByteCount(line) + 1, Is.LessThanOrEqualTo(4096));
                Assert.That(JsonLine.String(record, "executionArn"), Does.StartWith("arn:xxx").And.Length.LessThan(arn.Length));
            }
        });
    }

    [Test]
    public void TheEncodedFieldsAreTheBytesOfTheFieldsWrittenOneByOne()
    {
        var invocation = new LambdaInvocation("req-1");
        var context = new DurableContextState("arn:\"q\"é\u2028", isReplaying: false, parentId: "ctx-1");
        var operation = new DurableOperation("op-1", "say \"hi\"", attempt: 3);
        (AmbientFrame Frame, bool IsReplay)[] cases =
        [
            (new AmbientFrame(invocation, context, operation), false),
            (new AmbientFrame(invocation, context, operation), true),
            (new AmbientFrame(invocation, context: null, operation), false),
            (new AmbientFrame(invocation, context, operation: null), false),
            (new AmbientFrame(invocation, context: null, operation: null), false),
        ];

        // Truncating limits that cut nothing write the fields one by one; the first rendering encodes the
        // frame's fragment, the second copies the cached one.
        var oneByOne = cases.Select(c => Render(c.Frame, c.IsReplay, RecordLimits.Truncating(4096, 4096))).ToArray();
        var encoded = cases.Select(c => Render(c.Frame, c.IsReplay, RecordLimits.Untruncated(4096))).ToArray();
        var cached = cases.Select(c => Render(c.Frame, c.IsReplay, RecordLimits.Untruncated(4096))).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(encoded, Is.EqualTo(oneByOne));
            Assert.That(cached, Is.EqualTo(oneByOne));
            Assert.That(cases.Select(c => c.Frame.EncodedJsonFields?.FragmentLength), Has.All.Not.Null, "every frame was encoded");
            Assert.That(
                encoded[1],
                Is.EqualTo("{\"first\":null,\"executionArn\":\"arn:\\\"q\\\"é\\u2028\",\"parentId\":\"ctx-1\",\"operationId\":\"op-1\","
                    + "\"operationName\":\"say \\\"hi\\\"\",\"attempt\":3,\"replay\":true}"));
            Assert.That(encoded[4], Is.EqualTo("{\"first\":null}"));
        });
    }

    [Test]
    public void AValueLongerThanTheRecordIsNeverEncodedWhole()
    {
        using var logging = new TestLogging(o =>
        {
            o.Format = DurableLogFormat.Json;
            o.MaxRecordBytes = 4096;
        });
        var logger = logging.Logger();
        AmbientFrame? frame;
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", new string('n', 1_000_000))))
        {
            frame = DurableLogContext.CurrentFrame;
            logger.LogInformation("first");
            logger.LogInformation("second");
        }

        Assert.Multiple(() =>
        {
            Assert.That(frame?.EncodedJsonFields, Is.Not.Null, "the frame's fields were looked at");
            Assert.That(frame?.EncodedJsonFields?.FragmentLength, Is.Null, "and not escaped whole");
            Assert.That(logging.Sink.Lines.Select(line => JsonLine.String(JsonLine.Parse(line), "operationName")), Has.All.StartWith("nnn").And.All.Length.LessThan(4096));
        });
    }

    private static string Render(AmbientFrame frame, bool isReplay, RecordLimits limits)
    {
        var buffer = RenderBuffer.Rent();
        try
        {
            var writer = buffer.StartJson();
            writer.WriteStartObject();
            writer.WriteNull("first");
            var record = new LogRecord(DateTimeOffset.UnixEpoch, LogLevel.Information, "Tests", default, "message", null, frame, isReplay, RecordFields.None);
            DurableFieldsJson.Write(writer, in record, FieldNames.CamelCase, limits, buffer);
            writer.WriteEndObject();
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            RenderBuffer.Return(buffer);
        }
    }
}
