using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>The <c>FakeLogger</c> provider of Microsoft.Extensions.Diagnostics.Testing, and its collector's records.</summary>
internal sealed class FakeLoggerCapture : IProviderCapture
{
    private readonly FakeLogCollector _collector = new();

    public string ProviderAlias => "Fake";

    public FakeLogCollector Collector => _collector;

    public void AddTo(ILoggingBuilder logging) => logging.AddProvider(new FakeLoggerProvider(_collector));

    public IReadOnlyList<CapturedLine> Lines() => _collector.GetSnapshot().Select(record => new CapturedLine(
        record.Message,
        record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>()
            .SelectMany(scope => scope)
            .GroupBy(pair => pair.Key)
            .ToDictionary(group => group.Key, group => ScopeText.Of(group.Last().Value)))).ToList();

    public void Dispose()
    {
    }
}
