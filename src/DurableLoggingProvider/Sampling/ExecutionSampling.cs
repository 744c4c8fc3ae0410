using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Sampling as the hot path applies it: an execution is sampled when its ARN's stable hash falls below the rate, so
/// the answer is the same in every invocation and process. The last execution's answer is kept, so lines of one
/// execution hash its ARN once.
/// </summary>
internal sealed class ExecutionSampling
{
    private readonly double _rate;
    private volatile Decision? _last;

    private ExecutionSampling(ExecutionSamplingOptions options, FieldNaming naming)
    {
        _rate = options.Rate;
        SampledBelow = options.SampledBelow;
        SampledField = ProviderMarks.Sampled(naming);
    }

    /// <summary>Lines below this level are written only in sampled executions.</summary>
    public LogLevel SampledBelow { get; }

    /// <summary>The name of the field that marks a line written because its execution is sampled.</summary>
    public string SampledField { get; }

    /// <summary>The sampling for these options, or <see langword="null"/> when the rate is 0 (off).</summary>
    public static ExecutionSampling? From(DurableLoggerOptions options) =>
        options.Sampling.Rate > 0 ? new ExecutionSampling(options.Sampling, options.FieldNaming) : null;

    /// <summary>Whether the execution of <paramref name="frame"/> is sampled; outside durable code nothing is.</summary>
    public bool IsSampled(AmbientFrame? frame)
    {
        if (frame?.Context?.ExecutionArn is not { } arn)
        {
            return false;
        }

        var last = _last;
        if (last is not null && ReferenceEquals(last.Arn, arn))
        {
            return last.Sampled;
        }

        var sampled = ArnHash.Fraction(arn) < _rate;
        _last = new Decision(arn, sampled);
        return sampled;
    }

    /// <summary>Whether a line of this level is written in <paramref name="frame"/>'s execution.</summary>
    public bool Admits(LogLevel level, AmbientFrame? frame) => level >= SampledBelow || IsSampled(frame);

    private sealed record Decision(string Arn, bool Sampled);
}
