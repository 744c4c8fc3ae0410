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
