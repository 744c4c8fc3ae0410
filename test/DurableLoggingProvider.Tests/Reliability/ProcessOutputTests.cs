using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.CrashHelper;
using DurableLoggingProvider.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// The promise when the process dies in the middle of heavy logging, checked on a real child process that
/// logs from four threads through the real standard output sink into a pipe this test reads, and is killed
/// with SIGKILL: every line that reached the pipe is complete and is exactly the record that was logged;
/// each thread's records arrive in order with none missing; nothing is interleaved.
/// </summary>
/// <remarks>
/// The sink writes each record with one <c>write</c> call, under the process's one lock. The kernel makes a write of at most
/// <c>PIPE_BUF</c> (4,096 bytes on Linux) to a pipe atomic: all of it or none. A larger write to a pipe
/// without room for it is copied in parts as the reader makes room; a process killed between two parts
/// leaves the first part in the pipe, without its newline. So a record of at most 4,096 bytes, newline
/// included, is never cut; a larger one can be, only as the very last bytes of the stream, and a reader that
/// takes only newline-terminated lines never sees it. The tests check both, exactly.
/// </remarks>
[TestFixture]
[Platform(Exclude = "Win", Reason = "Kills with SIGKILL and relies on POSIX pipe semantics.")]
public class ProcessOutputTests
{
    private const int Threads = 4;
    private const int PipeBuffer = 4096;
    private const int BytesBeforeKill = 2 * 1024 * 1024;

    /// <summary>Where the child is when it is killed.</summary>
    public enum KillPoint
    {
        /// <summary>Logging while the test reads as fast as it can.</summary>
        WhileRead,

        /// <summary>Blocked in a write: the test stopped reading and the pipe filled.</summary>
        OnAFullPipe,

        /// <summary>Blocked in a write on a pipe that filled from empty, never read: where a large record is most often cut.</summary>
        OnAPipeNeverRead,
    }

