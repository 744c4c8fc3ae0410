using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Configuration;

/// <summary>Under <c>Format=Auto</c> the line format follows Lambda's log format variables, the .NET runtime's override first.</summary>
[TestFixture]
[NonParallelizable]
public class LambdaLogFormatTests
{
    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda() => _environment.ClearLambdaLogging();

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [Test]
    public void AutoIsTextWhenLambdaSetsNoFormat()
    {
        Assert.That(WrittenFormat(DurableLogFormat.Auto), Is.EqualTo(DurableLogFormat.Text));
    }

    [TestCase("JSON", DurableLogFormat.Json)]
    [TestCase("json", DurableLogFormat.Json)]
    [TestCase("Text", DurableLogFormat.Text)]
    [TestCase("XML", DurableLogFormat.Text)]
    public void AutoFollowsTheFunctionsLogFormat(string value, DurableLogFormat expected)
    {
        _environment.Set("AWS_LAMBDA_LOG_FORMAT", value);

        Assert.That(WrittenFormat(DurableLogFormat.Auto), Is.EqualTo(expected));
    }

    [TestCase("Text", "JSON", DurableLogFormat.Json)]
    [TestCase("JSON", "Text", DurableLogFormat.Text)]
    [TestCase("JSON", "text", DurableLogFormat.Text)]
    public void UnderAutoTheHandlerLogFormatWinsOverTheFunctionsLogFormat(string function, string handler, DurableLogFormat expected)
    {
        _environment.Set("AWS_LAMBDA_LOG_FORMAT", function);
        _environment.Set("AWS_LAMBDA_HANDLER_LOG_FORMAT", handler);

        Assert.That(WrittenFormat(DurableLogFormat.Auto), Is.EqualTo(expected));
    }

    [Test]
    public void AHandlerLogFormatAloneIsFollowed()
    {
        _environment.Set("AWS_LAMBDA_HANDLER_LOG_FORMAT", "JSON");

        Assert.That(WrittenFormat(DurableLogFormat.Auto), Is.EqualTo(DurableLogFormat.Json));
    }

    [TestCase(DurableLogFormat.Text, "JSON")]
    [TestCase(DurableLogFormat.Json, "Text")]
    public void AnExplicitFormatWinsOverBothVariables(DurableLogFormat configured, string lambda)
    {
        _environment.Set("AWS_LAMBDA_LOG_FORMAT", lambda);
        _environment.Set("AWS_LAMBDA_HANDLER_LOG_FORMAT", lambda);

        Assert.That(WrittenFormat(configured), Is.EqualTo(configured));
    }

    [Test]
    public void AutoSpelledOutInTheConfigurationFollowsLambda()
    {
        _environment.Set("AWS_LAMBDA_LOG_FORMAT", "JSON");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Durable:Format"] = "auto" })
            .Build();
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(builder =>
        {
            builder.AddConfiguration(configuration.GetSection("Logging"));
            builder.AddDurableLogging();
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILoggerFactory>().CreateLogger("Auto").LogInformation("auto json");

        Assert.That(sink.JsonRecords().Single().GetProperty("message").GetString(), Is.EqualTo("auto json"));
    }

    /// <summary>Writes one record and tells which format it came out in, by parsing it as each.</summary>
    private static DurableLogFormat WrittenFormat(DurableLogFormat configured)
    {
        using var logging = new TestLogging(o => o.Format = configured);
        logging.Logger().LogInformation("which format");
        var line = logging.Sink.Lines.Single();
        if (line.StartsWith('{'))
        {
            using var record = JsonDocument.Parse(line);
            Assert.That(record.RootElement.GetProperty("message").GetString(), Is.EqualTo("which format"));
            return DurableLogFormat.Json;
        }

        var text = TextLine.Parse(line);
        Assert.That(text.Rest, Does.StartWith("which format"));
        return DurableLogFormat.Text;
    }
}
