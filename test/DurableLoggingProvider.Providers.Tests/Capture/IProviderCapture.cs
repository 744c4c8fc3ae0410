using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>A real provider registered beside the durable one, and what it wrote, read back as it stores or prints it.</summary>
public interface IProviderCapture : IDisposable
{
    /// <summary>The provider's alias, as filter rules and <c>Logging:Durable:UngatedProviders</c> name it.</summary>
    string ProviderAlias { get; }

    void AddTo(ILoggingBuilder logging);

    /// <summary>Every line the provider wrote; read after the service provider holding it is disposed, which flushes it.</summary>
    IReadOnlyList<CapturedLine> Lines();
}
