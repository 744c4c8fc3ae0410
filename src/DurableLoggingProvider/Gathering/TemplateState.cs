using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Whether <typeparamref name="TState"/> is one of <c>Microsoft.Extensions.Logging</c>'s own template
/// states: <c>FormattedLogValues</c> (the <c>LogInformation</c> extension methods) or a
/// <c>LoggerMessage.LogValues</c> (<c>LoggerMessage.Define</c> and the <c>[LoggerMessage]</c> generator). Both
/// are internal to MEL, so their formatter is always MEL's own, whose rendering <see cref="MessageBuilder"/>
/// reproduces; or the state of a <see cref="DurableLogMessage"/>, which renders as they do. Settled once per type.
/// </summary>
internal static class TemplateState<TState>
{
    public static readonly bool IsMicrosoftTemplateState = Check();

    /// <summary>
    /// Whether <typeparamref name="TState"/> is the <c>LoggerMessageState</c> of
    /// <c>Microsoft.Extensions.Telemetry.Abstractions</c>, the state of the <c>[LoggerMessage]</c> generator
    /// that package puts in place of MEL's (it comes with <c>Microsoft.Extensions.Diagnostics.Testing</c>,
    /// among others). That generator stores the template at index 0 and the placeholders' values after it
    /// in reverse order; read as they are, they would be written last placeholder first.
    /// </summary>
    public static readonly bool IsReversedTagState =
        typeof(TState).FullName == "Microsoft.Extensions.Logging.LoggerMessageState"
        && typeof(TState).Assembly.GetName().Name == "Microsoft.Extensions.Telemetry.Abstractions";

    private static bool Check()
    {
        var type = typeof(TState);
        if (typeof(ITypedTemplateValues).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.Assembly != typeof(ILogger).Assembly || type.Namespace != typeof(ILogger).Namespace)
        {
            return false;
        }

        return type.Name == "FormattedLogValues"
            || (type.DeclaringType == typeof(LoggerMessage) && type.Name.StartsWith("LogValues", System.StringComparison.Ordinal));
    }
}
