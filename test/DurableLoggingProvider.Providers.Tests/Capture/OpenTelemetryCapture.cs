using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>
/// OpenTelemetry's logging provider, scopes on, exporting through its in-memory exporter into a collection that
/// reads each record as it arrives (the SDK reuses records, so nothing is kept of the record itself).
/// </summary>
internal sealed class OpenTelemetryCapture : IProviderCapture, ICollection<LogRecord>
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();

    public string ProviderAlias => "OpenTelemetry";

    public int Count => _lines.Count;

    public bool IsReadOnly => false;

    public void AddTo(ILoggingBuilder logging) => logging.AddOpenTelemetry(options =>
    {
        options.IncludeScopes = true;
        options.IncludeFormattedMessage = true;
        options.AddInMemoryExporter(this);
    });

    public IReadOnlyList<CapturedLine> Lines() => _lines.ToList();

    public void Add(LogRecord item)
    {
        var values = new Dictionary<string, string?>();
        item.ForEachScope(
            static (scope, values) =>
            {
                foreach (var (key, value) in scope)
                {
                    values[key] = ScopeText.Of(value);
                }
            },
            values);
        _lines.Enqueue(new CapturedLine(item.FormattedMessage ?? item.Body ?? string.Empty, values));
    }

    public void Clear() => _lines.Clear();

    public bool Contains(LogRecord item) => false;

    public void CopyTo(LogRecord[] array, int arrayIndex)
    {
    }

    public bool Remove(LogRecord item) => false;

    public IEnumerator<LogRecord> GetEnumerator() => Enumerable.Empty<LogRecord>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
    }
}
