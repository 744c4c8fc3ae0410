using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Context;

/// <summary>An invocation's identity and whether it paid for the cold start.</summary>
[TestFixture]
public class LambdaInvocationTests
{
    [Test]
    public void AnInvocationNotYetBegunIsNotCold()
    {
        var invocation = new LambdaInvocation("req-not-begun");

        Assert.That(invocation.IsColdStart, Is.False);
    }

    [Test]
    public void OnlyTheFirstInvocationBegunInTheProcessIsCold()
    {
        var anyBegunBefore = LambdaInvocation.BegunInProcess > 0;
        var invocations = Enumerable.Range(0, 32).Select(i => new LambdaInvocation($"req-{i}")).ToArray();

        Parallel.ForEach(invocations, invocation =>
        {
            using (DurableLogContext.BeginInvocation(invocation))
            {
            }
        });

        Assert.That(invocations.Count(i => i.IsColdStart), Is.EqualTo(anyBegunBefore ? 0 : 1));
    }

    [Test]
    public void AnInvocationBegunAfterAnotherIsNeverCold()
    {
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-earlier")))
        {
        }

        var later = new LambdaInvocation("req-later");
        using (DurableLogContext.BeginInvocation(later))
        {
            Assert.That(later.IsColdStart, Is.False);
        }
    }

    [Test]
    public void BeginningTheSameInvocationAgainKeepsItsColdStart()
    {
        var invocation = new LambdaInvocation("req-again");
        using (DurableLogContext.BeginInvocation(invocation))
        {
        }

        var first = invocation.IsColdStart;
        var begunAfterFirst = LambdaInvocation.BegunInProcess;
        using (DurableLogContext.BeginInvocation(invocation))
        {
        }

        Assert.Multiple(() =>
        {
            Assert.That(invocation.IsColdStart, Is.EqualTo(first));
            Assert.That(LambdaInvocation.BegunInProcess, Is.EqualTo(begunAfterFirst));
        });
    }

    [Test]
    public void TheRequestIdIsKept()
    {
        Assert.That(new LambdaInvocation("8f5c1a2e-request").RequestId, Is.EqualTo("8f5c1a2e-request"));
    }

    [Test]
    public void AMissingRequestIdIsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                () => new LambdaInvocation(null!),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("requestId"));
            Assert.That(
                () => new LambdaInvocation(string.Empty),
                Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("requestId"));
        });
    }

    [Test]
    public void TheFunctionIdentityDefaultsToTheOneReadFromTheEnvironment()
    {
        var invocation = new LambdaInvocation("req-function");

        Assert.That(invocation.Function, Is.SameAs(LambdaFunctionIdentity.FromEnvironment()));
    }
}
