using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Debug sampling per durable execution (<c>Logging:Durable:Sampling</c>): a share of executions, chosen from the
/// execution's ARN, writes its lines below <see cref="SampledBelow"/>; the others do not. The choice is the same in
/// every invocation of an execution and in every process, so an execution is sampled in all its invocations or in
/// none. Lines written because of it carry <c>"sampled": true</c>. Off by default.
/// </summary>
public sealed class ExecutionSamplingOptions
{
    /// <summary>
    /// The share of executions sampled, from 0 (none: sampling off) to 1 (every one) (<c>Rate</c>). Default 0.
    /// </summary>
    public double Rate { get; set; }

    /// <summary>
    /// Lines below this level are written only in sampled executions (<c>SampledBelow</c>). Default
    /// <see cref="LogLevel.Information"/>: Trace and Debug lines. The level rules must let them reach the provider
    /// (<c>Logging:Durable:LogLevel:Default</c> at <c>Debug</c>, say).
    /// </summary>
    public LogLevel SampledBelow { get; set; } = LogLevel.Information;
}
