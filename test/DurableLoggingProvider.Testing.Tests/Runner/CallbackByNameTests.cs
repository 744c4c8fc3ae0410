using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// Callbacks answered by the name the workflow gave them (<see cref="LocalRunnerOptions.CallbackAnswers"/> and
/// <see cref="PendingCallback.Name"/>): a created callback by its own name, a wait-for-callback's callback,
/// which may have none of its own, by the wait-for-callback's.
/// </summary>
[TestFixture]
public class CallbackByNameTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AWaitForCallbackIsAnsweredByItsOwnName(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CallbackAnswers = { ["manager-approval"] = CallbackAnswer.Succeed("\"approved\"") } });

        var result = await runner.RunAsync<string, string>(
            "order-1", (_, context) => context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "manager-approval", cancellationToken: cancellationToken), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded), result.StuckReason);
            Assert.That(result.Result, Is.EqualTo("approved"));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AnAnswerCallbackSeesAWaitForCallbacksCallbackUnderTheWaitForCallbacksName(CancellationToken cancellationToken)
    {
        var seen = new List<string?>();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            AnswerCallback = pending =>
            {
                seen.Add(pending.Name);
                return CallbackAnswer.Succeed("\"approved\"");
            },
        });

        await runner.RunAsync<string, string>(
            "order-1", (_, context) => context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "manager-approval", cancellationToken: cancellationToken), cancellationToken);

        Assert.That(seen, Is.EqualTo(new[] { "manager-approval" }));
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACreatedCallbackIsAnsweredByItsNameAndTheOthersGoToAnswerCallback(CancellationToken cancellationToken)
    {
        var asked = new List<string?>();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            CallbackAnswers = { ["approval"] = CallbackAnswer.Succeed("\"yes\"") },
            AnswerCallback = pending =>
            {
                asked.Add(pending.Name);
                return CallbackAnswer.Fail("Rejected", "no");
            },
        });

        var result = await runner.RunAsync<string, string>(
            "order-1",
            async (_, context) =>
            {
                var approval = await context.CreateCallbackAsync<string>("approval", cancellationToken: cancellationToken);
                var audit = await context.CreateCallbackAsync<string>("audit", cancellationToken: cancellationToken);
                var answer = await approval.GetResultAsync(cancellationToken);
                try
                {
                    await audit.GetResultAsync(cancellationToken);
                    return $"{answer}, audited";
                }
                catch (CallbackFailedException)
                {
                    return $"{answer}, audit refused";
                }
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("yes, audit refused"));
            Assert.That(asked, Is.EqualTo(new[] { "audit" }), "only the callback without a named answer reaches AnswerCallback");
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task CallbacksOfOneNameWaitingOneAfterAnotherAreEachAnswered(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CallbackAnswers = { ["approval"] = CallbackAnswer.Succeed("\"yes\"") } });

        var result = await runner.RunAsync<string, string>(
            "order-1",
            async (_, context) =>
            {
                var first = await (await context.CreateCallbackAsync<string>("approval", cancellationToken: cancellationToken)).GetResultAsync(cancellationToken);
                var second = await (await context.CreateCallbackAsync<string>("approval", cancellationToken: cancellationToken)).GetResultAsync(cancellationToken);
                return $"{first} {second}";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("yes yes"));
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TwoCallbacksOfAnAnsweredNameWaitingAtOnceFailTheRunNamingBoth(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CallbackAnswers = { ["approval"] = CallbackAnswer.Succeed("\"yes\"") } });

        var run = runner.RunAsync<string, string>(
            "order-1",
            async (_, context) =>
            {
                var first = await context.CreateCallbackAsync<string>("approval", cancellationToken: cancellationToken);
                var second = await context.CreateCallbackAsync<string>("approval", cancellationToken: cancellationToken);
                return await first.GetResultAsync(cancellationToken) + await second.GetResultAsync(cancellationToken);
            },
            cancellationToken);

        var problem = Assert.ThrowsAsync<InvalidOperationException>(async () => await run);
        Assert.That(problem!.Message, Does.StartWith("2 callbacks named 'approval' are waiting at once").And.Contain("AnswerCallback"));
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AnAnswerForANameNoCallbackHadFailsTheRunNamingTheCallbacksThatWaited(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            CallbackAnswers = { ["manager-aproval"] = CallbackAnswer.Succeed("\"yes\"") },
            AnswerCallback = _ => CallbackAnswer.Succeed("\"fallback\""),
        });

        var run = runner.RunAsync<string, string>(
            "order-1", (_, context) => context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "manager-approval", cancellationToken: cancellationToken), cancellationToken);

        var problem = Assert.ThrowsAsync<InvalidOperationException>(async () => await run);
        Assert.That(problem!.Message, Does.Contain("'manager-aproval'").And.Contain("named: 'manager-approval'"));
    }
}
