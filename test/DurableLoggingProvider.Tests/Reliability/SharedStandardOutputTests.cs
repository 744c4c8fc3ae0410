using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.CrashHelper;
using DurableLoggingProvider.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// The real standard output of a child process, shared and difficult: several providers (each its own
/// logger factory and sink) writing records far larger than <c>PIPE_BUF</c> to one pipe, and a standard
/// output set non-blocking (<c>O_NONBLOCK</c>), where a full pipe fails a write with <c>EAGAIN</c>.
/// Every record is one whole line, written once, or counted as lost.
/// </summary>
[TestFixture]
[Platform(Include = "Linux", Reason = "A real pipe, and O_NONBLOCK set with Linux's value of the flag.")]
public class SharedStandardOutputTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task SeveralProvidersAndTheEnginesOwnWritingLargeRecordsToOnePipeNeverTearEachOthersRecords(CancellationToken cancellationToken)
    {
        const int Factories = 3;
        const int Records = 100;
        const int Body = 60 * 1024;

        // The engine's own provider follows the function's log format, as in Lambda with JSON logging.
        var environment = new Dictionary<string, string> { ["AWS_LAMBDA_LOG_FORMAT"] = "JSON" };
        using var child = ChildProcess.StartCrashHelperWith(environment, "factories", Arg(Factories), Arg(Records), Arg(Body));
        try
        {
            var errors = child.StandardError.ReadToEndAsync(cancellationToken);
            var received = await ReadAllAsync(child.StandardOutput.BaseStream, cancellationToken);
            await child.WaitForExitAsync(cancellationToken);

            var expected = Enumerable.Range(0, Factories).SelectMany(factory => Enumerable.Range(0, Records).Select(number => (factory, number))).ToList();
            var engineExpected = Enumerable.Range(0, Records).Select(number => FloodRecords.Sized(Factories, number, Body)).ToList();
            var result = Compare(received, expected, Body, engineExpected);
            TestContext.Out.WriteLine(
                $"{Factories} factories x {Records} records and the engine's own provider x {Records} records, of {Body} characters, at once: {received.Length} bytes, {result.Lines} lines " +
                $"({result.EngineLines} the engine's), {result.Torn} torn, {result.Missing} missing, {result.Repeated} repeated; {(await errors).Trim()}");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(child.ExitCode, Is.Zero);
                Assert.That(result.Torn, Is.Zero, "every line is exactly one record");
                Assert.That(result.Missing, Is.Zero, "every record arrived, the factories' and the engine's");
                Assert.That(result.Repeated, Is.Zero, "no record arrived twice");
                Assert.That(result.Lines, Is.EqualTo((Factories + 1) * Records));
                Assert.That(result.EngineLines, Is.EqualTo(Records), "each of the engine's records arrived once");
                Assert.That((await errors).Trim(), Is.EqualTo("engine=Succeeded lost=0"));
            }
        }
        finally
        {
            ChildProcess.KillIfRunning(child);
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ANonBlockingStandardOutputGetsEveryRecordWholeAndOnceWhileItsPipeIsFull(CancellationToken cancellationToken)
    {
        const int Threads = 4;
        const int Records = 200;
        const int Body = 20_000;
        using var child = ChildProcess.StartCrashHelper("nonblocking", Arg(Threads), Arg(Records), Arg(Body));
        try
        {
            Assert.That(await child.StandardError.ReadLineAsync(cancellationToken), Is.EqualTo("logging"), "the helper set O_NONBLOCK and started logging");
            var errors = child.StandardError.ReadToEndAsync(cancellationToken);

            // Not a timed assertion: a pause in reading, so that the pipe fills and writes fail with EAGAIN.
            await Task.Delay(300, cancellationToken);
            var received = await ReadAllAsync(child.StandardOutput.BaseStream, cancellationToken);
            await child.WaitForExitAsync(cancellationToken);

            var expected = Enumerable.Range(0, Threads).SelectMany(thread => Enumerable.Range(0, Records).Select(number => (thread, number))).ToList();
            var result = Compare(received, expected, Body);
            TestContext.Out.WriteLine($"O_NONBLOCK, {Threads} threads x {Records} records of {Body} characters: {received.Length} bytes, {result.Lines} lines, {result.Torn} torn, {result.Missing} missing, {result.Repeated} repeated; {(await errors).Trim()}");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(result.Torn, Is.Zero, "every line is exactly one record");
                Assert.That(result.Missing, Is.Zero, "every record arrived");
                Assert.That(result.Repeated, Is.Zero, "no record arrived twice");
                Assert.That((await errors).Trim(), Is.EqualTo("lost=0"));
            }
        }
        finally
        {
            ChildProcess.KillIfRunning(child);
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ARecordANonBlockingStandardOutputStopsTakingIsCountedEndedWithANewlineAndNeverWrittenAgain(CancellationToken cancellationToken)
    {
        // Far more than the pipe holds, and the test does not read until the helper has given the record up.
        const int Body = 1_000_000;
        using var child = ChildProcess.StartCrashHelper("stall", Arg(Body));
        try
        {
            var report = await child.StandardError.ReadLineAsync(cancellationToken);
            Assert.That(await child.StandardError.ReadLineAsync(cancellationToken), Is.EqualTo("lost=1"), $"the record was given up, reported ({report}) and counted");
            var reading = ReadAllAsync(child.StandardOutput.BaseStream, cancellationToken);
            await child.StandardInput.WriteLineAsync("go".AsMemory(), cancellationToken);
            await child.StandardInput.FlushAsync(cancellationToken);
            var rest = await child.StandardError.ReadToEndAsync(cancellationToken);
            var received = await reading;
            await child.WaitForExitAsync(cancellationToken);

            var lost = Encoding.UTF8.GetBytes(FloodRecords.LineOf(FloodRecords.Sized(0, 0, Body)) + "\n");
            var after = FloodRecords.LineOf(FloodRecords.Sized(1, 0, 1)) + "\n";
            var firstNewline = Array.IndexOf(received, (byte)'\n');
            var start = firstNewline < 0 ? received : received[..firstNewline];
            var tail = firstNewline < 0 ? string.Empty : Encoding.UTF8.GetString(received, firstNewline + 1, received.Length - firstNewline - 1);
            TestContext.Out.WriteLine($"a record of {lost.Length} bytes given up: {start.Length} bytes of it went out, then a newline; then {tail.Length} bytes; standard error: {report} / {rest.Trim()}");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(start, Is.Not.Empty, "the pipe took the start of the record before it was full");
                Assert.That(start.Length, Is.LessThan(lost.Length - 1));
                Assert.That(start, Is.EqualTo(lost[..start.Length]), "what went out is the record's start, unchanged");
                Assert.That(tail, Is.EqualTo(after), "the start is ended with a newline, the next record follows whole on its own line, and the lost record is not written again");
                Assert.That(report, Does.Contain("writing log records to standard output failed").And.Contain($"of the {lost.Length} bytes of a record"), "reported on standard error");
                Assert.That(rest.Trim().Split('\n'), Is.EqualTo(Expected.Sequence("DurableLoggingProvider: writing log records to standard output works again; 1 record(s) could not be written.", "lost=1")), "the next record went out, and the outage's end was reported with its count");
            }
        }
        finally
        {
            ChildProcess.KillIfRunning(child);
        }
    }

    private static string Arg(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<byte[]> ReadAllAsync(Stream output, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        await output.CopyToAsync(received, cancellationToken);
        return received.ToArray();
    }

    private static Outcome Compare(byte[] received, IReadOnlyList<(int Writer, int Number)> expected, int body, IReadOnlyList<string>? engineMessages = null)
    {
        var text = Encoding.UTF8.GetString(received);
        var lines = text.Split('\n');
        var wanted = expected.ToDictionary(record => FloodRecords.LineOf(FloodRecords.Sized(record.Writer, record.Number, body)), _ => 0, StringComparer.Ordinal);
        var engineWanted = (engineMessages ?? []).ToDictionary(message => message, _ => 0, StringComparer.Ordinal);
        var outcome = new Outcome { Lines = lines.Length - 1 };
        foreach (var line in lines[..^1])
        {
            if (wanted.TryGetValue(line, out var seen))
            {
                wanted[line] = seen + 1;
            }
            else if (EngineRecordMessage(line) is { } message && engineWanted.TryGetValue(message, out var engineSeen))
            {
                // The engine's records carry the time they were written and the invocation's fields: parsed, not matched whole.
                engineWanted[message] = engineSeen + 1;
                outcome.EngineLines++;
            }
            else
            {
                outcome.Torn++;
            }
        }

        outcome.Torn += lines[^1].Length == 0 ? 0 : 1;
        outcome.Missing = wanted.Values.Concat(engineWanted.Values).Count(count => count == 0);
        outcome.Repeated = wanted.Values.Concat(engineWanted.Values).Count(count => count > 1);
        return outcome;
    }

    /// <summary>The message of a line that is one whole JSON record of the engine's workflow logger, in its invocation; otherwise null.</summary>
    private static string? EngineRecordMessage(string line)
    {
        try
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("category", out var category) && category.GetString() == EngineWriter.Category
                && root.TryGetProperty("level", out var level) && level.GetString() == "INFO"
                && root.TryGetProperty("requestId", out var requestId) && requestId.GetString() == EngineWriter.RequestId
                && root.TryGetProperty("message", out var message)
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Outcome
    {
        public int Lines { get; init; }

        public int EngineLines { get; set; }

        public int Torn { get; set; }

        public int Missing { get; set; }

        public int Repeated { get; set; }
    }
}
