using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Floor;

/// <summary>
/// What the hand-written floor lines share, and their check: a floor line must be ours, byte for byte, once
/// both timestamps are blanked, or the floor would measure other work.
/// </summary>
internal static partial class HandWrittenLines
{
    /// <summary>The category ours writes: the full name of the type the injected logger is for.</summary>
    public static readonly string Category = typeof(OrderWorkflow).FullName!;

    /// <summary>The event name the <c>[LoggerMessage]</c> generator gives the call site: its method's name.</summary>
    public const string EventName = nameof(OrderLog.OrderCharged);

    /// <summary>Requires the floor's line to be ours' line, the timestamps aside; returns its length.</summary>
    /// <param name="format">The format both lines are in.</param>
    /// <param name="writeFloor">Writes the floor's line to the given stream.</param>
    public static int RequireSameAsOurs(DurableLogFormat format, Action<Stream> writeFloor)
    {
        var ours = Encoding.UTF8.GetString(LoggerUnderTest.WriteOneLine(output => OursSetup.Build(output, format), durableFieldsAsScope: false, logger =>
            OrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency)));
        using var memory = new MemoryStream();
        writeFloor(memory);
        var floor = Encoding.UTF8.GetString(memory.ToArray());
        if (Timestamp().Replace(floor, "<timestamp>") != Timestamp().Replace(ours, "<timestamp>"))
        {
            throw SanityChecks.Failed($"The hand-written {format} floor is not ours' line:{Environment.NewLine}  floor: {floor}  ours:  {ours}");
        }

        return memory.ToArray().Length;
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")]
    private static partial Regex Timestamp();
}
