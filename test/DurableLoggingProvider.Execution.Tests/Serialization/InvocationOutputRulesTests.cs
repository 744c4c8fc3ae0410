using System;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>The output shapes of spec section 3, which the engine checks before it returns.</summary>
[TestFixture]
public class InvocationOutputRulesTests
{
    private static readonly ErrorObject s_error = new() { ErrorMessage = "boom", ErrorType = "System.Exception" };

    [Test]
    public void TheThreeShapesOfTheSpecPass()
    {
        Assert.DoesNotThrow(() =>
        {
            InvocationOutputRules.Check(new DurableExecutionInvocationOutput { Status = InvocationStatus.Succeeded, Result = "1" });
            InvocationOutputRules.Check(new DurableExecutionInvocationOutput { Status = InvocationStatus.Succeeded });
            InvocationOutputRules.Check(new DurableExecutionInvocationOutput { Status = InvocationStatus.Failed, Error = s_error });
            InvocationOutputRules.Check(new DurableExecutionInvocationOutput { Status = InvocationStatus.Pending });
        });
    }

    [Test]
    public void ASucceededOutputWithAnErrorIsRejected() =>
        AssertRejected(new DurableExecutionInvocationOutput { Status = InvocationStatus.Succeeded, Result = "1", Error = s_error }, "SUCCEEDED invocation output carries no Error");

    [Test]
    public void AFailedOutputWithAResultIsRejected() =>
        AssertRejected(new DurableExecutionInvocationOutput { Status = InvocationStatus.Failed, Result = "1", Error = s_error }, "FAILED invocation output carries no Result");

    [Test]
    public void AFailedOutputWithoutAnErrorIsRejected() =>
        AssertRejected(new DurableExecutionInvocationOutput { Status = InvocationStatus.Failed }, "FAILED invocation output must carry its Error");

    [Test]
    public void APendingOutputWithAResultIsRejected() =>
        AssertRejected(new DurableExecutionInvocationOutput { Status = InvocationStatus.Pending, Result = "1" }, "PENDING invocation output carries neither");

    [Test]
    public void AnUndefinedStatusIsRejected() =>
        AssertRejected(new DurableExecutionInvocationOutput { Status = (InvocationStatus)9 }, "9 is not an invocation status");

    private static void AssertRejected(DurableExecutionInvocationOutput output, string problem)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => InvocationOutputRules.Check(output));

        Assert.That(exception!.Message, Does.Contain(problem));
    }
}
