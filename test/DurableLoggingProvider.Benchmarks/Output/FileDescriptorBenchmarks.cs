using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Output;

/// <summary>
/// The physical floor: ours writing its JSON line with the durable fields to a real file descriptor
/// (<c>/dev/null</c> opened unbuffered, so that every line is one <c>write</c> system call, through the
/// provider's standard output sink), against a bare write of the same bytes to the same descriptor: the
/// line rendered once beforehand, then only <c>Stream.Write</c>. The difference is everything ours does
/// besides the system call.
/// </summary>
[SteadyStateJob]
public class FileDescriptorBenchmarks
{
    private const string DevNull = "/dev/null";

    private AmbientDurableContext? _context;
    private FileStream? _devNull;
    private LoggerUnderTest? _ours;
    private byte[] _line = [];

    [GlobalSetup]
    public void Setup()
    {
        _context = WorkloadFields.Enter(isReplaying: false);
        _devNull = new FileStream(DevNull, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write, BufferSize = 0 });
        _line = RenderLine();
        var devNull = _devNull;
        _ours = LoggerUnderTest.Open("DurableLoggingProvider to /dev/null", _ => OursSetup.Build(new StandardOutputSink(devNull), DurableLogFormat.Json), durableFieldsAsScope: false);
    }

    [Benchmark(Baseline = true, Description = "DurableLoggingProvider to /dev/null")]
    public void Ours() => OrderLog.OrderCharged(_ours!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "bare write of the same bytes")]
    public void BareWrite() => _devNull!.Write(_line);

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours?.Dispose();
        _devNull?.Dispose();
        _context?.Dispose();
    }

    /// <summary>Renders the line ours writes, once, through the same setup into memory, and checks it.</summary>
    private static byte[] RenderLine()
    {
        var line = LoggerUnderTest.WriteOneLine(output => OursSetup.Build(output, DurableLogFormat.Json), durableFieldsAsScope: false, logger =>
            OrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency));
        LineCheck.RequireJson(Encoding.UTF8.GetString(line).TrimEnd('\n'), "DurableLoggingProvider");
        return line;
    }
}
