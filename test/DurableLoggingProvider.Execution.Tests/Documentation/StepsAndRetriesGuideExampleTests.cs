using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Documentation;

/// <summary>
/// The examples of docs/steps-and-retries.md, as they are written there (each the body of one of the
/// <c>…Example</c> methods), and a check that the guide holds no example this file does not run.
/// </summary>
[TestFixture]
public class StepsAndRetriesGuideExampleTests
{
    private const string GuidePath = "docs/steps-and-retries.md";
    private const string ThisFilePath = "test/DurableLoggingProvider.Execution.Tests/Documentation/StepsAndRetriesGuideExampleTests.cs";

    [Test]
    [CancelAfter(30_000)]
    public async Task ExponentialBackoffRetriesUntilTheGatewayAnswers(CancellationToken cancellationToken)
    {
        var result = await ExponentialBackoffExample().WaitAsync(cancellationToken);

        Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
        Assert.That(result.Result, Is.EqualTo("ord-1 charged"));
        Assert.That(result.RecordsWithMessage("Charging ord-1").Select(record => record.GetProperty("attempt").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(result.Invocations, Has.Count.EqualTo(3), "each attempt is its own invocation");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AFailureRetryOnDoesNotAcceptFailsTheStepAtOnce(CancellationToken cancellationToken)
    {
        var result = await RetryOnExample().WaitAsync(cancellationToken);

        Assert.That(result.Result, Is.EqualTo("ord-2 refused: System.ArgumentException"));
        Assert.That(result.Invocations, Has.Count.EqualTo(1), "no retry was scheduled");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ADelegateStrategyRetriesOnceAfterItsOwnDelay(CancellationToken cancellationToken)
    {
        var result = await DelegateStrategyExample().WaitAsync(cancellationToken);

        Assert.That(result.Result, Is.EqualTo("ord-3 quoted on attempt 2"));
        Assert.That(result.Invocations, Has.Count.EqualTo(2));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AnAtMostOnceStepInterruptedByALostInvocationDoesNotRunAgain(CancellationToken cancellationToken)
    {
        var (result, charges) = await AtMostOnceExample().WaitAsync(cancellationToken);

        Assert.That(result.Result, Is.EqualTo("ord-4 needs a person to check the charge"));
        Assert.That(charges, Is.EqualTo(1));
        Assert.That(result.Invocations, Has.Count.EqualTo(2), "the lost invocation, then the one that found the attempt interrupted");
    }

    private static async Task<LocalRunResult<string>> ExponentialBackoffExample()
    {
        using var runner = new LocalDurableRunner();
        var retries = new StepConfig
        {
            RetryStrategy = RetryStrategy.Exponential(maxAttempts: 3, initialDelay: TimeSpan.FromSeconds(2), jitter: JitterStrategy.None),
        };

        var result = await runner.RunAsync<string, string>("ord-1", async (order, context) =>
        {
            return await context.StepAsync(async step =>
            {
                step.Logger.LogInformation("Charging {Order}", order);
                await Task.Yield();
                if (step.AttemptNumber < 3)
                {
                    throw new TimeoutException("The payment gateway did not answer in time.");
                }

                return $"{order} charged";
            }, "charge-payment", retries);
        });
        // result.Result is "ord-1 charged"; "Charging ord-1" was written three times, with attempt 1, 2 and 3.
        return result;
    }

    private static async Task<LocalRunResult<string>> RetryOnExample()
    {
        using var runner = new LocalDurableRunner();
        var onlyTimeouts = new StepConfig
        {
            RetryStrategy = RetryStrategy.Exponential(maxAttempts: 5, retryOn: exception => exception is TimeoutException),
        };

        var result = await runner.RunAsync<string, string>("ord-2", async (order, context) =>
        {
            try
            {
                return await context.StepAsync(_ => Task.FromException<string>(new ArgumentException("The card number is not valid.")), "charge-payment", onlyTimeouts);
            }
            catch (StepException failure)
            {
                return $"{order} refused: {failure.ErrorType}";
            }
        });
        // result.Result is "ord-2 refused: System.ArgumentException", after one attempt.
        return result;
    }

    private static async Task<LocalRunResult<string>> DelegateStrategyExample()
    {
        using var runner = new LocalDurableRunner();
        var onceAfterHalfAMinute = new StepConfig
        {
            RetryStrategy = RetryStrategy.FromDelegate((exception, attemptNumber) =>
                exception is HttpRequestException && attemptNumber < 2 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(30)) : RetryDecision.DoNotRetry()),
        };

        var result = await runner.RunAsync<string, string>("ord-3", async (order, context) =>
        {
            return await context.StepAsync(step =>
                step.AttemptNumber == 1
                    ? Task.FromException<string>(new HttpRequestException("Too many requests."))
                    : Task.FromResult($"{order} quoted on attempt {step.AttemptNumber}"), "quote-shipping", onceAfterHalfAMinute);
        });
        // result.Result is "ord-3 quoted on attempt 2".
        return result;
    }

    private static async Task<(LocalRunResult<string> Result, int Charges)> AtMostOnceExample()
    {
        var charges = 0;
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CrashAfterCheckpoints = { [1] = 1 } });
        var atMostOnce = new StepConfig { RetryStrategy = RetryStrategy.None, Semantics = StepSemantics.AtMostOncePerRetry };

        var result = await runner.RunAsync<string, string>("ord-4", async (order, context) =>
        {
            try
            {
                return await context.StepAsync(_ => Task.FromResult($"{order} charged ({++charges})"), "charge-card", atMostOnce);
            }
            catch (StepException)
            {
                return $"{order} needs a person to check the charge";
            }
        });
        // result.Result is "ord-4 needs a person to check the charge"; charges is 1.
        return (result, charges);
    }

    [Test]
    public void EveryExampleInTheGuideIsOneOfThisFilesExamples()
    {
        var root = GuideText.RepositoryRoot();
        var guide = File.ReadAllText(Path.Combine(root, GuidePath));
        var tests = GuideText.Normalized(File.ReadAllText(Path.Combine(root, ThisFilePath)));

        var examples = GuideText.CSharpBlock().Matches(guide).Select(match => GuideText.Normalized(match.Groups["code"].Value)).ToList();

        Assert.That(examples, Has.Count.EqualTo(4));
        Assert.That(examples, Has.All.Matches<string>(example => tests.Contains(example, StringComparison.Ordinal)));
    }
}
