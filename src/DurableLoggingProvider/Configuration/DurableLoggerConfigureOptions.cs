using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Configuration;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider;

/// <summary>
/// Binds <see cref="DurableLoggerOptions"/> from the provider's configuration section
/// (<c>Logging:Durable</c>), by hand so that trimming keeps working. A value no property can take is
/// recorded, with its key and the allowed values, for the provider to report; binding itself never
/// throws, so a bad edit to a reloaded file cannot take the process down.
/// </summary>
internal sealed class DurableLoggerConfigureOptions : IConfigureOptions<DurableLoggerOptions>
{
    private readonly IConfiguration _section;

    public DurableLoggerConfigureOptions(ILoggerProviderConfiguration<DurableLoggerProvider> providerConfiguration)
    {
        _section = providerConfiguration.Configuration;
    }

    public void Configure(DurableLoggerOptions options)
    {
        BindEnum<DurableLogFormat>(nameof(DurableLoggerOptions.Format), value => options.Format = value, options);
        BindEnum<ReplayMode>(nameof(DurableLoggerOptions.ReplayMode), value => options.ReplayMode = value, options);
        BindEnum<FieldNaming>(nameof(DurableLoggerOptions.FieldNaming), value => options.FieldNaming = value, options);

        BindBoolean(nameof(DurableLoggerOptions.IncludeScopes), value => options.IncludeScopes = value, options);
        if (Read(nameof(DurableLoggerOptions.MaxRecordBytes), out var maxRecordBytes, out var key))
        {
            if (int.TryParse(maxRecordBytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                options.MaxRecordBytes = parsed;
            }
            else
            {
                options.BindingProblems.Add(
                    $"{key} is '{maxRecordBytes}', which is not a whole number. Allowed values: " +
                    $"{DurableLoggerOptions.MinMaxRecordBytes} to {DurableLoggerOptions.MaxMaxRecordBytes} (bytes).");
            }
        }

        BindNames(nameof(DurableLoggerOptions.RedactedFields), options.RedactedFields, "field names", options);
        BindNames(nameof(DurableLoggerOptions.UngatedProviders), options.UngatedProviders, "provider aliases or full type names", options);
        if (Read(nameof(DurableLoggerOptions.RedactionMask), out var mask, out _))
        {
            options.RedactionMask = mask;
        }

        LogBufferingConfiguration.Bind(_section, options);
        ExecutionSamplingConfiguration.Bind(_section, options);

        BindBoolean(nameof(DurableLoggerOptions.IncludeActivityIds), value => options.IncludeActivityIds = value, options);
        BindBoolean(nameof(DurableLoggerOptions.PowertoolsFields), value => options.PowertoolsFields = value, options);
        if (Read(nameof(DurableLoggerOptions.Service), out var service, out _))
        {
            options.Service = service;
        }
    }

    private void BindBoolean(string name, Action<bool> assign, DurableLoggerOptions options)
    {
        if (!Read(name, out var text, out var key))
        {
            return;
        }

        if (bool.TryParse(text, out var parsed))
        {
            assign(parsed);
        }
        else
        {
            options.BindingProblems.Add($"{key} is '{text}', which is not a boolean. Allowed values: true, false.");
        }
    }

    /// <summary>
    /// Reads a list of names (<c>RedactedFields</c>, <c>UngatedProviders</c>) as an array (<c>RedactedFields:0</c>, <c>RedactedFields:1</c>…, which is what
    /// a JSON array binds to), or as one comma-separated value, which is easier to set in an environment
    /// variable. An empty name is kept, for validation to report with its key.
    /// </summary>
    private void BindNames(string name, IList<string> names, string allowed, DurableLoggerOptions options)
    {
        var section = _section.GetSection(name);
        if (section.Value is { } list)
        {
            foreach (var entry in list.Split(','))
            {
                names.Add(entry.Trim());
            }

            return;
        }

        foreach (var entry in section.GetChildren())
        {
            if (entry.Value is null && entry.GetChildren().Any())
            {
                options.BindingProblems.Add($"{DurableLoggerOptionsValidation.Key(name)}:{entry.Key} is not a name but a section. Allowed values: {allowed}.");
            }
            else
            {
                // A JSON "" arrives as no value at all: an empty name, for validation to report.
                names.Add(entry.Value?.Trim() ?? string.Empty);
            }
        }
    }

    private void BindEnum<TEnum>(string name, Action<TEnum> assign, DurableLoggerOptions options)
        where TEnum : struct, Enum
    {
        if (!Read(name, out var text, out var key))
        {
            return;
        }

        // One name only: a number would bind to values the enum does not define, and a comma-separated
        // list would bind to the bitwise OR of its names ("Auto, Json" is Json).
        var trimmed = text.AsSpan().Trim();
        if (!trimmed.ContainsAnyInRange('0', '9') && !trimmed.Contains(',') && Enum.TryParse<TEnum>(trimmed, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            assign(value);
        }
        else
        {
            options.BindingProblems.Add($"{key} is '{text}', which is not one of the allowed values: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private bool Read(string name, out string value, out string key)
    {
        var entry = _section.GetSection(name);
        key = DurableLoggerOptionsValidation.Key(name);
        value = entry.Value ?? string.Empty;
        return entry.Value is not null;
    }
}
