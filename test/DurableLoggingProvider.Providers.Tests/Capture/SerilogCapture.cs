using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>Serilog's provider over a logger that writes to an in-memory sink; scope values arrive as event properties.</summary>
internal sealed class SerilogCapture : IProviderCapture
{
    private static readonly HashSet<string> s_ownProperties = ["SourceContext", "EventId"];

    private readonly InMemorySerilogSink _sink = new();

    public string ProviderAlias => "Serilog";

    public void AddTo(ILoggingBuilder logging)
    {
        var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger();
        logging.AddSerilog(logger, dispose: true);
    }

    public IReadOnlyList<CapturedLine> Lines() => _sink.Events.Select(logEvent => new CapturedLine(
        logEvent.RenderMessage(CultureInfo.InvariantCulture),
        logEvent.Properties
            .Where(property => !s_ownProperties.Contains(property.Key) && property.Value is ScalarValue)
            .ToDictionary(property => property.Key, property => ScopeText.Of(((ScalarValue)property.Value).Value)))).ToList();

    public void Dispose()
    {
    }
}
