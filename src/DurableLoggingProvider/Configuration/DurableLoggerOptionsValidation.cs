using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider;

/// <summary>Finds what is wrong with a set of options, each problem naming its configuration key and the allowed values.</summary>
internal static class DurableLoggerOptionsValidation
{
    /// <summary>
    /// The full configuration key of an option, as messages name it. The provider's section reaches the
    /// binder as a root of its own (keys like <c>Format</c>), so the path is spelled here.
    /// </summary>
    public static string Key(string option) => $"Logging:Durable:{option}";

    public static List<string> FindProblems(DurableLoggerOptions options)
    {
        var problems = new List<string>(options.BindingProblems);
        if (!Enum.IsDefined(options.Format))
        {
            problems.Add($"{Key(nameof(options.Format))} is {(int)options.Format}, which is not one of the allowed values: {string.Join(", ", Enum.GetNames<DurableLogFormat>())}.");
        }

        if (!Enum.IsDefined(options.ReplayMode))
        {
            problems.Add($"{Key(nameof(options.ReplayMode))} is {(int)options.ReplayMode}, which is not one of the allowed values: {string.Join(", ", Enum.GetNames<ReplayMode>())}.");
        }

        if (!Enum.IsDefined(options.FieldNaming))
        {
            problems.Add($"{Key(nameof(options.FieldNaming))} is {(int)options.FieldNaming}, which is not one of the allowed values: {string.Join(", ", Enum.GetNames<FieldNaming>())}.");
        }

        if (options.MaxRecordBytes is < DurableLoggerOptions.MinMaxRecordBytes or > DurableLoggerOptions.MaxMaxRecordBytes)
        {
            problems.Add(
                $"{Key(nameof(options.MaxRecordBytes))} is {options.MaxRecordBytes}, which is out of range. Allowed values: " +
                $"{DurableLoggerOptions.MinMaxRecordBytes} to {DurableLoggerOptions.MaxMaxRecordBytes} (bytes).");
        }

        for (var i = 0; i < options.RedactedFields.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.RedactedFields[i]))
            {
                problems.Add($"{Key(nameof(options.RedactedFields))}:{i} is empty. Allowed values: field names (for example password, token, authorization).");
            }
        }

        for (var i = 0; i < options.UngatedProviders.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.UngatedProviders[i]))
            {
                problems.Add($"{Key(nameof(options.UngatedProviders))}:{i} is empty. Allowed values: provider aliases or full type names (for example Console, Serilog.Extensions.Logging.SerilogLoggerProvider).");
            }
        }

        if (options.RedactionMask is null)
        {
            problems.Add($"{Key(nameof(options.RedactionMask))} is null. Allowed values: any text, for example {DurableLoggerOptions.DefaultRedactionMask}.");
        }

        LogBufferingConfiguration.FindProblems(options, problems);
        ExecutionSamplingConfiguration.FindProblems(options, problems);
        FindCorrelationProblems(options, problems);
        return problems;
    }

    private static void FindCorrelationProblems(DurableLoggerOptions options, List<string> problems)
    {
        if (options.Service is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Service))
        {
            problems.Add($"{Key(nameof(options.Service))} is empty. Allowed values: the service's name (for example orders), or leave it unset to use POWERTOOLS_SERVICE_NAME.");
        }
        else if (!options.PowertoolsFields)
        {
            problems.Add(
                $"{Key(nameof(options.Service))} is '{options.Service}', but {Key(nameof(options.PowertoolsFields))} is false, so no line would carry it. " +
                $"Set {Key(nameof(options.PowertoolsFields))} to true, or remove {Key(nameof(options.Service))}.");
        }
    }

    public static OptionsValidationException ToException(List<string> problems) =>
        new DurableLoggerOptionsValidationException(problems);
}
