using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Defines log messages as <see cref="LoggerMessage.Define{T1, T2, T3}(LogLevel, EventId, string)"/> does, for
/// lines whose values are value types (a <see cref="decimal"/> amount, an <see cref="int"/> count): an opt-in,
/// for the hottest call sites. MEL's own template states hand every value over as an <see cref="object"/>, so
/// each value of a value type costs a new box on every line (32 bytes for a <see cref="decimal"/>); the
/// messages defined here keep the values' own types, and this provider writes them without a new box. Other
/// providers see the same names, values, template and message as through <see cref="LoggerMessage"/>, and
/// this provider writes the same line, byte for byte.
/// </summary>
/// <remarks>
/// The values whose boxes are reused are the numbers, <see cref="bool"/>, <see cref="char"/>,
/// <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/> and <see cref="Guid"/>; any
/// other value type (an enum, a nullable, a struct of your own) is boxed as MEL boxes it.
/// </remarks>
public static class DurableLogMessage
{
    /// <summary>Defines a message of one value.</summary>
    /// <typeparam name="T0">The type of the value.</typeparam>
    /// <param name="logLevel">The level of the lines.</param>
    /// <param name="eventId">The event id of the lines.</param>
    /// <param name="formatString">The message template, with one placeholder.</param>
    /// <returns>A delegate that writes one line, if the logger's level lets it through.</returns>
    /// <exception cref="ArgumentException">The template cannot be rendered or has another number of placeholders.</exception>
    public static Action<ILogger, T0, Exception?> Define<T0>(LogLevel logLevel, EventId eventId, string formatString)
    {
        var template = TypedTemplate.Parse(formatString, 1);
        return (logger, value0, exception) =>
        {
            if (logger.IsEnabled(logLevel))
            {
                logger.Log(logLevel, eventId, new TypedLogValues<T0>(template, value0), exception, TypedLogValues<T0>.Callback);
            }
        };
    }

    /// <summary>Defines a message of two values.</summary>
    /// <typeparam name="T0">The type of the first value.</typeparam>
    /// <typeparam name="T1">The type of the second value.</typeparam>
    /// <param name="logLevel">The level of the lines.</param>
    /// <param name="eventId">The event id of the lines.</param>
    /// <param name="formatString">The message template, with two placeholders.</param>
    /// <returns>A delegate that writes one line, if the logger's level lets it through.</returns>
    /// <exception cref="ArgumentException">The template cannot be rendered or has another number of placeholders.</exception>
    public static Action<ILogger, T0, T1, Exception?> Define<T0, T1>(LogLevel logLevel, EventId eventId, string formatString)
    {
        var template = TypedTemplate.Parse(formatString, 2);
        return (logger, value0, value1, exception) =>
        {
            if (logger.IsEnabled(logLevel))
            {
                logger.Log(logLevel, eventId, new TypedLogValues<T0, T1>(template, value0, value1), exception, TypedLogValues<T0, T1>.Callback);
            }
        };
    }

    /// <summary>Defines a message of three values.</summary>
    /// <typeparam name="T0">The type of the first value.</typeparam>
    /// <typeparam name="T1">The type of the second value.</typeparam>
    /// <typeparam name="T2">The type of the third value.</typeparam>
    /// <param name="logLevel">The level of the lines.</param>
    /// <param name="eventId">The event id of the lines.</param>
    /// <param name="formatString">The message template, with three placeholders.</param>
    /// <returns>A delegate that writes one line, if the logger's level lets it through.</returns>
    /// <exception cref="ArgumentException">The template cannot be rendered or has another number of placeholders.</exception>
    public static Action<ILogger, T0, T1, T2, Exception?> Define<T0, T1, T2>(LogLevel logLevel, EventId eventId, string formatString)
    {
        var template = TypedTemplate.Parse(formatString, 3);
        return (logger, value0, value1, value2, exception) =>
        {
            if (logger.IsEnabled(logLevel))
            {
                logger.Log(
                    logLevel, eventId, new TypedLogValues<T0, T1, T2>(template, value0, value1, value2), exception, TypedLogValues<T0, T1, T2>.Callback);
            }
        };
    }
}
