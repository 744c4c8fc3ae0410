using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Correlation;

/// <summary>The correlation options bind from <c>Logging:Durable</c>, and a value that cannot work stops start-up with a message that says what to do.</summary>
[TestFixture]
[NonParallelizable]
public class CorrelationOptionsTests
{
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
    public void TheOptionsBindFromTheConfigurationFile()
    {
        using var file = new AppSettingsFile("""
            { "Logging": { "Durable": { "Format": "Json", "FieldNaming": "PascalCase", "PowertoolsFields": true, "Service": "orders", "IncludeActivityIds": false } } }
            """);
        using var services = file.BuildServices();

        var options = services.GetRequiredService<IOptionsMonitor<DurableLoggerOptions>>().CurrentValue;

        Assert.Multiple(() =>
        {
            Assert.That(options.FieldNaming, Is.EqualTo(FieldNaming.PascalCase));
            Assert.That(options.PowertoolsFields, Is.True);
            Assert.That(options.Service, Is.EqualTo("orders"));
            Assert.That(options.IncludeActivityIds, Is.False);
        });
    }

    [TestCase("PowertoolsFields", "\"yes\"")]
    [TestCase("IncludeActivityIds", "1")]
    public void ANonBooleanSwitchFailsNamingItsKeyAndTheAllowedValues(string option, string json)
    {
        using var file = new AppSettingsFile($$"""{ "Logging": { "Durable": { "{{option}}": {{json}} } } }""");
        using var services = file.BuildServices();

        var failure = Assert.Catch<OptionsValidationException>(() => services.GetRequiredService<ILoggerFactory>());

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Failures.Count(), Is.EqualTo(1));
            Assert.That(failure.Message, Does.Contain($"Logging:Durable:{option}").And.Contain("true, false"));
        });
    }

    [Test]
    public void AServiceWithoutPowertoolsFieldsFailsSayingWhatToSet()
    {
        using var file = new AppSettingsFile("""{ "Logging": { "Durable": { "Service": "orders" } } }""");
        using var services = file.BuildServices();

        var failure = Assert.Catch<OptionsValidationException>(() => services.GetRequiredService<ILoggerFactory>());

        Assert.That(failure!.Failures.Single(), Is.EqualTo(
            "Logging:Durable:Service is 'orders', but Logging:Durable:PowertoolsFields is false, so no line would carry it. " +
            "Set Logging:Durable:PowertoolsFields to true, or remove Logging:Durable:Service."));
    }

    [Test]
    public void AnEmptyServiceFailsSayingToLeaveItUnset()
    {
        using var logging = new TestLogging(options =>
        {
            options.PowertoolsFields = true;
            options.Service = "  ";
        });

        var failure = Assert.Catch<OptionsValidationException>(() => logging.Logger());

        Assert.That(failure!.Message, Does.Contain("Logging:Durable:Service is empty").And.Contain("POWERTOOLS_SERVICE_NAME"));
    }

    [Test]
    public void PascalCaseIsAnAllowedFieldNaming()
    {
        using var file = new AppSettingsFile("""{ "Logging": { "Durable": { "FieldNaming": "pascalcase" } } }""");
        using var services = file.BuildServices();

        Assert.That(services.GetRequiredService<IOptionsMonitor<DurableLoggerOptions>>().CurrentValue.FieldNaming, Is.EqualTo(FieldNaming.PascalCase));
    }
}
