using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// A provider that keeps its own scopes (it is no <see cref="ISupportExternalScope"/>), whose loggers are
/// <see cref="FakeLogger"/>s. <see cref="FakeLoggerProvider"/> always reads the factory's shared scopes, so it
/// cannot stand for the providers that take each scope through their logger's <c>BeginScope</c>.
/// </summary>
internal sealed class ProviderWithoutSharedScopes(FakeLogCollector collector) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new FakeLogger(collector, categoryName);

    public void Dispose()
    {
    }
}
