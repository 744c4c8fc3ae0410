using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace DurableLoggingProvider;

/// <summary>Binds <see cref="ExecutionSamplingOptions"/> from <c>Logging:Durable:Sampling</c> and says what is wrong with them.</summary>
internal static class ExecutionSamplingConfiguration
{
    public const string Section = "Sampling";

    private const string RateRange = "0 to 1 (the share of executions sampled; 0 is off)";

    public static void Bind(IConfiguration providerSection, DurableLoggerOptions options)
    {
        var sampling = options.Sampling;
        var reader = new SubsectionReader(providerSection, Section, options.BindingProblems);
        reader.Double(nameof(ExecutionSamplingOptions.Rate), RateRange, value => sampling.Rate = value);
        reader.Level(nameof(ExecutionSamplingOptions.SampledBelow), value => sampling.SampledBelow = value);
    }

    public static void FindProblems(DurableLoggerOptions options, List<string> problems)
    {
        var sampling = options.Sampling;
        if (double.IsNaN(sampling.Rate) || sampling.Rate is < 0 or > 1)
        {
            problems.Add($"{Key(nameof(ExecutionSamplingOptions.Rate))} is {sampling.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}, which is out of range. Allowed values: {RateRange}.");
        }

        SubsectionReader.CheckLevel(Key(nameof(ExecutionSamplingOptions.SampledBelow)), sampling.SampledBelow, problems);
    }

    private static string Key(string option) => DurableLoggerOptionsValidation.Key($"{Section}:{option}");
}
