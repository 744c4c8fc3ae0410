using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Prints an invocation the way a CloudWatch log stream holds it: Lambda's <c>START</c> line, every line
/// the invocation wrote, then <c>END</c> and <c>REPORT</c> (lambda-log-output.md, "Platform lines").
/// </summary>
internal sealed class PlatformLinePrinter
{
    private const double BytesPerMB = 1024 * 1024;

    private readonly TextWriter _output;
    private readonly string _version;
    private readonly int _memorySizeMB;

    public PlatformLinePrinter(TextWriter output, string version, int memorySizeMB)
    {
        _output = output;
        _version = version;
        _memorySizeMB = memorySizeMB;
    }

    /// <summary>
    /// A printer to <see cref="LocalRunnerOptions.Output"/>, or <see langword="null"/> when none is set. The
    /// version and memory size are the function's own when the Lambda environment variables give them.
    /// </summary>
    public static PlatformLinePrinter? For(LocalRunnerOptions options)
    {
        if (options.Output is not { } output)
        {
            return null;
        }

        var function = LambdaFunctionIdentity.FromEnvironment();
        return new PlatformLinePrinter(output, function.FunctionVersion ?? "$LATEST", function.MemorySizeMB ?? options.MemorySizeMB);
    }

    /// <summary>
    /// Prints the lines written before the first invocation (the host's and the application's start-up), where a
    /// log stream holds a function's init-phase lines: before the first <c>START</c>.
    /// </summary>
    public void Startup(IReadOnlyList<RecordedLine> lines)
    {
        foreach (var line in lines)
        {
            _output.WriteLine(line.Line);
        }

        _output.Flush();
    }

    /// <summary>Prints the line Lambda writes as an invocation begins.</summary>
    public void Start(string requestId)
    {
        _output.WriteLine($"START RequestId: {requestId} Version: {_version}");
        _output.Flush();
    }

    /// <summary>Prints the invocation's lines, then the lines Lambda writes as it ends.</summary>
    public void Finish(InvocationRecord invocation)
    {
        foreach (var line in invocation.Lines)
        {
            _output.WriteLine(line);
        }

        _output.WriteLine($"END RequestId: {invocation.RequestId}");
        _output.WriteLine(Report(invocation, _memorySizeMB, MaxMemoryUsedMB()));
        _output.Flush();
    }

    /// <summary>The <c>REPORT</c> line: every field ends with a tab, <c>Init Duration</c> only on a cold start.</summary>
    public static string Report(InvocationRecord invocation, int memorySizeMB, long maxMemoryUsedMB)
    {
        var report = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"REPORT RequestId: {invocation.RequestId}\t")
            .Append(CultureInfo.InvariantCulture, $"Duration: {Milliseconds(invocation.Duration)} ms\t")
            .Append(CultureInfo.InvariantCulture, $"Billed Duration: {BilledMilliseconds(invocation.Duration)} ms\t")
            .Append(CultureInfo.InvariantCulture, $"Memory Size: {memorySizeMB} MB\t")
            .Append(CultureInfo.InvariantCulture, $"Max Memory Used: {maxMemoryUsedMB} MB\t");
        if (invocation.InitDuration is { } init)
        {
            report.Append(CultureInfo.InvariantCulture, $"Init Duration: {Milliseconds(init)} ms\t");
        }

        return report.ToString();
    }

    /// <summary>A duration as Lambda prints it: milliseconds with two decimals.</summary>
    public static string Milliseconds(TimeSpan duration) => duration.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Lambda bills whole milliseconds, rounded up, and at least one.</summary>
    public static long BilledMilliseconds(TimeSpan duration) => Math.Max(1, (long)Math.Ceiling(duration.TotalMilliseconds));

    /// <summary>This process's peak working set, in MB rounded up: the nearest local stand-in for a sandbox's peak memory.</summary>
    private static long MaxMemoryUsedMB()
    {
        using var process = Process.GetCurrentProcess();
        return (long)Math.Ceiling(Math.Max(process.PeakWorkingSet64, process.WorkingSet64) / BytesPerMB);
    }
}
