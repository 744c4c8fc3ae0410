using System;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Context;

/// <summary>The seam a durable runtime drives: beginning an invocation, entering contexts and operations, and leaving them.</summary>
[TestFixture]
public class DurableLogContextTests
{
    [SetUp]
    public void NothingIsAmbientBeforeATest()
    {
        Assert.That(DurableLogContext.CurrentFrame, Is.Null, "an earlier test left a scope undisposed");
    }

    [Test]
    public void BeginningAnInvocationMakesItCurrentUntilTheScopeIsDisposed()
    {
        var invocation = new LambdaInvocation("req-1");

        using (DurableLogContext.BeginInvocation(invocation))
        {
            Assert.That(DurableLogContext.Invocation, Is.SameAs(invocation));
        }

        Assert.That(DurableLogContext.Invocation, Is.Null);
    }

    [Test]
    public void EnteringAContextKeepsTheInvocationAndRestoresOnDispose()
    {
        var invocation = new LambdaInvocation("req-1");
        var context = new DurableContextState("arn:1", isReplaying: false);

        using (DurableLogContext.BeginInvocation(invocation))
        {
            using (DurableLogContext.EnterContext(context))
            {
                Assert.Multiple(() =>
                {
                    Assert.That(DurableLogContext.Invocation, Is.SameAs(invocation));
                    Assert.That(DurableLogContext.Context, Is.SameAs(context));
                    Assert.That(DurableLogContext.Operation, Is.Null);
                });
            }

            Assert.Multiple(() =>
            {
                Assert.That(DurableLogContext.Invocation, Is.SameAs(invocation));
                Assert.That(DurableLogContext.Context, Is.Null);
            });
        }
    }

    [Test]
    public void EnteringAnOperationKeepsTheInvocationAndContext()
    {
        var invocation = new LambdaInvocation("req-1");
        var context = new DurableContextState("arn:1", isReplaying: false);
        var operation = new DurableOperation("op-1", "charge", attempt: 2);

        using (DurableLogContext.BeginInvocation(invocation))
        using (DurableLogContext.EnterContext(context))
        using (DurableLogContext.EnterOperation(operation))
        {
            Assert.Multiple(() =>
            {
                Assert.That(DurableLogContext.Invocation, Is.SameAs(invocation));
                Assert.That(DurableLogContext.Context, Is.SameAs(context));
                Assert.That(DurableLogContext.Operation, Is.SameAs(operation));
            });
        }
    }

    [Test]
    public void EnteringAChildContextLeavesTheOperationBehindUntilItIsLeft()
    {
        var root = new DurableContextState("arn:1", isReplaying: false);
        var operation = new DurableOperation("op-1", "child");
        var child = root.CreateChild("op-1");

        using (DurableLogContext.EnterContext(root))
        using (DurableLogContext.EnterOperation(operation))
        {
            using (DurableLogContext.EnterContext(child))
            {
                Assert.Multiple(() =>
                {
                    Assert.That(DurableLogContext.Context, Is.SameAs(child));
                    Assert.That(DurableLogContext.Operation, Is.Null);
                });
            }

            Assert.Multiple(() =>
            {
                Assert.That(DurableLogContext.Context, Is.SameAs(root));
                Assert.That(DurableLogContext.Operation, Is.SameAs(operation));
            });
        }
    }

    [Test]
    public void BeginningAnInvocationLeavesAnEnclosingContextAndOperationBehind()
    {
        var outer = new LambdaInvocation("req-outer");
        var inner = new LambdaInvocation("req-inner");
        var context = new DurableContextState("arn:1", isReplaying: true);

        using (DurableLogContext.BeginInvocation(outer))
        using (DurableLogContext.EnterContext(context))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1")))
        {
            using (DurableLogContext.BeginInvocation(inner))
            {
                Assert.Multiple(() =>
                {
                    Assert.That(DurableLogContext.Invocation, Is.SameAs(inner));
                    Assert.That(DurableLogContext.Context, Is.Null);
                    Assert.That(DurableLogContext.Operation, Is.Null);
                });
            }

            Assert.Multiple(() =>
            {
                Assert.That(DurableLogContext.Invocation, Is.SameAs(outer));
                Assert.That(DurableLogContext.Context, Is.SameAs(context));
                Assert.That(DurableLogContext.Operation?.Id, Is.EqualTo("op-1"));
            });
        }
    }

