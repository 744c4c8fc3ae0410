using DurableLoggingProvider.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Documentation;

/// <summary>The example of docs/performance.md ("An opt-in for value types"): the line it writes is the <c>[LoggerMessage]</c> call site's line.</summary>
[TestFixture]
public class PerformanceGuideExampleTests
{
    [Test]
    public void TheGuidesOptInWritesTheLineOfTheLoggerMessageCallSite()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        GuideOrderLog.OrderCharged(logger, "ord-1001", 72.50m, "USD");
        GuideLoggerMessageOrderLog.OrderCharged(logger, "ord-1001", 72.50m, "USD");

        var lines = capture.Lines();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines[0], Is.EqualTo(lines[1]));
            Assert.That(JsonLine.Parse(lines[0]).GetProperty("message").GetString(), Is.EqualTo("Order ord-1001 charged 72.50 USD"));
        }
    }
}
