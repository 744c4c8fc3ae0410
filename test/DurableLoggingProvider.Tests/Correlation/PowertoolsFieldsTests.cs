using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

// A placeholder is named like a Powertools field on purpose (CA1727).
#pragma warning disable CA1727

namespace DurableLoggingProvider.Tests.Correlation;

/// <summary>
/// <see cref="DurableLoggerOptions.PowertoolsFields"/> adds the keys Powertools for AWS Lambda (.NET) writes on every
/// line (its documentation's example: <c>service</c>, <c>cold_start</c>, <c>function_name</c>, <c>function_version</c>,
/// <c>function_memory_size</c>, <c>function_arn</c>), in the casing <see cref="FieldNaming"/> picks, so that queries
/// written for Powertools' lines keep finding them.
/// </summary>
[TestFixture]
[NonParallelizable]
public class PowertoolsFieldsTests
{
    private const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:orders:live";

    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda()
    {
        _environment.ClearLambdaLogging();
        _environment.Set("POWERTOOLS_SERVICE_NAME", null);
    }

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [Test]
    public void InSnakeCaseTheKeysArePowertoolsOwnDefaultNames()
    {
        using var capture = LineCapture.Json(options =>
        {
            options.PowertoolsFields = true;
            options.Service = "orders";
            options.FieldNaming = FieldNaming.SnakeCase;
        });

        var invocation = LogInOneInvocation(capture.Logger("Shop.Orders"));

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence(
                "timestamp", "level", "request_id", "execution_arn",
                "service", "cold_start", "function_name", "function_version", "function_memory_size", "function_arn",
                "category", "message")));
            Assert.That(JsonLine.String(record, "service"), Is.EqualTo("orders"));
            Assert.That(record.GetProperty("cold_start").ValueKind, Is.EqualTo(invocation.IsColdStart ? JsonValueKind.True : JsonValueKind.False));
            Assert.That(JsonLine.String(record, "function_name"), Is.EqualTo("orders-fn"));
            Assert.That(JsonLine.String(record, "function_version"), Is.EqualTo("$LATEST"));
            Assert.That(record.GetProperty("function_memory_size").GetInt32(), Is.EqualTo(512));
            Assert.That(JsonLine.String(record, "function_arn"), Is.EqualTo(FunctionArn));
        });
    }

    [TestCase(FieldNaming.CamelCase, "service", "coldStart", "functionName", "functionVersion", "functionMemorySize", "functionArn")]
    [TestCase(FieldNaming.PascalCase, "Service", "ColdStart", "FunctionName", "FunctionVersion", "FunctionMemorySize", "FunctionArn")]
    public void EachCasingNamesThePowertoolsFieldsAsPowertoolsDoesInIt(FieldNaming naming, string service, string coldStart, string name, string version, string memory, string arn)
    {
        using var capture = LineCapture.Json(options =>
        {
            options.PowertoolsFields = true;
            options.FieldNaming = naming;
        });

        LogInOneInvocation(capture.Logger("Shop.Orders"));

        var record = capture.SingleJson();
        foreach (var key in new[] { service, coldStart, name, version, memory, arn })
        {
            Assert.That(record.TryGetProperty(key, out _), Is.True, key);
        }
    }

    [Test]
    public void ASecondInvocationInTheProcessIsNotAColdStart()
    {
        using var capture = LineCapture.Json(options => options.PowertoolsFields = true);
        var logger = capture.Logger("Shop.Orders");

        LogInOneInvocation(logger);
        LogInOneInvocation(logger);

        var second = JsonLine.Parse(capture.Lines()[1]);
        Assert.That(second.GetProperty("coldStart").GetBoolean(), Is.False);
    }

    [Test]
    public void TheServiceComesFromPowertoolsServiceNameWhenTheOptionIsUnset()
    {
        _environment.Set("POWERTOOLS_SERVICE_NAME", "payments");
        using var capture = LineCapture.Json(options => options.PowertoolsFields = true);

        capture.Logger("Shop.Orders").LogInformation("outside");

        Assert.That(JsonLine.String(capture.SingleJson(), "service"), Is.EqualTo("payments"));
    }

    [Test]
    public void TheOptionWinsOverPowertoolsServiceName()
    {
        _environment.Set("POWERTOOLS_SERVICE_NAME", "payments");
        using var capture = LineCapture.Json(options =>
        {
            options.PowertoolsFields = true;
            options.Service = "orders";
        });

        capture.Logger("Shop.Orders").LogInformation("outside");

        Assert.That(JsonLine.String(capture.SingleJson(), "service"), Is.EqualTo("orders"));
    }

    [Test]
    public void WithNoServiceNamedTheServiceIsPowertoolsUndefinedService()
    {
        using var capture = LineCapture.Json(options => options.PowertoolsFields = true);

        capture.Logger("Shop.Orders").LogInformation("outside");

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(record, "service"), Is.EqualTo("service_undefined"));
            Assert.That(record.TryGetProperty("coldStart", out _), Is.False, "no invocation, no cold start to tell");
        });
    }

    [Test]
    public void OffByDefaultNoLineCarriesThem()
    {
        _environment.Set("POWERTOOLS_SERVICE_NAME", "payments");
        using var capture = LineCapture.Json();

        LogInOneInvocation(capture.Logger("Shop.Orders"));

        Assert.That(JsonLine.Keys(capture.SingleJson()), Is.EqualTo(Expected.Sequence(
            "timestamp", "level", "requestId", "executionArn", "category", "message")));
    }

    [Test]
    public void TheTextFormatCarriesThemAsKeyValuePairs()
    {
        using var capture = LineCapture.Text(options =>
        {
            options.PowertoolsFields = true;
            options.Service = "orders";
        });

        var invocation = LogInOneInvocation(capture.Logger("Shop.Orders"));

        Assert.That(capture.SingleLine(), Is.EqualTo(
            "2026-07-22T10:11:12.345Z\treq-pt\tINFO\tplaced executionArn=arn:exec service=orders " +
            $"coldStart={(invocation.IsColdStart ? "true" : "false")} functionName=orders-fn functionVersion=$LATEST functionMemorySize=512 " +
            $"functionArn={FunctionArn} category=Shop.Orders"));
    }

    [Test]
    public void ACallersValueNamedServiceTakesTheFieldsPlace()
    {
        using var capture = LineCapture.Json(options =>
        {
            options.PowertoolsFields = true;
            options.Service = "orders";
        });

        capture.Logger("Shop.Orders").LogInformation("for {service}", "billing");

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(record, "service"), Is.EqualTo("billing"));
            Assert.That(JsonLine.RepeatedKeys(record), Is.Empty);
        });
    }

    private static LambdaInvocation LogInOneInvocation(ILogger logger)
    {
        var invocation = new LambdaInvocation("req-pt")
        {
            FunctionArn = FunctionArn,
            Function = new LambdaFunctionIdentity { FunctionName = "orders-fn", FunctionVersion = "$LATEST", MemorySizeMB = 512 },
        };
        using (DurableLogContext.BeginInvocation(invocation))
        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: false)))
        {
            logger.LogInformation("placed");
        }

        return invocation;
    }
}
