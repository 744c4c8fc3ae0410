using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>Waits as the service records them (durable-wire-format.md, section 4: <c>WaitOptions{WaitSeconds}</c>, 1 to 31,622,400).</summary>
[TestFixture]
public class WaitOperationTests
{
    private static readonly string s_waitId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task AWaitIsCheckpointedAsStartWithItsSecondsAndEndsWhenItsTimerFires(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Func<string?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            await context.WaitAsync(TimeSpan.FromSeconds(90), "cool-off");
            return "done";
        };

        var first = await driver.InvokeAsync(handler, cancellationToken);
        var whileWaiting = driver.Operation(s_waitId);
        driver.FireNextTimer();
        var second = await driver.InvokeAsync(handler, cancellationToken);

        var start = driver.UpdatesOf(s_waitId).Single();
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(start.Action, Is.EqualTo(OperationAction.Start));
            Assert.That(start.Type, Is.EqualTo(OperationType.Wait));
            Assert.That(start.SubType, Is.EqualTo("Wait"));
            Assert.That(start.Name, Is.EqualTo("cool-off"));
            Assert.That(start.WaitOptions?.WaitSeconds, Is.EqualTo(90));
            Assert.That(whileWaiting.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(whileWaiting.WaitDetails?.ScheduledEndTimestamp, Is.EqualTo(InvocationDriver.Start.AddSeconds(90).ToUnixTimeMilliseconds()));
            Assert.That(driver.Operation(s_waitId).Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Succeeded));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task TheLongestWaitOfTheServiceIsAccepted(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                await context.WaitAsync(TimeSpan.FromSeconds(31_622_400), "a year");
                return "done";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(driver.UpdatesOf(s_waitId).Single().WaitOptions?.WaitSeconds, Is.EqualTo(31_622_400));
        });
    }

    [TestCase(0.5)]
    [TestCase(0)]
    [TestCase(31_622_401)]
    [CancelAfter(30000)]
    public async Task AWaitOutsideTheServicesRangeIsRefusedBeforeAnythingIsCheckpointed(double seconds, CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Exception? seen = null;

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                try
                {
                    await context.WaitAsync(TimeSpan.FromSeconds(seconds), "bad wait");
                }
                catch (Exception exception)
                {
                    seen = exception;
                }

                return "done";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(driver.Updates, Is.Empty);
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
        });
    }
}
