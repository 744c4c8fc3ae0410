using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Context;

/// <summary>
/// The invocation's trace id comes from <c>_X_AMZN_TRACE_ID</c> only where one invocation runs at a
/// time: under <c>AWS_LAMBDA_MAX_CONCURRENCY</c> that variable belongs to no invocation in particular.
/// </summary>
[TestFixture]
[NonParallelizable]
public class InvocationTraceIdTests
{
    private const string Header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda() => _environment.ClearLambdaLogging();

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [Test]
    public void TheTraceHeaderBecomesTheTraceIdWhenOneInvocationRunsAtATime()
    {
        _environment.Set("_X_AMZN_TRACE_ID", Header);

        var record = LogInside(new LambdaInvocation("req-traced"));

        Assert.That(record.GetProperty("traceId").GetString(), Is.EqualTo(Header));
    }

    [Test]
    public void TheTraceHeaderIsIgnoredUnderMultiConcurrency()
    {
        _environment.Set("_X_AMZN_TRACE_ID", Header);
        _environment.Set("AWS_LAMBDA_MAX_CONCURRENCY", "10");

        var invocation = new LambdaInvocation("req-concurrent");
        var record = LogInside(invocation);

        Assert.Multiple(() =>
        {
            Assert.That(invocation.TraceId, Is.Null);
            Assert.That(record.TryGetProperty("traceId", out _), Is.False);
        });
    }

    [TestCase(null)]
    [TestCase("10")]
    public void ATraceIdGivenByTheInvocationWins(string? maxConcurrency)
    {
        _environment.Set("_X_AMZN_TRACE_ID", Header);
        _environment.Set("AWS_LAMBDA_MAX_CONCURRENCY", maxConcurrency);

        var record = LogInside(new LambdaInvocation("req-own") { TraceId = "Root=1-own" });

        Assert.That(record.GetProperty("traceId").GetString(), Is.EqualTo("Root=1-own"));
    }

    [Test]
    public void WithoutATraceHeaderThereIsNoTraceId()
    {
        var record = LogInside(new LambdaInvocation("req-untraced"));

        Assert.That(record.TryGetProperty("traceId", out _), Is.False);
    }

    [Test]
    public void TheHeaderIsReadWhenTheInvocationIsCreatedSoEachInvocationGetsItsOwn()
    {
        _environment.Set("_X_AMZN_TRACE_ID", "Root=1-first");
        var first = new LambdaInvocation("req-1");
        _environment.Set("_X_AMZN_TRACE_ID", "Root=1-second");
        var second = new LambdaInvocation("req-2");

        Assert.Multiple(() =>
        {
            Assert.That(first.TraceId, Is.EqualTo("Root=1-first"));
            Assert.That(second.TraceId, Is.EqualTo("Root=1-second"));
        });
    }

    private static System.Text.Json.JsonElement LogInside(LambdaInvocation invocation)
    {
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        using (DurableLogContext.BeginInvocation(invocation))
        {
            logging.Logger().LogInformation("traced?");
        }

        return logging.Records.Single();
    }
}
