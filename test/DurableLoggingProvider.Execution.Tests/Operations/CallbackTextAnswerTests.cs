using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// A callback answered with plain text that is not JSON (AWS's own README answers <c>result data</c>): a
/// string-typed await gets the text as it is, JSON text still deserializes, and any other type gets a
/// <see cref="CallbackResultException"/> that names the callback, never a bare JSON error.
/// </summary>
[TestFixture]
public class CallbackTextAnswerTests
{
    private const string PlainText = "result data";

    [Test]
    [CancelAfter(30000)]
    public async Task AStringAwaitGetsAPlainTextAnswerAsItIs(CancellationToken cancellationToken)
    {
        var result = await RunAsync(PlainText, async context => await (await context.CreateCallbackAsync<string>("approval")).GetResultAsync(), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(PlainText));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStringWaitForCallbackGetsAPlainTextAnswerAsItIs(CancellationToken cancellationToken)
    {
        var result = await RunAsync(PlainText, context => context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "review"), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(PlainText));
            Assert.That(result.OperationsNamed("review").Single().Status, Is.EqualTo(OperationStatus.Succeeded));
        });
    }

    [TestCase("\"approved\"", "approved", TestName = "AStringAwaitStillDecodesAJsonStringAnswer")]
    [TestCase("{\"approver\":\"dana\"}", "{\"approver\":\"dana\"}", TestName = "AStringAwaitGetsJsonTextThatIsNotAStringAsItIs")]
    [CancelAfter(30000)]
    public async Task AStringAwaitOfJsonText(string answer, string expected, CancellationToken cancellationToken)
    {
        var result = await RunAsync(answer, async context => await (await context.CreateCallbackAsync<string>("approval")).GetResultAsync(), cancellationToken);

        Assert.That(result.Result, Is.EqualTo(expected));
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnotherTypesAwaitOfJsonTextStillDeserializesIt(CancellationToken cancellationToken)
    {
        var result = await RunAsync("42", async context => (await (await context.CreateCallbackAsync<int>("count")).GetResultAsync()).ToString(CultureInfo.InvariantCulture), cancellationToken);

        Assert.That(result.Result, Is.EqualTo("42"));
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnotherTypesAwaitOfAPlainTextAnswerThrowsAnErrorNamingTheCallback(CancellationToken cancellationToken)
    {
        CallbackResultException? seen = null;

        var result = await RunAsync(
            PlainText,
            async context =>
            {
                var callback = await context.CreateCallbackAsync<int>("count");
                try
                {
                    return (await callback.GetResultAsync()).ToString(CultureInfo.InvariantCulture);
                }
                catch (CallbackResultException exception)
                {
                    seen = exception;
                    return "not a number";
                }
            },
            cancellationToken);

        var callback = result.OperationsNamed("count").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("not a number"));
            Assert.That(seen, Is.Not.Null);
            Assert.That(seen!.CallbackName, Is.EqualTo("count"));
            Assert.That(seen.OperationId, Is.EqualTo(callback.Id));
            Assert.That(seen.CallbackId, Is.EqualTo(callback.CallbackDetails?.CallbackId).And.Not.Empty);
            Assert.That(seen.ResultType, Is.EqualTo(typeof(int)));
            Assert.That(seen.Message, Does.Contain("'count'").And.Contain(callback.Id).And.Contain(callback.CallbackDetails!.CallbackId!));
            Assert.That(seen.Message, Does.Contain("not JSON text of System.Int32").And.Contain("await it as string"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnotherTypesWaitForCallbackOfAPlainTextAnswerFailsTheOperationWithAnErrorNamingIt(CancellationToken cancellationToken)
    {
        DurableOperationFailedException? seen = null;

        var result = await RunAsync(
            PlainText,
            async context =>
            {
                try
                {
                    return (await context.WaitForCallbackAsync<int>((_, _) => Task.CompletedTask, "review")).ToString(CultureInfo.InvariantCulture);
                }
                catch (DurableOperationFailedException exception)
                {
                    seen = exception;
                    return "not a number";
                }
            },
            cancellationToken);

        // The failed context's children are pruned from the state: the callback's id is read from the error.
        var callbackId = (seen?.InnerException as CallbackResultException)?.CallbackId;
        Assert.Multiple(() =>
        {
            Assert.That(callbackId, Is.Not.Empty);
            Assert.That(result.Result, Is.EqualTo("not a number"));
            Assert.That(seen, Is.InstanceOf<CallbackFailedException>());
            Assert.That(seen!.ErrorType, Is.EqualTo(typeof(CallbackResultException).FullName));
            Assert.That(seen.ErrorMessage, Does.Contain("Callback 'review'").And.Contain(callbackId).And.Contain("not JSON text of System.Int32"));
            Assert.That(seen.InnerException, Is.InstanceOf<CallbackResultException>());
            Assert.That(result.OperationsNamed("review").Single().Status, Is.EqualTo(OperationStatus.Failed));
        });
    }

    /// <summary>Runs <paramref name="workflow"/> with every callback answered, at the first suspension, with <paramref name="answer"/> as it is.</summary>
    private static async Task<LocalRunResult<string>> RunAsync(string answer, Func<IDurableContext, Task<string>> workflow, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = _ => CallbackAnswer.Succeed(answer) });
        return await runner.RunAsync<string, string>("input", (_, context) => workflow(context), cancellationToken).WaitAsync(cancellationToken);
    }
}
