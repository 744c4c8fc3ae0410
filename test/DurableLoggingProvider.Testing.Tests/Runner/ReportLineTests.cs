using System;
using System.Globalization;
using DurableLoggingProvider.Execution;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// The <c>REPORT</c> line field by field, against lambda-log-output.md's own example:
/// <c>REPORT RequestId: &lt;id&gt;\tDuration: 15.74 ms\tBilled Duration: 16 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\t</c>,
/// with <c>Init Duration: … ms</c> on a cold start.
/// </summary>
[TestFixture]
public class ReportLineTests
{
    private const string RequestId = "8f5c1f0e-0000-4000-8000-000000000001";

    [Test]
    public void AWarmInvocationsReportIsTheSpecificationsExample()
    {
        var report = PlatformLinePrinter.Report(Invocation(TimeSpan.FromMilliseconds(15.74), initDuration: null), memorySizeMB: 128, maxMemoryUsedMB: 56);

        Assert.That(report, Is.EqualTo($"REPORT RequestId: {RequestId}\tDuration: 15.74 ms\tBilled Duration: 16 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\t"));
    }

    [Test]
    public void AColdStartsReportEndsWithItsInitDuration()
    {
        var report = PlatformLinePrinter.Report(Invocation(TimeSpan.FromMilliseconds(15.74), TimeSpan.FromMilliseconds(123.45)), memorySizeMB: 128, maxMemoryUsedMB: 56);

        Assert.That(
            report,
            Is.EqualTo($"REPORT RequestId: {RequestId}\tDuration: 15.74 ms\tBilled Duration: 16 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\tInit Duration: 123.45 ms\t"));
    }

    [TestCase(15.0, "15.00", 15)]
    [TestCase(15.001, "15.00", 16)]
    [TestCase(15.996, "16.00", 16)]
    [TestCase(0.2, "0.20", 1)]
    public void DurationHasTwoDecimalsAndTheBilledDurationIsItsCeilingInWholeMilliseconds(double milliseconds, string duration, long billed)
    {
        var report = PlatformLinePrinter.Report(Invocation(TimeSpan.FromMilliseconds(milliseconds), initDuration: null), memorySizeMB: 128, maxMemoryUsedMB: 56);

        Assert.That(report, Does.Contain($"\tDuration: {duration} ms\tBilled Duration: {billed} ms\t"));
    }

    [Test]
    [SetCulture("de-DE")]
    public void NumbersUseAPointWhateverTheCurrentCulture()
    {
        Assert.That(CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator, Is.EqualTo(","), "the culture this test needs");

        var report = PlatformLinePrinter.Report(Invocation(TimeSpan.FromMilliseconds(1234.5), TimeSpan.FromMilliseconds(2345.67)), memorySizeMB: 1024, maxMemoryUsedMB: 1000);

        Assert.That(
            report,
            Is.EqualTo($"REPORT RequestId: {RequestId}\tDuration: 1234.50 ms\tBilled Duration: 1235 ms\tMemory Size: 1024 MB\tMax Memory Used: 1000 MB\tInit Duration: 2345.67 ms\t"));
    }

    private static InvocationRecord Invocation(TimeSpan duration, TimeSpan? initDuration) =>
        new(1, RequestId, InvocationStatus.Succeeded, crashed: false, duration, initDuration, []);
}
