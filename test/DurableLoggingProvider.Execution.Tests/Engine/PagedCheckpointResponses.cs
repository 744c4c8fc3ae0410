using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// Pages every checkpoint answer, as the service may: the answer itself carries no operation and a
/// <c>NextMarker</c>; the operations follow one per page from <c>GetDurableExecutionState</c>.
/// </summary>
internal sealed class PagedCheckpointResponses(IDurableServiceClient inner) : IDurableServiceClient
{
    private const string MarkerPrefix = "checkpoint-answer-";

    private readonly object _lock = new();
    private readonly Dictionary<string, ExecutionStatePage> _pages = [];
    private int _issued;
    private int _served;

    /// <summary>How many pages the answers offered.</summary>
    public int PagesIssued
    {
        get
        {
            lock (_lock)
            {
                return _issued;
            }
        }
    }

    /// <summary>How many of them the engine read.</summary>
    public int PagesServed
    {
        get
        {
            lock (_lock)
            {
                return _served;
            }
        }
    }

    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        var response = await inner.CheckpointAsync(request, cancellationToken).ConfigureAwait(false);
        var operations = response.NewExecutionState?.Operations ?? [];
        lock (_lock)
        {
            string? next = null;
            for (var i = operations.Count - 1; i >= 0; i--)
            {
                var marker = MarkerPrefix + (++_issued).ToString(CultureInfo.InvariantCulture);
                _pages[marker] = new ExecutionStatePage { Operations = [operations[i]], NextMarker = next };
                next = marker;
            }

            return new CheckpointResponse
            {
                CheckpointToken = response.CheckpointToken,
                NewExecutionState = new ExecutionStatePage { Operations = [], NextMarker = next },
            };
        }
    }

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (request.Marker is { } marker && _pages.Remove(marker, out var page))
            {
                _served++;
                return Task.FromResult(page);
            }
        }

        return inner.GetExecutionStateAsync(request, cancellationToken);
    }
}
