using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Execution.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// The invocation-input parser over 5,000 inputs from a fixed seed (every variant of three valid inputs,
/// then variants of those: truncated, fields deleted or of the wrong type, unknown enum strings, bytes
/// changed, duplicate ids, arrays thousands long), and each input that parses run through
/// <see cref="DurableExecution.RunAsync"/>. Each input either parses or fails with the documented
/// <see cref="DurableExecutionInputException"/>; each run ends with an output or the documented exceptions;
/// none hangs or crashes; and the handler never runs on half-read state: never when the run then fails
/// on its input or its state, and only once every page of the state was read.
/// <see cref="Serialization.InvocationInputCorpusTests"/> checks the first-order variants against the parser alone.
/// </summary>
[TestFixture]
public class InvocationInputFuzzTests
{
    private const int Seed = 20260722;
    private const int Inputs = 5_000;

    [Test]
    [CancelAfter(30_000)]
    public async Task EveryInputEitherParsesAndRunsOnWholeStateOrIsRejectedAsDocumented(CancellationToken cancellationToken)
    {
        var corpus = InvocationInputCorpus.Of(Inputs, Seed);
        var sink = new RecordingLogSink();
        using var services = InvocationDriver.CreateLogging(sink);
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var problems = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        foreach (var mutation in corpus)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DurableExecutionInvocationInput input;
            try
            {
                input = DurableWireFormat.ParseInvocationInput(mutation.Utf8Json);
            }
            catch (DurableExecutionInputException invalid) when (invalid.FieldPath is not null)
            {
                Count(outcomes, "rejected by the parser");
                continue;
            }
            catch (Exception escaped)
            {
                problems.Add($"{mutation.Description}: the parser threw {escaped.GetType().Name}: {escaped.Message}");
                continue;
            }

            foreach (var pagesFail in new[] { false, true })
            {
                var outcome = await RunAsync(input, pagesFail, loggers, cancellationToken);
                Count(outcomes, outcome.Kind);
                if (outcome.Problem is { } problem)
                {
                    problems.Add($"{mutation.Description}{(pagesFail ? " (state pages fail)" : string.Empty)}: {problem}");
                }
            }
        }

        var lines = sink.Lines;
        TestContext.Out.WriteLine($"{corpus.Count} inputs in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Value} {pair.Key}"))}; {lines.Count} lines logged; {problems.Count} problems");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(corpus, Has.Count.EqualTo(Inputs));
            Assert.That(problems.Take(20), Is.Empty, $"{problems.Count} problems");
            Assert.That(outcomes.GetValueOrDefault("rejected by the parser"), Is.GreaterThan(Inputs / 2));
            Assert.That(outcomes.Keys, Has.Some.StartWith("output "), "some inputs ran");
            Assert.That(() => sink.JsonRecords(), Throws.Nothing, "every line the runs wrote is a JSON record");
        }
    }

    [Test]
    public void TheSameSeedGivesTheSameCorpus()
    {
        var first = InvocationInputCorpus.Of(Inputs, Seed).Select(mutation => Convert.ToBase64String(mutation.Utf8Json));
        var second = InvocationInputCorpus.Of(Inputs, Seed).Select(mutation => Convert.ToBase64String(mutation.Utf8Json));

        Assert.That(second, Is.EqualTo(first));
    }

    private static async Task<(string Kind, string? Problem)> RunAsync(DurableExecutionInvocationInput input, bool pagesFail, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var service = new FuzzService(pagesFail);
        var morePages = !string.IsNullOrEmpty(input.InitialExecutionState?.NextMarker);
        var ranOnPages = new List<int>();
        var options = new DurableExecutionOptions(service, JsonDurableSerializer.ReflectionBased()) { LoggerFactory = loggers };
        Func<JsonElement?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            ranOnPages.Add(service.PagesServed);
            context.Logger.LogInformation("Running after {Pages} further state page(s)", service.PagesServed);
            await context.StepAsync(_ => Task.FromResult(1), "charge");
            context.Logger.LogInformation("Charged");
            return "done";
        };

        try
        {
            var output = await DurableExecution.RunAsync(input, new LambdaInvocation("fuzz-request"), handler, options, cancellationToken).WaitAsync(cancellationToken);
            if (output is null || !Enum.IsDefined(output.Status))
            {
                return ("no output", "RunAsync returned no valid output");
            }

            if (morePages && ranOnPages.Any(pages => pages != FuzzService.Pages))
            {
                return ($"output {output.Status}", $"the handler ran after {ranOnPages.Min()} of {FuzzService.Pages} further state pages");
            }

            return ($"output {output.Status}", null);
        }
        catch (Exception documented) when (documented is DurableExecutionInputException or CheckpointException)
        {
            var kind = $"{documented.GetType().Name} from the run";
            return ranOnPages.Count > 0 && (documented is DurableExecutionInputException || (pagesFail && morePages))
                ? (kind, $"the handler ran before the run failed on its {(documented is DurableExecutionInputException ? "input" : "state")}: {documented.Message}")
                : (kind, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception escaped)
        {
            return ("crash", $"RunAsync threw {escaped.GetType().Name}: {escaped.Message}");
        }
    }

    private static void Count(Dictionary<string, int> outcomes, string kind) => outcomes[kind] = outcomes.GetValueOrDefault(kind) + 1;

    /// <summary>
    /// A service that serves two more empty state pages after the input's first (or fails to), and accepts
    /// every checkpoint: enough for the engine to run whatever state the input holds.
    /// </summary>
    private sealed class FuzzService(bool pagesFail) : IDurableServiceClient
    {
        public const int Pages = 2;

        private int _pagesServed;

        public int PagesServed => Volatile.Read(ref _pagesServed);

        public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new CheckpointResponse { CheckpointToken = "next-token" });

        public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
        {
            if (pagesFail)
            {
                throw new TimeoutException("The state page could not be read.");
            }

            var served = Interlocked.Increment(ref _pagesServed);
            return Task.FromResult(new ExecutionStatePage { NextMarker = served < Pages ? $"page-{served + 2}" : null });
        }
    }
}
