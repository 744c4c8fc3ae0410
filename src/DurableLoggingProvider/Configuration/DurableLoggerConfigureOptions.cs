using System;
using System.Globalization;
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

        if (Read(nameof(DurableLoggerOptions.IncludeScopes), out var includeScopes, out var key))
        {
            if (bool.TryParse(includeScopes, out var parsed))
            {
                options.IncludeScopes = parsed;
            }
            else
            {
                options.BindingProblems.Add($"{key} is '{includeScopes}', which is not a boolean. Allowed values: true, false.");
            }
        }

        if (Read(nameof(DurableLoggerOptions.MaxRecordBytes), out var maxRecordBytes, out key))
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
