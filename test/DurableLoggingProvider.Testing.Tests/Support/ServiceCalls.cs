using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing.Tests.Support;

/// <summary>Talks to the in-memory service the way the engine does, one checkpoint call at a time.</summary>
internal static class ServiceCalls
{
    public const string ExecutionArn =
        "arn:aws:lambda:us-east-1:123456789012:function:orders:1/durable-execution/order-7/1c2d3e4f-0000-4000-8000-000000000007";

    /// <summary>Where every service's clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="Start"/> in milliseconds since the Unix epoch, as the wire carries timestamps.</summary>
    public static readonly long StartMs = Start.ToUnixTimeMilliseconds();

    public static InMemoryDurableService NewService(InMemoryServiceOptions? options = null) => new(ExecutionArn, "\"input\"", Start, options);

    /// <summary>Sends one checkpoint call with the service's current token.</summary>
    public static Task<CheckpointResponse> CheckpointAsync(this InMemoryDurableService service, params OperationUpdate[] updates) =>
        service.CheckpointAsync(service.CheckpointToken, updates);

    /// <summary>Sends one checkpoint call with the given token.</summary>
    public static Task<CheckpointResponse> CheckpointAsync(this InMemoryDurableService service, string token, params OperationUpdate[] updates) =>
        service.CheckpointAsync(
            new CheckpointRequest { DurableExecutionArn = service.ExecutionArn, CheckpointToken = token, Updates = [.. updates] },
            CancellationToken.None);

    /// <summary>The service's operation with this id.</summary>
    public static Operation Operation(this InMemoryDurableService service, string id) => service.Operations.Single(operation => operation.Id == id);

    /// <summary>The ids the next invocation's input lists as updated (empty when it lists none).</summary>
    public static string[] UpdatedOperationIds(this InMemoryDurableService service) => [.. service.NextInvocationInput().UpdatedOperationIds ?? []];

    /// <summary>Milliseconds after <see cref="Start"/>.</summary>
    public static long At(TimeSpan sinceStart) => StartMs + (long)sinceStart.TotalMilliseconds;
}
