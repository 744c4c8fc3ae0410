using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// The promise when the caller's own objects fail while a record is rendered (a value's <c>ToString</c>,
/// a scope's enumerator, a custom message formatter): the line is still written, whole, with the failure
/// marked, and the next record is unaffected. <see cref="Formatting.HostileValueTests"/> checks each case
/// once; here they are mixed over many records, as they would come in a running function.
/// </summary>
[TestFixture]
public class RenderingFaultTests
{
    private const int Records = 1_200;

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void EveryRecordWhoseValuesScopesOrFormatterThrowIsStillWrittenWithTheFailureMarked(DurableLogFormat format)
    {
        using var capture = new LineCapture(format);
        var logger = capture.Logger();

        for (var number = 1; number <= Records; number++)
        {
            LogWithFault(logger, number);
        }

        var lines = capture.Lines();
        var unmarked = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var line = lines[i];
            var eventId = format == DurableLogFormat.Json
                ? JsonLine.Parse(line).GetProperty("eventId").GetInt32()
                : int.Parse(line[(line.IndexOf(" eventId=", StringComparison.Ordinal) + 9)..].Split(' ')[0], CultureInfo.InvariantCulture);
            if (eventId != number || !line.Contains(Marker(number), StringComparison.Ordinal))
            {
                unmarked.Add(line);
            }
        }

        TestContext.Out.WriteLine($"{format}: {Records} records with a failing value, scope or formatter; {lines.Count} lines written; {unmarked.Count} without their marker");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(Records), "one line per record");
            Assert.That(unmarked, Is.Empty, "each line is its own record, with its failure marked");
        }
    }

    /// <summary>The name of the exception the record's failing object throws: its marker names it.</summary>
    private static string Marker(int number) => (number % 4) switch
    {
        0 => nameof(FormatException),
        1 => nameof(InvalidOperationException),
        2 => nameof(NotSupportedException),
        _ => nameof(ArgumentException),
    };

    private static void LogWithFault(ILogger logger, int number)
    {
        var eventId = new EventId(number);
        switch (number % 4)
        {
            case 0:
                // A custom formatter that throws.
                logger.Log(LogLevel.Information, eventId, new List<KeyValuePair<string, object?>> { new("Number", number) }, null, (_, _) => throw new FormatException("bad format"));
                break;
            case 1:
                // A template value whose ToString throws (the JSON value and the message both mark it).
                logger.LogInformation(eventId, "Value {Value}", new Throwing<InvalidOperationException>());
                break;
            case 2:
                using (logger.BeginScope(new ThrowingScope()))
                {
                    logger.LogInformation(eventId, "Scoped");
                }

                break;
            default:
                // A scope value whose ToString throws.
                using (logger.BeginScope(new Dictionary<string, object?> { ["Value"] = new Throwing<ArgumentException>() }))
                {
                    logger.LogInformation(eventId, "Scoped value");
                }

                break;
        }
    }

    private sealed class Throwing<TException>
        where TException : Exception, new()
    {
        public override string ToString() => throw new TException();
    }

    private sealed class ThrowingScope : IEnumerable<KeyValuePair<string, object?>>
    {
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return new("BeforeFailure", 1);
            throw new NotSupportedException("scope cannot be read");
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
