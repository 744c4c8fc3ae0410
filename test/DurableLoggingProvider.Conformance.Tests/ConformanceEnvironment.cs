using System;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Proxy;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests;

/// <summary>
/// Once for the whole suite: installs AWS's npm packages if they are missing (a failure here fails every
/// test, with the reason), and at the end stops the node processes the workflows shared.
/// </summary>
[SetUpFixture]
public sealed class ConformanceEnvironment
{
    [OneTimeSetUp]
    public async Task InstallTheCheckpointServer()
    {
        // npm ci on a fresh clone downloads the pinned packages: minutes at most.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await NodeTooling.EnsureInstalledAsync(timeout.Token);
    }

    [OneTimeTearDown]
    public Task StopTheCheckpointServers() => NodeProxy.StopAllAsync();
}
