using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// The service refuses any update AWS's checkpoint server refuses (durable-wire-format.md, section 4;
/// its validators in @aws/durable-execution-sdk-js-testing 1.1.4), and the few the real API's ranges refuse, with an
/// <see cref="InvalidCheckpointException"/> whose message names the action and the operation's type and
/// status as the wire spells them; a refused checkpoint changes nothing.
/// </summary>
[TestFixture]
public class InvalidUpdateTests
{
    public static IEnumerable<TestCaseData> RefusedUpdates()
    {
        yield return Refused("a WAIT is not ended by SUCCEED", [Updates.StartWait("w", 60)], Updates.Succeed("w", OperationType.Wait), "SUCCEED", "WAIT", "STARTED");
        yield return Refused("a CALLBACK is not ended by FAIL", [Updates.StartCallback("c")], Updates.Fail("c", OperationType.Callback), "FAIL", "CALLBACK", "STARTED");
        yield return Refused(
            "a cancelled CALLBACK is not cancelled again",
            [Updates.StartCallback("c"), Updates.Cancel("c", OperationType.Callback)],
            Updates.Cancel("c", OperationType.Callback),
            "CANCEL", "CALLBACK", "CANCELLED");
        yield return Refused("a CHAINED_INVOKE is not cancelled before it starts", [], Updates.Cancel("i", OperationType.ChainedInvoke), "CANCEL", "CHAINED_INVOKE", "not started");
        yield return Refused("a CALLBACK is not retried", [Updates.StartCallback("c")], Retry("c", OperationType.Callback), "RETRY", "CALLBACK", "STARTED");
        yield return Refused("a STARTED STEP does not start again", [Updates.Start("s", OperationType.Step)], Updates.Start("s", OperationType.Step), "START", "STEP", "STARTED");
        yield return Refused(
            "a PENDING STEP does not start before its next attempt is due",
            [Updates.Start("s", OperationType.Step), Updates.Retry("s", 5)],
            Updates.Start("s", OperationType.Step),
            "START", "STEP", "PENDING");
        yield return Refused(
            "a PENDING STEP is not retried again",
            [Updates.Start("s", OperationType.Step), Updates.Retry("s", 5)],
            Updates.Retry("s", 5),
            "RETRY", "STEP", "PENDING");
        yield return Refused("a FAIL carries no Payload", [Updates.Start("s", OperationType.Step)], WithPayload(Updates.Fail("s", OperationType.Step)), "FAIL", "STEP", "STARTED");
        yield return Refused("a SUCCEED carries no Error", [Updates.Start("x", OperationType.Context)], WithError(Updates.Succeed("x", OperationType.Context)), "SUCCEED", "CONTEXT", "STARTED");
        yield return Refused("the EXECUTION's SUCCEED carries no Error", [], WithError(Updates.Succeed("execution", OperationType.Execution)), "SUCCEED", "EXECUTION", "STARTED");
        yield return Refused(
            "a RETRY carries an Error or a Payload, not both", [Updates.Start("s", OperationType.Step)], WithPayload(Updates.Retry("s", 5)), "RETRY", "STEP", "STARTED");
        yield return Refused(
            "a RETRY needs StepOptions", [Updates.Start("s", OperationType.Step)], WithoutStepOptions(Updates.Retry("s", 5)), "RETRY", "STEP", "STARTED");
        yield return Refused(
            "a CHAINED_INVOKE is not ended by SUCCEED", [Updates.StartInvoke("i", "f")], Updates.Succeed("i", OperationType.ChainedInvoke), "SUCCEED", "CHAINED_INVOKE", "STARTED");
        yield return Refused("a CONTEXT starts once", [Updates.Start("x", OperationType.Context)], Updates.Start("x", OperationType.Context), "START", "CONTEXT", "STARTED");
        yield return Refused("a WAIT starts once", [Updates.StartWait("w", 60)], Updates.StartWait("w", 60), "START", "WAIT", "STARTED");
        yield return Refused(
            "a finished STEP does not start again",
            [Updates.Start("s", OperationType.Step), Updates.Succeed("s", OperationType.Step)],
            Updates.Start("s", OperationType.Step),
            "START", "STEP", "SUCCEEDED");
        yield return Refused(
            "a finished STEP is not retried",
            [Updates.Start("s", OperationType.Step), Updates.Succeed("s", OperationType.Step)],
            Updates.Retry("s", 5),
            "RETRY", "STEP", "SUCCEEDED");
        yield return Refused(
            "a failed STEP does not succeed",
            [Updates.Start("s", OperationType.Step), Updates.Fail("s", OperationType.Step)],
            Updates.Succeed("s", OperationType.Step),
            "SUCCEED", "STEP", "FAILED");
        yield return Refused(
            "a PENDING STEP does not succeed before its next attempt starts",
            [Updates.Start("s", OperationType.Step), Updates.Retry("s", 5)],
            Updates.Succeed("s", OperationType.Step),
            "SUCCEED", "STEP", "PENDING");
        yield return Refused("a STEP is not cancelled", [Updates.Start("s", OperationType.Step)], Updates.Cancel("s", OperationType.Step), "CANCEL", "STEP", "STARTED");
        yield return Refused(
            "a cancelled WAIT is not cancelled again",
            [Updates.StartWait("w", 60), Updates.Cancel("w", OperationType.Wait)],
            Updates.Cancel("w", OperationType.Wait),
            "CANCEL", "WAIT", "CANCELLED");
        yield return Refused(
            "a finished CONTEXT does not fail",
            [Updates.Start("x", OperationType.Context), Updates.Succeed("x", OperationType.Context)],
            Updates.Fail("x", OperationType.Context),
            "FAIL", "CONTEXT", "SUCCEEDED");
        yield return Refused("an update that claims another type names the operation's own", [Updates.Start("s", OperationType.Step)], Updates.Succeed("s", OperationType.Context), "SUCCEED", "STEP", "STARTED");
        yield return Refused("nothing is cancelled before it starts", [], Updates.Cancel("w", OperationType.Wait), "CANCEL", "WAIT", "not started");
        yield return Refused("a RETRY needs a delay of at least 1 second", [Updates.Start("s", OperationType.Step)], Updates.Retry("s", 0), "RETRY", "STEP", "STARTED");
        yield return Refused("a WAIT is at least 1 second", [], Updates.StartWait("w", 0), "START", "WAIT", "not started");
        yield return Refused("a WAIT is at most 31,622,400 seconds", [], Updates.StartWait("w", 31_622_401), "START", "WAIT", "not started");
        yield return Refused("a callback's timeouts are not negative", [], Updates.StartCallback("c", timeoutSeconds: -1), "START", "CALLBACK", "not started");
        yield return Refused("the EXECUTION operation is the service's to start", [], Updates.Start("other", OperationType.Execution), "START", "EXECUTION", "STARTED");
    }

