using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Logging;

/// <summary>
/// Many writers and many concurrent invocations through one provider: every line whole, every line
/// carrying its own writer's context, none lost.
/// </summary>
[TestFixture]
public class ConcurrentLoggingTests
{
    private const int Writers = 16;
    private const int LinesPerWriter = 500;

    [Test]
    public async Task ManyInvocationsLoggingAtOnceEachGetTheirOwnContextOnEveryLine()
    {
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        var logger = logging.Logger();

        await RunWriters(logger, Writers, LinesPerWriter);

        AssertEveryWriterWroteItsOwnLines(logging.Sink.Lines, Writers, LinesPerWriter);
    }

    [Test]
    public async Task LinesWrittenToOneSharedStreamNeverInterleave()
    {
        using var stream = new MemoryStream();
        var services = new ServiceCollection();
        services.AddSingleton<ILogSink>(new StandardOutputSink(stream));
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddDurableLogging(o => o.Format = DurableLogFormat.Json);
        });
        using (var provider = services.BuildServiceProvider())
        {
            await RunWriters(provider.GetRequiredService<ILoggerFactory>().CreateLogger("Shared"), Writers, LinesPerWriter);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.That(text, Does.EndWith("\n"));
        AssertEveryWriterWroteItsOwnLines(text[..^1].Split('\n'), Writers, LinesPerWriter);
    }

    [Test]
    public async Task ConcurrentContextsGoLiveIndependently()
    {
        const int Replayed = 100;
        const int Live = 100;
        using var logging = new TestLogging(o =>
        {
            o.Format = DurableLogFormat.Json;
            o.ReplayMode = ReplayMode.Suppress;
        });
        var logger = logging.Logger();
        var root = new DurableContextState("arn:concurrent", isReplaying: true);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var branch = root.CreateChild($"branch-{writer}");
            using (DurableLogContext.BeginInvocation(new LambdaInvocation($"req-{writer}")))
            using (DurableLogContext.EnterContext(branch))
            {
                for (var line = 0; line < Replayed + Live; line++)
                {
                    if (line == Replayed)
                    {
                        branch.GoLive();
                    }

                    logger.LogInformation("Writer {Writer} line {Line}", writer, line);
                    if (line % 25 == 0)
                    {
                        await Task.Yield();
                    }
                }
            }
        })));

        var records = logging.Records;
        Assert.That(records, Has.Count.EqualTo(Writers * Live));
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.GetProperty("Line").GetInt32()), Is.All.GreaterThanOrEqualTo(Replayed));
            Assert.That(
                records.Count(r => r.GetProperty("parentId").GetString() != $"branch-{r.GetProperty("Writer").GetInt32()}"),
                Is.Zero);
            Assert.That(root.IsReplaying, Is.True);
        });
    }

    [Test]
    public async Task AReloadDuringConcurrentLoggingLeavesEveryLineWhole()
    {
        using var file = new AppSettingsFile(Settings("Json", "Suppress"));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reloading");

        var writing = RunWriters(logger, 8, 500);
        var reloads = 0;
        while (!writing.IsCompleted && reloads < 20)
        {
            file.Rewrite(Settings("Json", reloads % 2 == 0 ? "Mark" : "Emit"));
            file.Configuration.Reload();
            reloads++;
        }

        await writing;

        AssertEveryWriterWroteItsOwnLines(file.Sink.Lines, 8, 500);
    }

    /// <summary>Each writer runs its own invocation and execution and logs its identity in every line, hopping threads as it goes.</summary>
    private static Task RunWriters(ILogger logger, int writers, int linesPerWriter) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            using (DurableLogContext.BeginInvocation(new LambdaInvocation($"req-{writer}")))
            using (DurableLogContext.EnterContext(new DurableContextState($"arn:aws:lambda:us-east-1:1:function:f/durable-execution/{writer}", isReplaying: false)))
            {
                for (var line = 0; line < linesPerWriter; line++)
                {
                    logger.LogInformation("Writer {Writer} line {Line} {Padding}", writer, line, new string('w', line % 40));
                    if (line % 50 == 0)
                    {
                        await Task.Yield();
                    }
                }
            }
        })));

    private static void AssertEveryWriterWroteItsOwnLines(IReadOnlyList<string> lines, int writers, int linesPerWriter)
    {
        Assert.That(lines, Has.Count.EqualTo(writers * linesPerWriter));
        var seen = new HashSet<(int Writer, int Line)>();
        var wrongContext = new List<string>();
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var record = document.RootElement;
            var writer = record.GetProperty("Writer").GetInt32();
            var number = record.GetProperty("Line").GetInt32();
            seen.Add((writer, number));
            if (record.GetProperty("requestId").GetString() != $"req-{writer}"
                || record.GetProperty("executionArn").GetString() != $"arn:aws:lambda:us-east-1:1:function:f/durable-execution/{writer}"
                || record.GetProperty("message").GetString() != $"Writer {writer} line {number} {new string('w', number % 40)}")
            {
                wrongContext.Add(line);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(wrongContext, Is.Empty);
            Assert.That(seen, Has.Count.EqualTo(writers * linesPerWriter), "some lines were written twice and others lost");
        });
    }

    private static string Settings(string format, string replayMode) =>
        $$"""{ "Logging": { "LogLevel": { "Default": "Trace" }, "Durable": { "Format": "{{format}}", "ReplayMode": "{{replayMode}}" } } }""";
}