    [TestCase(3_900, KillPoint.WhileRead, TestName = "KilledWhileLoggingRecordsOfAtMost4096BytesLeavesOnlyWholeLines")]
    [TestCase(3_900, KillPoint.OnAFullPipe, TestName = "KilledBlockedOnAFullPipeWithRecordsOfAtMost4096BytesLeavesOnlyWholeLines")]
    [TestCase(3_900, KillPoint.OnAPipeNeverRead, TestName = "KilledBlockedOnAPipeNeverReadWithRecordsOfAtMost4096BytesLeavesOnlyWholeLines")]
    [TestCase(65_536, KillPoint.WhileRead, TestName = "KilledWhileLoggingRecordsOfUpTo64KiBLeavesWholeLinesAndAtMostTheStartOfTheLastRecord")]
    [TestCase(65_536, KillPoint.OnAFullPipe, TestName = "KilledBlockedOnAFullPipeWithRecordsOfUpTo64KiBLeavesWholeLinesAndAtMostTheStartOfTheLastRecord")]
    [TestCase(65_536, KillPoint.OnAPipeNeverRead, TestName = "KilledBlockedOnAPipeNeverReadWithRecordsOfUpTo64KiBLeavesWholeLinesAndAtMostTheStartOfTheLastRecord")]
    [CancelAfter(20_000)]
    public async Task KilledInTheMiddleOfHeavyLogging(int largestBody, KillPoint killPoint, CancellationToken cancellationToken)
    {
        using var child = ChildProcess.StartCrashHelper("flood", Threads.ToString(CultureInfo.InvariantCulture), largestBody.ToString(CultureInfo.InvariantCulture));
        try
        {
            var started = await child.StandardError.ReadLineAsync(cancellationToken);
            Assert.That(started, Is.EqualTo("flooding"), "the helper started logging");
            var errors = child.StandardError.ReadToEndAsync(cancellationToken);
            var output = child.StandardOutput.BaseStream;
            using var received = new MemoryStream();
            var buffer = new byte[64 * 1024];
            while (killPoint != KillPoint.OnAPipeNeverRead && received.Length < BytesBeforeKill)
            {
                var read = await output.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    Assert.Fail($"The helper ended before it was killed: {await errors}");
                }

                received.Write(buffer, 0, read);
            }

            if (killPoint != KillPoint.WhileRead)
            {
                // Not a timed assertion: a pause in reading, so that the pipe fills and the writer blocks inside a write.
                await Task.Delay(300, cancellationToken);
            }

            child.Kill();
            await output.CopyToAsync(received, cancellationToken);
            await child.WaitForExitAsync(cancellationToken);

            var result = Analyse(received.ToArray(), largestBody);
            TestContext.Out.WriteLine(
                $"records up to {largestBody} characters, killed {killPoint}: {received.Length} bytes, " +
                $"{result.Lines} whole lines, {result.Broken.Count} broken, trailing fragment of {result.FragmentBytes} bytes ({result.FragmentOf ?? "none"})");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(result.Broken, Is.Empty, "every newline-terminated line is exactly one logged record");
                Assert.That(result.Gaps, Is.Empty, "each thread's records arrived in order, none missing");
                if (largestBody + 100 < PipeBuffer)
                {
                    Assert.That(result.FragmentBytes, Is.Zero, "a record that fits PIPE_BUF is written whole or not at all");
                }
                else if (result.FragmentBytes > 0)
                {
                    Assert.That(result.FragmentIsTheStartOfTheNextRecord, Is.True, $"the fragment is the start of its thread's next record: {result.FragmentOf}");
                    Assert.That(result.FragmentRecordBytes, Is.GreaterThan(PipeBuffer), "only a record larger than PIPE_BUF can be cut");
                }
            }
        }
        finally
        {
            ChildProcess.KillIfRunning(child);
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task ARecordLargerThanThePipeCanHoldIsCutByAKillOnlyAsTheLastBytesOfTheStream(CancellationToken cancellationToken)
    {
        // Four million characters: far more than a pipe holds (64 KiB by default on Linux, 1 MiB at most unless raised).
        const int BodyLength = 4_000_000;
        using var child = ChildProcess.StartCrashHelper("one", BodyLength.ToString(CultureInfo.InvariantCulture));
        try
        {
            Assert.That(await child.StandardError.ReadLineAsync(cancellationToken), Is.EqualTo("logging"), "the helper started logging");

            // Once the record's first bytes arrive its write has begun, and it cannot end: the test reads no more
            // until the kill, and the rest is far larger than the pipe.
            using var received = new MemoryStream();
            var first = new byte[64 * 1024];
            var read = await child.StandardOutput.BaseStream.ReadAsync(first, cancellationToken);
            received.Write(first, 0, read);
            child.Kill();
            await child.StandardOutput.BaseStream.CopyToAsync(received, cancellationToken);
            await child.WaitForExitAsync(cancellationToken);

            var record = Encoding.UTF8.GetBytes(FloodRecords.LineOf(FloodRecords.OnlyRecord(BodyLength)) + "\n");
            var bytes = received.ToArray();
            TestContext.Out.WriteLine($"one record of {record.Length} bytes, killed while its write was under way: {bytes.Length} bytes reached the pipe, {(bytes.Contains((byte)'\n') ? "with" : "without")} a newline");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(bytes, Is.Not.Empty, "the kernel took part of the write before it blocked");
                Assert.That(bytes.Length, Is.LessThan(record.Length), "the record was cut by the kill");
                Assert.That(bytes, Is.EqualTo(record[..bytes.Length]), "what reached the pipe is the record's start, unchanged");
                Assert.That(bytes, Has.No.EqualTo((byte)'\n'), "a reader of whole lines never sees it");
            }
        }
        finally
        {
            ChildProcess.KillIfRunning(child);
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task AStandardOutputWhoseReaderHasGoneIsReportedOnceOnStandardErrorAndEveryRecordCounted(CancellationToken cancellationToken)
    {
        const int Records = 500;
        using var child = ChildProcess.StartCrashHelper("unread", Records.ToString(CultureInfo.InvariantCulture));
        try
        {
            var errors = child.StandardError.ReadToEndAsync(cancellationToken);

            // Close the only reading end of the child's standard output, then let it log.
            child.StandardOutput.Dispose();
            await child.StandardInput.WriteLineAsync("go".AsMemory(), cancellationToken);
            await child.StandardInput.FlushAsync(cancellationToken);
            await child.WaitForExitAsync(cancellationToken);

            var lines = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            TestContext.Out.WriteLine(string.Join(Environment.NewLine, lines));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(child.ExitCode, Is.Zero, "logging to a broken pipe did not take the process down");
                Assert.That(lines.Count(line => line.Contains("writing log records to standard output failed", StringComparison.Ordinal)), Is.EqualTo(1), "reported once");
                Assert.That(lines, Has.Some.Contains(nameof(IOException)));
                Assert.That(lines, Has.Some.EqualTo($"lost={Records}"), "every record counted as lost");
            }
        }
        finally
        {
            ChildProcess.KillIfRunning(child);
        }
    }

    private static Outcome Analyse(byte[] received, int largestBody)
    {
        var end = Array.LastIndexOf(received, (byte)'\n') + 1;
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(received, 0, end);
        var lines = text.Length == 0 ? [] : text[..^1].Split('\n');
        var outcome = new Outcome { Lines = lines.Length, FragmentBytes = received.Length - end };
        var seen = new Dictionary<int, List<int>>();
        foreach (var line in lines)
        {
            var identity = Identity(line);
            if (identity is not var (thread, number) || line != FloodRecords.Line(thread, number, largestBody))
            {
                outcome.Broken.Add(line.Length > 200 ? line[..200] + "…" : line);
                continue;
            }

            if (!seen.TryGetValue(thread, out var numbers))
            {
                seen[thread] = numbers = [];
            }

            numbers.Add(number);
        }

        foreach (var (thread, numbers) in seen)
        {
            if (!numbers.SequenceEqual(Enumerable.Range(0, numbers.Count)))
            {
                outcome.Gaps.Add($"thread {thread}: {numbers.Count} records, not 0 to {numbers.Count - 1} in order");
            }
        }

        if (outcome.FragmentBytes > 0)
        {
            var fragment = Encoding.ASCII.GetString(received, end, received.Length - end);
            if (Identity(fragment) is var (thread, number))
            {
                var record = FloodRecords.Line(thread, number, largestBody) + "\n";
                outcome.FragmentOf = $"thread {thread}, record {number}";
                outcome.FragmentRecordBytes = Encoding.UTF8.GetByteCount(record);
                outcome.FragmentIsTheStartOfTheNextRecord = record.StartsWith(fragment, StringComparison.Ordinal)
                    && number == (seen.TryGetValue(thread, out var numbers) ? numbers.Count : 0);
            }
            else
            {
                // Too short to name its record: it must still be the start of one.
                outcome.FragmentOf = "a record too short to name";
                outcome.FragmentRecordBytes = int.MaxValue;
                outcome.FragmentIsTheStartOfTheNextRecord = FloodRecords.Line(0, 0, largestBody).StartsWith(fragment, StringComparison.Ordinal);
            }
        }

        return outcome;
    }

    /// <summary>The thread and number a line or fragment names in its message (<c>"message":"t2 n17 </c>).</summary>
    private static (int Thread, int Number)? Identity(string text)
    {
        var match = Regex.Match(text, "\"message\":\"t(\\d+) n(\\d+) ");
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    private sealed class Outcome
    {
        public int Lines { get; init; }

        public List<string> Broken { get; } = [];

        public List<string> Gaps { get; } = [];

        public int FragmentBytes { get; init; }

        public string? FragmentOf { get; set; }

        public int FragmentRecordBytes { get; set; }

        public bool FragmentIsTheStartOfTheNextRecord { get; set; }
    }
}
