using System;
using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Providers.Tests.Capture;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Providers.Tests.Gating;

/// <summary>
/// The logger factory's filter rules for each provider keep working behind the gate: by alias or full type name,
/// in configuration or code, by category prefix or wildcard, with filter delegates, and after a reload.
/// </summary>
[TestFixture]
[NonParallelizable]
public class FilterRuleTests
{
    [Test]
    public void ALevelUnderTheProvidersAliasInConfigurationAppliesToThatProviderOnly()
    {
        using var console = new JsonConsoleCapture();
        var fake = new FakeLoggerCapture();
        using (var services = Services(new() { ["Logging:Console:LogLevel:Default"] = "Warning" }, console, fake))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders");
            logger.LogInformation("information");
            logger.LogWarning("warning");
        }

        Assert.Multiple(() =>
        {
            Assert.That(console.Lines().Select(line => line.Message), Is.EqualTo(new[] { "warning" }));
            Assert.That(fake.Lines().Select(line => line.Message), Is.EqualTo(new[] { "information", "warning" }));
        });
    }

    [Test]
    public void ALevelUnderTheProvidersFullTypeNameInConfigurationApplies()
    {
        var fake = new FakeLoggerCapture();
        using var services = Services(new() { [$"Logging:{typeof(FakeLoggerProvider).FullName}:LogLevel:Default"] = "Error" }, fake);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders");
        logger.LogWarning("warning");
        logger.LogError("error");

        Assert.That(fake.Lines().Select(line => line.Message), Is.EqualTo(new[] { "error" }));
    }

    [Test]
    public void ACodeFilterOnTheProvidersTypeAppliesToItsCategoryAndBelow()
    {
        using var console = new JsonConsoleCapture();
        using (var services = Services([], logging => logging.AddFilter<ConsoleLoggerProvider>("Orders", LogLevel.Error), console))
        {
            var factory = services.GetRequiredService<ILoggerFactory>();
            factory.CreateLogger("Orders.Payments").LogWarning("filtered out");
            factory.CreateLogger("Orders.Payments").LogError("kept");
            factory.CreateLogger("Shipping").LogWarning("other category");
        }

        Assert.That(console.Lines().Select(line => line.Message), Is.EqualTo(new[] { "kept", "other category" }));
    }

    [Test]
    public void ACategoryWildcardAndTheLongestMatchChooseTheRuleAsTheLoggerFactoryDoes()
    {
        var fake = new FakeLoggerCapture();
        var rules = new Dictionary<string, string?>
        {
            ["Logging:Fake:LogLevel:Default"] = "Information",
            ["Logging:Fake:LogLevel:Orders.*.Client"] = "None",
            ["Logging:Fake:LogLevel:Orders.Payments.Audit"] = "Error",
            ["Logging:LogLevel:Shipping"] = "None",
        };
        using var services = Services(rules, fake);

        var factory = services.GetRequiredService<ILoggerFactory>();
        factory.CreateLogger("orders.payments.client").LogError("wildcard, ignoring case");
        factory.CreateLogger("Orders.Payments.Audit").LogWarning("longest match");
        factory.CreateLogger("Orders.Payments").LogInformation("default");
        factory.CreateLogger("Shipping").LogInformation("a general rule loses to the provider's own");

        Assert.That(fake.Lines().Select(line => line.Message), Is.EqualTo(new[] { "default", "a general rule loses to the provider's own" }));
    }

    [Test]
    public void AFilterDelegateIsAskedWithTheWrappedProvidersOwnTypeName()
    {
        var fake = new FakeLoggerCapture();
        var asked = new List<string?>();
        using var services = Services([], logging => logging.AddFilter((provider, category, level) =>
        {
            asked.Add(provider);
            return category != "Hidden";
        }), fake);

        var factory = services.GetRequiredService<ILoggerFactory>();
        factory.CreateLogger("Hidden").LogInformation("hidden");
        factory.CreateLogger("Shown").LogInformation("shown");

        Assert.Multiple(() =>
        {
            Assert.That(fake.Lines().Select(line => line.Message), Is.EqualTo(new[] { "shown" }));
            Assert.That(asked, Does.Contain(typeof(FakeLoggerProvider).FullName));
            Assert.That(asked, Has.None.StartsWith("DurableLoggingProvider.Gated"));
        });
    }

    [Test]
    public void AChangedLevelInReloadedConfigurationReachesLoggersAlreadyCreated()
    {
        var fake = new FakeLoggerCapture();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Fake:LogLevel:Default"] = "Information" }).Build();
        using var services = Services(configuration, _ => { }, fake);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders");
        logger.LogInformation("before the reload");

        configuration["Logging:Fake:LogLevel:Default"] = "Error";
        configuration.Reload();
        logger.LogInformation("after the reload");
        logger.LogError("an error after the reload");

        Assert.That(fake.Lines().Select(line => line.Message), Is.EqualTo(new[] { "before the reload", "an error after the reload" }));
    }

    [Test]
    public void IsEnabledAnswersWithTheProvidersOwnRule()
    {
        var fake = new FakeLoggerCapture();
        using var services = Services(new() { ["Logging:Fake:LogLevel:Default"] = "Warning", ["Logging:Durable:LogLevel:Default"] = "Warning" }, fake);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders");

        Assert.Multiple(() =>
        {
            Assert.That(logger.IsEnabled(LogLevel.Information), Is.False);
            Assert.That(logger.IsEnabled(LogLevel.Warning), Is.True);
        });
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, params IProviderCapture[] captures) =>
        Services(settings, _ => { }, captures);

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<ILoggingBuilder> more, params IProviderCapture[] captures) =>
        Services(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), more, captures);

    private static ServiceProvider Services(IConfiguration configuration, Action<ILoggingBuilder> more, params IProviderCapture[] captures)
    {
        var services = new ServiceCollection().AddSingleton<ILogSink>(new RecordingLogSink());
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.AddDurableLogging();
            foreach (var capture in captures)
            {
                capture.AddTo(logging);
            }

            more(logging);
        });
        return services.BuildServiceProvider();
    }
}