    [Test]
    public void NestedScopesRestoreEachLevelInTurn()
    {
        var invocation = new LambdaInvocation("req-1");
        var root = new DurableContextState("arn:1", isReplaying: false);
        var first = new DurableOperation("op-1");
        var second = new DurableOperation("op-2");

        var invocationScope = DurableLogContext.BeginInvocation(invocation);
        var rootScope = DurableLogContext.EnterContext(root);
        var firstScope = DurableLogContext.EnterOperation(first);
        var secondScope = DurableLogContext.EnterOperation(second);
        var atSecond = DurableLogContext.Operation;
        secondScope.Dispose();
        var atFirst = DurableLogContext.Operation;
        firstScope.Dispose();
        var atRoot = (DurableLogContext.Context, DurableLogContext.Operation);
        rootScope.Dispose();
        var atInvocation = (DurableLogContext.Invocation, DurableLogContext.Context);
        invocationScope.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(atSecond, Is.SameAs(second));
            Assert.That(atFirst, Is.SameAs(first));
            Assert.That(atRoot.Context, Is.SameAs(root));
            Assert.That(atRoot.Operation, Is.Null);
            Assert.That(atInvocation.Invocation, Is.SameAs(invocation));
            Assert.That(atInvocation.Context, Is.Null);
            Assert.That(DurableLogContext.CurrentFrame, Is.Null);
        });
    }

    [Test]
    public void ADefaultScopeChangesNothingWhenDisposed()
    {
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1")))
        {
            default(DurableLogContextScope).Dispose();

            Assert.That(DurableLogContext.Invocation?.RequestId, Is.EqualTo("req-1"));
        }
    }

    [Test]
    public void LinesCarryTheValuesOfTheCurrentInvocationContextAndOperation()
    {
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        var logger = logging.Logger();
        var child = new DurableContextState("arn:lines", isReplaying: false).CreateChild("ctx-9");

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-lines") { TraceId = "Root=1-abc", TenantId = "tenant-1" }))
        using (DurableLogContext.EnterContext(child))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-7", "charge card", attempt: 3)))
        {
            logger.LogInformation("inside");
        }

        logger.LogInformation("outside");

        var records = logging.Records;
        var inside = records[0];
        Assert.Multiple(() =>
        {
            Assert.That(inside.GetProperty("requestId").GetString(), Is.EqualTo("req-lines"));
            Assert.That(inside.GetProperty("traceId").GetString(), Is.EqualTo("Root=1-abc"));
            Assert.That(inside.GetProperty("tenantId").GetString(), Is.EqualTo("tenant-1"));
            Assert.That(inside.GetProperty("executionArn").GetString(), Is.EqualTo("arn:lines"));
            Assert.That(inside.GetProperty("parentId").GetString(), Is.EqualTo("ctx-9"));
            Assert.That(inside.GetProperty("operationId").GetString(), Is.EqualTo("op-7"));
            Assert.That(inside.GetProperty("operationName").GetString(), Is.EqualTo("charge card"));
            Assert.That(inside.GetProperty("attempt").GetInt32(), Is.EqualTo(3));
            Assert.That(
                records[1].EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(Expected.Sequence("timestamp", "level", "category", "message")));
        });
    }

    [Test]
    public void AnILoggerResolvedBeforeTheInvocationReadsTheContextItIsCalledFrom()
    {
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        var early = logging.Logger("Early");

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-a")))
        {
            early.LogInformation("first");
        }

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-b")))
        {
            early.LogInformation("second");
        }

        Assert.That(logging.Records.Select(r => r.GetProperty("requestId").GetString()), Is.EqualTo(Expected.Sequence("req-a", "req-b")));
    }

    [Test]
    public void NullArgumentsAreRejectedWithTheirNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                () => DurableLogContext.BeginInvocation(null!),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("invocation"));
            Assert.That(
                () => DurableLogContext.EnterContext(null!),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("context"));
            Assert.That(
                () => DurableLogContext.EnterOperation(null!),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("operation"));
        });
        Assert.That(DurableLogContext.CurrentFrame, Is.Null);
    }
}
