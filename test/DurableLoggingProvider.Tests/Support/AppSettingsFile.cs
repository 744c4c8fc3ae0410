using System;
using System.IO;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// A real <c>appsettings.json</c> in its own temporary directory, loaded with reload on change, and
/// services that configure logging from its <c>Logging</c> section as an application would.
/// </summary>
internal sealed class AppSettingsFile : IDisposable
{
    private readonly string _directory;
    private readonly ConfigurationRoot _configuration;

    public AppSettingsFile(string json)
    {
        _directory = Path.Combine(Path.GetTempPath(), "durable-logging-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(FilePath, json);
        _configuration = (ConfigurationRoot)new ConfigurationBuilder()
            .AddJsonFile(FilePath, optional: false, reloadOnChange: true)
            .Build();
    }

    public string FilePath { get; }

    /// <summary>An <c>appsettings.json</c> that lets every level through and sets <c>Logging:Durable</c> to <paramref name="durable"/>, the section's members.</summary>
    public static string WithDurableSection(string durable) =>
        $$"""{ "Logging": { "LogLevel": { "Default": "Trace" }, "Durable": { {{durable}} } } }""";

    public IConfigurationRoot Configuration => _configuration;

    public RecordingLogSink Sink { get; } = new();

    /// <summary>
    /// Replaces the file's content in one step (write aside, then rename over it), so the file watcher
    /// never reads a half-written file.
    /// </summary>
    public void Rewrite(string json)
    {
        var staging = Path.Combine(_directory, $"staging-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(staging, json);
        File.Move(staging, FilePath, overwrite: true);
    }

    /// <summary>Services with logging configured from the file's <c>Logging</c> section and the durable provider, writing to <see cref="Sink"/>.</summary>
    public ServiceProvider BuildServices(Action<DurableLoggerOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILogSink>(Sink);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestLogging.Now));
        services.AddLogging(builder =>
        {
            builder.AddConfiguration(_configuration.GetSection("Logging"));
            builder.AddDurableLogging(configure);
        });
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _configuration.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the directory for a moment; the temp folder is cleaned eventually.
        }
    }
}
