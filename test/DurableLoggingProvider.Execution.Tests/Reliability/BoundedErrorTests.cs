using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Reliability.HostileRun;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// Errors the engine builds from hostile text (a 10 MB operation name stored by the service, a 10 MB
/// exception message, a stored error of 10 MB fields) are cut with a marker, so that a <c>FAILED</c>
/// output always fits Lambda's 6 MB response and a step's error fits a checkpoint: the outputs' serialized
/// UTF-8 size is measured.
/// </summary>
[TestFixture]
public class BoundedErrorTests
{
    /// <summary>Lambda's largest response: 6 MB.</summary>
    private const int MaxResponseBytes = 6 * 1024 * 1024;

    private static readonly string s_tenMegabytes = new('n', 10 * 1024 * 1024);

    [Test]
    [CancelAfter(30_000)]
    public async Task ATenMegabyteNameEchoedByNonDeterminismStillFitsTheResponse(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient();

        var outcome = await RunAsync(Input(ExecutionOperation(), Charge(OperationStatus.Succeeded, name: s_tenMegabytes)), client, cancellationToken);

        var error = outcome.Output?.Error;
        var bytes = SerializedBytes(outcome.Output);
        TestContext.Out.WriteLine($"FAILED output: {bytes} bytes; message of {error?.ErrorMessage?.Length} characters");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Output?.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(error?.ErrorType, Is.EqualTo(typeof(NonDeterministicExecutionException).FullName));
            Assert.That(error?.ErrorMessage, Does.StartWith("Operation 1 of the root context was checkpointed as Step (Step) named 'nnnn"));
            Assert.That(error?.ErrorMessage, Does.Match(@" \[cut: \d+ of \d+ characters left out\]$"));
            Assert.That(bytes, Is.LessThan(MaxResponseBytes));
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ATenMegabyteExceptionMessageIsCutInTheCheckpointAndInTheOutput(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient();

        var outcome = await RunAsync(
            Input(ExecutionOperation()),
            client,
            cancellationToken,
            body: () => throw new InvalidOperationException(s_tenMegabytes),
            config: new StepConfig { RetryStrategy = RetryStrategy.None });

        var fail = client.Checkpoints.SelectMany(request => request.Updates).Single(update => update.Action == OperationAction.Fail);
        var checkpointBytes = Encoding.UTF8.GetByteCount(DurableWireFormat.SerializeCheckpointRequest(client.Checkpoints[^1]));
        var bytes = SerializedBytes(outcome.Output);
        TestContext.Out.WriteLine($"FAIL checkpoint: {checkpointBytes} bytes; FAILED output: {bytes} bytes");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Output?.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(fail.Error?.ErrorMessage, Is.EqualTo(new string('n', 16 * 1024) + " [cut: 10469376 of 10485760 characters left out]"));
            Assert.That(checkpointBytes, Is.LessThan(750 * 1024), "a checkpoint call holds about 750 KB");
            Assert.That(bytes, Is.LessThan(MaxResponseBytes));
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AStoredErrorOfHugeFieldsIsCutWhenItFailsTheExecution(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient();
        var failed = Charge(OperationStatus.Failed);
        failed.StepDetails!.Error = new ErrorObject
        {
            ErrorType = s_tenMegabytes,
            ErrorMessage = s_tenMegabytes,
            ErrorData = "\"" + s_tenMegabytes + "\"",
            StackTrace = Enumerable.Repeat("at Somewhere()", 1_000_000).ToList(),
        };

        var outcome = await RunAsync(Input(ExecutionOperation(), failed), client, cancellationToken);

        var error = outcome.Output?.Error;
        var bytes = SerializedBytes(outcome.Output);
        TestContext.Out.WriteLine($"FAILED output: {bytes} bytes");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Output?.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(error?.ErrorType, Does.EndWith(" [cut: 10485248 of 10485760 characters left out]"));
            Assert.That(error?.ErrorMessage, Does.EndWith($" [ErrorData of {s_tenMegabytes.Length + 2} characters left out]"));
            Assert.That(error?.ErrorData, Is.Null, "cut JSON would not be JSON: data too large is left out whole");
            Assert.That(bytes, Is.LessThan(MaxResponseBytes));
        }
    }

    [Test]
    public void AStackTraceIsCutAfterItsFirst256LinesWithAMarker()
    {
        var stack = string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"   at Frame{i}()"));

        var error = ErrorObjects.From(new StackTraceException(stack));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.StackTrace, Has.Count.EqualTo(257));
            Assert.That(error.StackTrace![0], Is.EqualTo("at Frame0()"), "lines are trimmed");
            Assert.That(error.StackTrace[255], Is.EqualTo("at Frame255()"));
            Assert.That(error.StackTrace[256], Is.EqualTo("[744 more stack trace lines left out]"));
        }
    }

    [Test]
    public void AStackTraceOfHugeLinesIsCutLineByLineAndInAll()
    {
        var stack = string.Join("\n", Enumerable.Repeat(new string('f', 100_000), 1000));

        var error = ErrorObjects.From(new StackTraceException(stack));

        // Each line is cut to 1,024 characters and its marker (41 more); 32 KiB holds 30 of them.
        var line = new string('f', 1024) + " [cut: 98976 of 100000 characters left out]";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.StackTrace, Has.Count.EqualTo(31));
            Assert.That(error.StackTrace!.Take(30), Is.All.EqualTo(line));
            Assert.That(error.StackTrace![30], Is.EqualTo("[970 more stack trace lines left out]"));
        }
    }

    [Test]
    public void TextIsNeverCutInsideASurrogatePair()
    {
        var text = new string('a', 9) + "\U0001F600" + "tail";

        var cut = ErrorText.Bound(text, 10);

        Assert.That(cut, Is.EqualTo(new string('a', 9) + " [cut: 6 of 15 characters left out]"));
    }

    private static int SerializedBytes(DurableExecutionInvocationOutput? output) =>
        output is null ? -1 : Encoding.UTF8.GetByteCount(DurableWireFormat.SerializeInvocationOutput(output));
}
