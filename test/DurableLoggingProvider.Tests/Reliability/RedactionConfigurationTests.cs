using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// <c>Logging:Durable:RedactedFields</c> and <c>Logging:Durable:RedactionMask</c> bound from a real
/// appsettings.json: an array (or one comma-separated value, handy in an environment variable), checked
/// at start-up, followed on reload.
/// </summary>
[TestFixture]
[NonParallelizable]
public class RedactionConfigurationTests
{
    private const string Secret = "hunter2-s3cr3t";

    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda() => _environment.ClearLambdaLogging();

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [TestCase("[ \"password\", \"Token\" ]")]
    [TestCase("\"password, Token\"")]
    public void RedactedFieldsBindFromAnArrayOrACommaSeparatedValue(string json)
    {
        using var file = new AppSettingsFile(Settings($"\"RedactedFields\": {json}"));
        using var services = file.BuildServices();

        // "{token}" in lower case: names match in any case.
#pragma warning disable CA1727
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound").LogInformation("Login {Password} {token} {User}", Secret, Secret, "alice");
#pragma warning restore CA1727

        Assert.That(file.Sink.Lines.Single(), Is.EqualTo(
            "{\"timestamp\":\"2026-07-22T10:11:12.345Z\",\"level\":\"INFO\",\"category\":\"Bound\",\"message\":\"Login [REDACTED] [REDACTED] alice\"," +
            "\"Password\":\"[REDACTED]\",\"token\":\"[REDACTED]\",\"User\":\"alice\"}"));
    }

    [Test]
    public void TheMaskBindsFromTheConfiguration()
    {
        using var file = new AppSettingsFile(Settings("\"RedactedFields\": [ \"password\" ], \"RedactionMask\": \"***\""));
        using var services = file.BuildServices();

        services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound").LogInformation("Login {Password}", Secret);

        Assert.That(JsonLine.String(file.Sink.JsonRecords().Single(), "Password"), Is.EqualTo("***"));
    }

    [Test]
    public void NamesSetInCodeAreAddedToTheConfiguredOnes()
    {
        using var file = new AppSettingsFile(Settings("\"RedactedFields\": [ \"password\" ]"));
        using var services = file.BuildServices(options => options.RedactedFields.Add("token"));

        services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound").LogInformation("{Password} {Token}", Secret, Secret);

        Assert.That(file.Sink.Lines.Single(), Does.Not.Contain(Secret));
    }

    [TestCase("[ \"password\", \"\" ]", "Logging:Durable:RedactedFields:1 is empty")]
    [TestCase("[ \" \" ]", "Logging:Durable:RedactedFields:0 is empty")]
    [TestCase("\"password,,token\"", "Logging:Durable:RedactedFields:1 is empty")]
    [TestCase("[ { \"Name\": \"password\" } ]", "Logging:Durable:RedactedFields:0 is not a name")]
    public void AnEmptyNameFailsWhenTheLoggerFactoryIsResolvedNamingItsKey(string json, string problem)
    {
        using var file = new AppSettingsFile(Settings($"\"RedactedFields\": {json}"));
        using var services = file.BuildServices();

        var failure = Assert.Catch<OptionsValidationException>(() => services.GetRequiredService<ILoggerFactory>());

        Assert.That(failure!.Message, Does.Contain(problem));
    }

    [Test]
    public void AnEmptyNameSetInCodeFailsTheSameWay()
    {
        using var file = new AppSettingsFile(Settings("\"IncludeScopes\": true"));
        using var services = file.BuildServices(options => options.RedactedFields.Add(string.Empty));

        var failure = Assert.Catch<OptionsValidationException>(() => services.GetRequiredService<ILoggerFactory>());

        Assert.That(failure!.Message, Does.Contain("Logging:Durable:RedactedFields:0 is empty"));
    }

    [Test]
    public void ANameAddedToTheFileReachesLoggersAlreadyCreated()
    {
        using var file = new AppSettingsFile(Settings("\"RedactedFields\": [ \"password\" ]"));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reloaded");
        logger.LogInformation("{Token}", "before");

        file.Rewrite(Settings("\"RedactedFields\": [ \"password\", \"token\" ]"));
        file.Configuration.Reload();
        logger.LogInformation("{Token}", Secret);

        var records = file.Sink.JsonRecords();
        Assert.That(records.Select(record => JsonLine.String(record, "Token")), Is.EqualTo(Expected.Sequence("before", "[REDACTED]")));
    }

    [Test]
    public void AReloadThatEmptiesTheProvidersSectionTurnsOffTheConfiguredNamesButNotThoseSetInCode()
    {
        using var file = new AppSettingsFile(Settings("\"RedactedFields\": [ \"password\" ]"));
        using var services = file.BuildServices(options => options.RedactedFields.Add("token"));
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reloaded");
        logger.LogInformation("{Password} {Token}", Secret, Secret + "-token");

        file.Rewrite("""{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
        file.Configuration.Reload();
        logger.LogInformation("{Password} {Token}", Secret, Secret + "-token");

        var lines = file.Sink.Lines;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines[0], Does.Not.Contain(Secret), "both masked while the section lists the name");
            Assert.That(lines[1], Does.Contain(Secret + " [REDACTED]"), "after the reload the configured name is written as it is; the name set in code is still masked");
        }
    }

    private static string Settings(string durable) =>
        $$"""{ "Logging": { "LogLevel": { "Default": "Information" }, "Durable": { "Format": "Json", {{durable}} } } }""";
}
