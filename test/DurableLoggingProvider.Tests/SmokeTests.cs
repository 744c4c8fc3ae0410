using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests;

[TestFixture]
public class SmokeTests
{
    [Test]
    public void AJsonLineCarriesTheMessageAndLevel()
    {
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        logging.Logger().LogInformation("Hello {Name} {Count}", "world", 3);
        TestContext.Out.WriteLine(logging.Sink.Lines[0]);
        var record = logging.Records[0];
        Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("Hello world 3"));
    }
}
