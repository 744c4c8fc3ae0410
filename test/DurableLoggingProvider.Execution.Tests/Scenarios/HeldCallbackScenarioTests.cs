using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>
/// Scenario 16 of replay-gate.md, in the default store: no line is lost while a callback is held and the
/// previous invocation stopped inside a nested context operation. <see cref="MatrixCallbackScenarioTests"/>
/// runs it in every mode and store.
/// </summary>
[TestFixture]
public class HeldCallbackScenarioTests
{
    [TestCase(NestedContext.ChildContext)]
    [TestCase(NestedContext.Map)]
    [TestCase(NestedContext.Parallel)]
    [TestCase(NestedContext.WaitForCallback)]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario16_TheLineAfterTheNestedContextIsWrittenOnceWhereItEndsAndTheLineAfterTheCallbackOnce(NestedContext nested, CancellationToken cancellationToken)
    {
        // The held callback is answered only after invocation 2, so invocation 2 ends the nested context and
        // then stops at the callback; invocation 3 gets the answer.
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            AnswerCallback = pending => pending.Name != HeldCallbackScenario.HeldName || pending.InvocationNumber >= 2 ? CallbackAnswer.Succeed("\"yes\"") : null,
        });
        var logger = runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category);

        var result = await runner.RunToEndAsync("input", HeldCallbackScenario.Workflow(logger, nested), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("yes"));
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            Assert.That(result.OperationsNamed("nested").Single().Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(result.RecordsWithMessage("after").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }), "written in the invocation where the nested context ends");
            Assert.That(result.RecordsWithMessage("got").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(3) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario16_ACallbackAnsweredAtTheFirstSuspensionWritesBothLinesOnceWhereTheChildContextEnds(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = _ => CallbackAnswer.Succeed("\"yes\"") });
        var logger = runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category);

        var result = await runner.RunToEndAsync("input", HeldCallbackScenario.Workflow(logger, NestedContext.ChildContext), cancellationToken);

        // The answer re-invokes the execution before the child's wait is over (invocation 2 stops inside the
        // child again, the callback now answered); the last invocation ends the child and gets the answer.
        var last = result.Invocations.Count;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(last, Is.GreaterThanOrEqualTo(2));
            Assert.That(result.RecordsWithMessage("after").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(last) }));
            Assert.That(result.RecordsWithMessage("got").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(last) }));
        });
    }
}
