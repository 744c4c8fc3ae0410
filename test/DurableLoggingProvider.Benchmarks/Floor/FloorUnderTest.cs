using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Floor;

/// <summary>
/// A hand-written floor line as a benchmark measures it: its writer over a <see cref="DiscardingStream"/>,
/// opened only once a line written the same way was found to be ours' line, the timestamp aside.
/// </summary>
internal sealed class FloorUnderTest : IWriterUnderTest
{
    private readonly DiscardingStream _output = new();
    private readonly int _checkedLineLength;

    private FloorUnderTest(string name, int checkedLineLength)
    {
        Name = name;
        _checkedLineLength = checkedLineLength;
        Json = new HandWrittenJsonLine(_output);
        Text = new HandWrittenTextLine(_output);
    }

    public string Name { get; }

    public long Writes => _output.Writes;

    /// <summary>The JSON floor, writing to this floor's stream.</summary>
    public HandWrittenJsonLine Json { get; }

    /// <summary>The Text floor, writing to this floor's stream.</summary>
    public HandWrittenTextLine Text { get; }

    /// <summary>The floor of <paramref name="format"/>, checked against ours.</summary>
    public static FloorUnderTest OpenChecked(DurableLogFormat format)
    {
        var length = HandWrittenLines.RequireSameAsOurs(format, output =>
        {
            if (format == DurableLogFormat.Json)
            {
                new HandWrittenJsonLine(output).Write(OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
            }
            else
            {
                new HandWrittenTextLine(output).Write(OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
            }
        });
        return new FloorUnderTest($"hand-written {format} floor", length);
    }

    public void RequireIterationsWrote()
    {
        if (_output.Writes == 0)
        {
            throw SanityChecks.Failed($"{Name}: the iterations wrote nothing.");
        }

        if (_output.LastWriteLength != _checkedLineLength)
        {
            throw SanityChecks.Failed(
                $"{Name}: the iterations wrote lines of {_output.LastWriteLength} bytes, the checked line has {_checkedLineLength}.");
        }
    }
}
