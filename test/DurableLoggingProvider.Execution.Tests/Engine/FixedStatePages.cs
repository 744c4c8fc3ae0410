using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>A service that serves fixed pages of state by marker and accepts no checkpoint; it counts every call.</summary>
internal sealed class FixedStatePages(IReadOnlyDictionary<string, ExecutionStatePage> pages) : IDurableServiceClient
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw new InvalidOperationException("This service accepts no checkpoint.");
    }

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return request.Marker is { } marker && pages.TryGetValue(marker, out var page)
            ? Task.FromResult(page)
            : throw new InvalidOperationException($"No page has the marker '{request.Marker}'.");
    }
}
