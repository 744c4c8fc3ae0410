using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Reads the values of one subsection of <c>Logging:Durable</c> (<c>Buffering</c>, <c>Sampling</c>) by hand, as the
/// provider's own binding does: a value no property can take is recorded with its key and the allowed values.
/// </summary>
internal readonly struct SubsectionReader
{
    /// <summary>The levels a buffering or sampling option takes.</summary>
    public const string LevelNames = "Trace, Debug, Information, Warning, Error, Critical";

    private readonly IConfiguration _section;
    private readonly string _name;
    private readonly List<string> _problems;

    public SubsectionReader(IConfiguration providerSection, string name, List<string> problems)
    {
        _section = providerSection.GetSection(name);
        _name = name;
        _problems = problems;
    }

    public string Key(string option) => DurableLoggerOptionsValidation.Key($"{_name}:{option}");

    /// <summary>Records a problem when <paramref name="level"/>, the value of <paramref name="key"/>, is not a level such an option takes.</summary>
    public static void CheckLevel(string key, LogLevel level, List<string> problems)
    {
        if (!Enum.IsDefined(level) || level == LogLevel.None)
        {
            problems.Add($"{key} is {(int)level}, which is not one of the allowed values: {LevelNames}.");
        }
    }

    public void Bool(string option, Action<bool> assign)
    {
        if (Read(option) is { } text)
        {
            if (bool.TryParse(text, out var value))
            {
                assign(value);
            }
            else
            {
                _problems.Add($"{Key(option)} is '{text}', which is not a boolean. Allowed values: true, false.");
            }
        }
    }

    public void Level(string option, Action<LogLevel> assign)
    {
        if (Read(option) is { } text)
        {
            var trimmed = text.AsSpan().Trim();
            if (!trimmed.ContainsAnyInRange('0', '9') && !trimmed.Contains(',') && Enum.TryParse<LogLevel>(trimmed, ignoreCase: true, out var value) && Enum.IsDefined(value) && value != LogLevel.None)
            {
                assign(value);
            }
            else
            {
                _problems.Add($"{Key(option)} is '{text}', which is not one of the allowed values: {SubsectionReader.LevelNames}.");
            }
        }
    }

    public void Int(string option, string allowed, Action<int> assign)
    {
        if (Read(option) is { } text)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                assign(value);
            }
            else
            {
                _problems.Add($"{Key(option)} is '{text}', which is not a whole number. Allowed values: {allowed}.");
            }
        }
    }

    public void Double(string option, string allowed, Action<double> assign)
    {
        if (Read(option) is { } text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                assign(value);
            }
            else
            {
                _problems.Add($"{Key(option)} is '{text}', which is not a number. Allowed values: {allowed}.");
            }
        }
    }

    private string? Read(string option) => _section.GetSection(option).Value;
}
