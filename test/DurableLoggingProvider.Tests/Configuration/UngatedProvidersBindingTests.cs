using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Configuration;

/// <summary><c>Logging:Durable:UngatedProviders</c> bound from a real appsettings.json: an array or one comma-separated value, checked at start-up.</summary>
[TestFixture]
[NonParallelizable]
public class UngatedProvidersBindingTests
{
    [TestCase("[ \"Console\", \"Serilog.Extensions.Logging.SerilogLoggerProvider\" ]")]
    [TestCase("\"Console, Serilog.Extensions.Logging.SerilogLoggerProvider\"")]
    public void UngatedProvidersBindFromAnArrayOrACommaSeparatedValue(string json)
    {
        using var file = new AppSettingsFile($"{{ \"Logging\": {{ \"Durable\": {{ \"UngatedProviders\": {json} }} }} }}");
        using var services = file.BuildServices();

        var bound = services.GetRequiredService<IOptionsMonitor<DurableLoggerOptions>>().CurrentValue.UngatedProviders;

        Assert.That(bound, Is.EqualTo(Expected.Sequence("Console", "Serilog.Extensions.Logging.SerilogLoggerProvider")));
    }

    [Test]
    public void AnEmptyNameFailsAtStartUpNamingItsKey()
    {
        using var file = new AppSettingsFile("{ \"Logging\": { \"Durable\": { \"UngatedProviders\": [ \"Console\", \" \" ] } } }");
        using var services = file.BuildServices();

        Assert.That(
            () => services.GetRequiredService<ILoggerFactory>(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Logging:Durable:UngatedProviders:1 is empty. Allowed values: provider aliases or full type names"));
    }
}
