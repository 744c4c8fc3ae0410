using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace DurableLoggingProvider;

/// <summary>Binds <see cref="LogBufferingOptions"/> from <c>Logging:Durable:Buffering</c> and says what is wrong with them.</summary>
internal static class LogBufferingConfiguration
{
    public const string Section = "Buffering";

    private static readonly string s_maxBytesRange = $"{LogBufferingOptions.MinMaxBytes} to {LogBufferingOptions.MaxMaxBytes} (bytes)";

    public static void Bind(IConfiguration providerSection, DurableLoggerOptions options)
    {
        var buffering = options.Buffering;
        var reader = new SubsectionReader(providerSection, Section, options.BindingProblems);
        reader.Bool(nameof(LogBufferingOptions.Enabled), value => buffering.Enabled = value);
        reader.Level(nameof(LogBufferingOptions.HoldBelow), value => buffering.HoldBelow = value);
        reader.Level(nameof(LogBufferingOptions.FlushAt), value => buffering.FlushAt = value);
        reader.Int(nameof(LogBufferingOptions.MaxBytes), s_maxBytesRange, value => buffering.MaxBytes = value);
    }

    public static void FindProblems(DurableLoggerOptions options, List<string> problems)
    {
        var buffering = options.Buffering;
        SubsectionReader.CheckLevel(Key(nameof(LogBufferingOptions.HoldBelow)), buffering.HoldBelow, problems);
        SubsectionReader.CheckLevel(Key(nameof(LogBufferingOptions.FlushAt)), buffering.FlushAt, problems);
        if (buffering.MaxBytes is < LogBufferingOptions.MinMaxBytes or > LogBufferingOptions.MaxMaxBytes)
        {
            problems.Add($"{Key(nameof(LogBufferingOptions.MaxBytes))} is {buffering.MaxBytes}, which is out of range. Allowed values: {s_maxBytesRange}.");
        }

        if (buffering.Enabled && Enum.IsDefined(buffering.HoldBelow) && Enum.IsDefined(buffering.FlushAt) && buffering.FlushAt < buffering.HoldBelow)
        {
            problems.Add(
                $"{Key(nameof(LogBufferingOptions.FlushAt))} is {buffering.FlushAt}, below {Key(nameof(LogBufferingOptions.HoldBelow))} ({buffering.HoldBelow}), " +
                "so a held line would flush itself. Allowed values: a level at or above HoldBelow.");
        }
    }

    private static string Key(string option) => DurableLoggerOptionsValidation.Key($"{Section}:{option}");
}
