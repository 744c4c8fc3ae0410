using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NLog.Config;
using NLog.Extensions.Logging;
using NLog.Layouts;
using NLog.Targets;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>NLog's provider writing to NLog's memory target as JSON lines, each with its message and scope properties.</summary>
internal sealed class NLogCapture : IProviderCapture
{
    private readonly MemoryTarget _target = new("memory")
    {
        Layout = new JsonLayout
        {
            Attributes = { new JsonAttribute("message", "${message}") },
            IncludeScopeProperties = true,
        },
    };

    public string ProviderAlias => "NLog";

    public void AddTo(ILoggingBuilder logging)
    {
        var configuration = new LoggingConfiguration();
        configuration.AddRuleForAllLevels(_target);
        logging.AddNLog(configuration);
    }

    public IReadOnlyList<CapturedLine> Lines() => _target.Logs.Select(Parse).ToList();

    public void Dispose() => _target.Dispose();

    private static CapturedLine Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var values = document.RootElement.EnumerateObject()
            .Where(property => property.Name != "message")
            .ToDictionary(property => property.Name, property => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText());
        return new CapturedLine(document.RootElement.GetProperty("message").GetString()!, values);
    }
}
