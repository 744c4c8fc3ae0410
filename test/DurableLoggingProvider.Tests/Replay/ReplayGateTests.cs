using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Replay;

/// <summary>The replay gate, driven through the context seam as a durable runtime drives it.</summary>
[TestFixture]
public class ReplayGateTests
{
    private static readonly LogLevel[] s_writableLevels =
        [LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical];

    [Test]
    public void WhileReplayingUnderSuppressNoLevelIsEnabledAndNothingIsWritten()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var context = new DurableContextState("arn:exec", isReplaying: true);

        bool[] enabled;
        using (DurableLogContext.EnterContext(context))
        {
            enabled = s_writableLevels.Select(logger.IsEnabled).ToArray();
            foreach (var level in s_writableLevels)
            {
                logger.Log(level, "replayed at {Level}", level);
            }

            logger.LogError(new InvalidOperationException("replayed failure"), "replayed error");
        }

        Assert.Multiple(() =>
        {
            Assert.That(enabled, Is.All.False);
            Assert.That(logging.Sink.Count, Is.Zero);
        });
    }

    [Test]
    public void AfterGoingLiveLinesAreWrittenWithoutAReplayField()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var context = new DurableContextState("arn:exec", isReplaying: true);

        using (DurableLogContext.EnterContext(context))
        {
            logger.LogInformation("A (replayed)");
            context.GoLive();
            logger.LogInformation("B (live)");
            Assert.That(logger.IsEnabled(LogLevel.Information), Is.True);
        }

        var record = logging.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("B (live)"));
            Assert.That(record.GetProperty("executionArn").GetString(), Is.EqualTo("arn:exec"));
            Assert.That(record.TryGetProperty("replay", out _), Is.False);
        });
    }

    [Test]
    public void ALoggerInjectedBeforeTheContextExistedReadsItsStatusAtEachCall()
    {
        using var logging = Json(ReplayMode.Suppress);
        var injected = logging.Services.GetRequiredService<ILogger<ReplayGateTests>>();
        var context = new DurableContextState("arn:exec", isReplaying: true);

        using (DurableLogContext.EnterContext(context))
        {
            injected.LogInformation("replayed");
            context.GoLive();
            injected.LogInformation("live");
        }

        Assert.That(Messages(logging), Is.EqualTo(Expected.Sequence("live")));
    }

    [Test]
    public void EmitWritesReplayedLinesWithNoReplayField()
    {
        using var logging = Json(ReplayMode.Emit);
        var logger = logging.Logger();
        var context = new DurableContextState("arn:exec", isReplaying: true);

        bool enabled;
        using (DurableLogContext.EnterContext(context))
        {
            enabled = logger.IsEnabled(LogLevel.Information);
            logger.LogInformation("replayed");
            context.GoLive();
            logger.LogInformation("live");
        }

        var records = logging.Records;
        Assert.Multiple(() =>
        {
            Assert.That(enabled, Is.True);
            Assert.That(Messages(logging), Is.EqualTo(Expected.Sequence("replayed", "live")));
            Assert.That(records.Select(r => r.TryGetProperty("replay", out _)), Is.All.False);
        });
    }

    [Test]
    public void MarkWritesEverythingAndMarksOnlyTheReplayedLines()
    {
        using var logging = Json(ReplayMode.Mark);
        var logger = logging.Logger();
        var context = new DurableContextState("arn:exec", isReplaying: true);

        bool enabled;
        using (DurableLogContext.EnterContext(context))
        {
            enabled = logger.IsEnabled(LogLevel.Debug);
            logger.LogInformation("replayed one");
            logger.LogWarning("replayed two");
            context.GoLive();
            logger.LogInformation("live");
        }

        var records = logging.Records;
        Assert.Multiple(() =>
        {
            Assert.That(enabled, Is.True);
            Assert.That(Messages(logging), Is.EqualTo(Expected.Sequence("replayed one", "replayed two", "live")));
            Assert.That(records[0].GetProperty("replay").ValueKind, Is.EqualTo(JsonValueKind.True));
            Assert.That(records[1].GetProperty("replay").ValueKind, Is.EqualTo(JsonValueKind.True));
            Assert.That(records[2].TryGetProperty("replay", out _), Is.False);
        });
    }

    [TestCase(ReplayMode.Suppress, ReplayMode.Emit, "written", false)]
    [TestCase(ReplayMode.Suppress, ReplayMode.Mark, "written", true)]
    [TestCase(ReplayMode.Emit, ReplayMode.Suppress, "suppressed", false)]
    [TestCase(ReplayMode.Mark, ReplayMode.Suppress, "suppressed", false)]
    [TestCase(ReplayMode.Mark, ReplayMode.Emit, "written", false)]
    [TestCase(ReplayMode.Emit, ReplayMode.Mark, "written", true)]
    public void AnExecutionsOwnModeOverridesTheConfiguredOne(ReplayMode configured, ReplayMode execution, string outcome, bool marked)
    {
        using var logging = Json(configured);
        var logger = logging.Logger();

        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: true, replayMode: execution)))
        {
            logger.LogInformation("replayed");
        }

        var records = logging.Records;
        Assert.That(records, Has.Count.EqualTo(outcome == "written" ? 1 : 0));
        if (records.Count == 1)
        {
            Assert.That(records[0].TryGetProperty("replay", out _), Is.EqualTo(marked));
        }
    }

    [Test]
    public void AChildContextFollowsItsExecutionsMode()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var root = new DurableContextState("arn:exec", isReplaying: true, replayMode: ReplayMode.Mark);

        using (DurableLogContext.EnterContext(root))
        using (DurableLogContext.EnterContext(root.CreateChild("ctx-1")))
        {
            logger.LogInformation("replayed in the child");
        }

        var record = logging.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("parentId").GetString(), Is.EqualTo("ctx-1"));
            Assert.That(record.GetProperty("replay").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void OutsideAnyDurableContextNothingIsGated()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var replaying = new DurableContextState("arn:exec", isReplaying: true);

        logger.LogInformation("start-up");
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1")))
        {
            logger.LogInformation("handler before the durable context");
            using (DurableLogContext.EnterContext(replaying))
            {
                logger.LogInformation("replayed");
            }

            logger.LogInformation("handler after the durable context");
        }

        logger.LogInformation("between invocations");

        Assert.That(
            Messages(logging),
            Is.EqualTo(Expected.Sequence("start-up", "handler before the durable context", "handler after the durable context", "between invocations")));
        Assert.That(replaying.IsReplaying, Is.True);
    }

    [Test]
    public void AnInvocationBegunInsideAReplayingContextIsNotGatedByIt()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();

        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: true)))
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-nested")))
        {
            logger.LogInformation("not gated");
        }

        Assert.That(Messages(logging), Is.EqualTo(Expected.Sequence("not gated")));
    }

    [Test]
    public void BranchesGoLiveWithoutUnmutingEachOther()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var root = new DurableContextState("arn:exec", isReplaying: true);
        var first = root.CreateChild("branch-1");
        var second = root.CreateChild("branch-2");

        first.GoLive();
        using (DurableLogContext.EnterContext(root))
        {
            logger.LogInformation("root replayed");
            using (DurableLogContext.EnterContext(first))
            {
                logger.LogInformation("branch 1 live");
            }

            using (DurableLogContext.EnterContext(second))
            {
                logger.LogInformation("branch 2 replayed");
            }
        }

        var record = logging.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("branch 1 live"));
            Assert.That(record.GetProperty("parentId").GetString(), Is.EqualTo("branch-1"));
        });
    }

    [Test]
    public void AnOperationBodyInsideAReplayingContextIsGatedByThatContext()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var context = new DurableContextState("arn:exec", isReplaying: true);

        using (DurableLogContext.EnterContext(context))
        {
            using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "replayed step", attempt: 1)))
            {
                logger.LogInformation("inside the replayed step");
            }

            context.GoLive();
            using (DurableLogContext.EnterOperation(new DurableOperation("op-2", "new step", attempt: 1)))
            {
                logger.LogInformation("inside the new step");
            }
        }

        var record = logging.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("inside the new step"));
            Assert.That(record.GetProperty("operationId").GetString(), Is.EqualTo("op-2"));
        });
    }

    [Test]
    public void ScopesBegunWhileSuppressedStayBalanced()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var context = new DurableContextState("arn:exec", isReplaying: true);

        using (DurableLogContext.EnterContext(context))
        {
            using (logger.BeginScope(new Dictionary<string, object?> { ["Closed"] = "replayed scope" }))
            {
                logger.LogInformation("replayed inside a scope");
            }

            var open = logger.BeginScope(new Dictionary<string, object?> { ["Open"] = "still open" });
            Assert.That(open, Is.Not.Null);
            context.GoLive();
            logger.LogInformation("live inside the open scope");
            open!.Dispose();
            logger.LogInformation("live after the scope");
        }

        var records = logging.Records;
        Assert.That(Messages(logging), Is.EqualTo(Expected.Sequence("live inside the open scope", "live after the scope")));
        Assert.Multiple(() =>
        {
            Assert.That(records[0].GetProperty("Open").GetString(), Is.EqualTo("still open"));
            Assert.That(records[0].TryGetProperty("Closed", out _), Is.False);
            Assert.That(records[1].TryGetProperty("Open", out _), Is.False);
            Assert.That(records[1].TryGetProperty("Closed", out _), Is.False);
        });
    }

    [Test]
    public void TheProvidersOwnLoggerBeginsScopesWhileSuppressed()
    {
        using var logging = Json(ReplayMode.Suppress);
        var provider = logging.Services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();
        var scopes = new LoggerExternalScopeProvider();
        provider.SetScopeProvider(scopes);
        var logger = provider.CreateLogger("Direct");
        var depths = new List<int>();

        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: true)))
        {
            using (logger.BeginScope("outer"))
            {
                using (logger.BeginScope("inner"))
                {
                    depths.Add(Depth(scopes));
                }

                depths.Add(Depth(scopes));
            }

            depths.Add(Depth(scopes));
        }

        Assert.That(depths, Is.EqualTo(Expected.Sequence(2, 1, 0)));
    }

    private static int Depth(LoggerExternalScopeProvider scopes)
    {
        var depth = 0;
        scopes.ForEachScope<object?>((_, _) => depth++, null);
        return depth;
    }

    private static TestLogging Json(ReplayMode mode) => new(o =>
    {
        o.Format = DurableLogFormat.Json;
        o.ReplayMode = mode;
    });

    private static IEnumerable<string?> Messages(TestLogging logging) =>
        logging.Records.Select(r => r.GetProperty("message").GetString());
}