    [TestCaseSource(nameof(RefusedUpdates))]
    public async Task AnUpdateTheTransitionsDoNotAllowIsRefusedNamingTheActionTypeAndStatus(
        OperationUpdate[] before, OperationUpdate refused, string action, string type, string status)
    {
        var service = NewService();
        foreach (var update in before)
        {
            await service.CheckpointAsync(update);
        }

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(refused));

        Assert.That(exception!.Message, Does.Match($@"\b{action}\b").And.Match($@"\b{type}\b").And.Match($@"\b{status}\b"));
    }

    [Test]
    public async Task ARefusedCheckpointChangesNothingNotEvenItsValidUpdates()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartWait("w", 60));
        var operationsBefore = service.Operations.Select(operation => (operation.Id, operation.Status)).ToList();
        var tokenBefore = service.CheckpointToken;

        Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(
            Updates.Start("charge", OperationType.Step), Updates.Cancel("w", OperationType.Wait), Updates.Succeed("w", OperationType.Wait)));

        Assert.Multiple(() =>
        {
            Assert.That(service.Operations.Select(operation => (operation.Id, operation.Status)), Is.EqualTo(operationsBefore));
            Assert.That(service.CheckpointToken, Is.EqualTo(tokenBefore));
            Assert.That(service.CheckpointCalls, Is.EqualTo(1));
        });
    }

    private static OperationUpdate Retry(string id, OperationType type) =>
        new() { Id = id, Type = type, Action = OperationAction.Retry, StepOptions = new StepOptions { NextAttemptDelaySeconds = 5 } };

    private static OperationUpdate WithPayload(OperationUpdate update)
    {
        update.Payload = "\"result\"";
        return update;
    }

    private static OperationUpdate WithError(OperationUpdate update)
    {
        update.Error = Updates.Error("Declined", "the card was declined");
        return update;
    }

    private static OperationUpdate WithoutStepOptions(OperationUpdate update)
    {
        update.StepOptions = null;
        return update;
    }

    private static TestCaseData Refused(string why, OperationUpdate[] before, OperationUpdate refused, string action, string type, string status) =>
        new TestCaseData(before, refused, action, type, status).SetArgDisplayNames(why);
}
