using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

// Placeholders are named like the record's own keys on purpose (CA1727), and built per test case (CA2254).
#pragma warning disable CA1727, CA2254

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// Lambda reads a JSON line's level key in any case, so a caller value named <c>Level</c> next to our
/// <c>level</c> could get the record dropped or raised: a caller key equal to one of the record's own keys
/// in any case is kept under a distinct name (<c>Level_1</c>), in JSON and in Text.
/// </summary>
[TestFixture]
public class OwnKeyCaseTests
{
    private const string CallerValue = "DEBUG";

    /// <summary>The own keys in other cases than the provider writes them.</summary>
    public static readonly string[] OtherCases =
    [
        "Level", "LEVEL", "lEvEl", "Message", "MESSAGE", "Timestamp", "TIMESTAMP", "RequestId", "REQUESTID", "TenantId", "TraceID",
        "Replay", "Category", "EventId", "EventName", "Scopes", "ErrorType", "ErrorMessage", "StackTrace", "Truncated",
    ];

    [TestCaseSource(nameof(OtherCases))]
    public void InJsonATemplateValueNamedLikeAnOwnKeyInAnotherCaseIsKeptUnderADistinctName(string key)
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation($"Player reached {{{key}}}", CallerValue);

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.Keys(record).Count(name => string.Equals(name, key, System.StringComparison.OrdinalIgnoreCase)), Is.LessThanOrEqualTo(1), "at most the provider's own key in any case");
            Assert.That(JsonLine.Keys(record), Has.No.EqualTo(key), "the caller's spelling is not a key");
            Assert.That(JsonLine.String(record, key + "_1"), Is.EqualTo(CallerValue));
            Assert.That(JsonLine.String(record, "level"), Is.EqualTo("INFO"));
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Player reached DEBUG"));
        }
    }

    [TestCaseSource(nameof(OtherCases))]
    public void InJsonAScopeValueNamedLikeAnOwnKeyInAnotherCaseIsKeptUnderADistinctName(string key)
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { [key] = CallerValue }))
        {
            logger.LogWarning("In a scope");
        }

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.Keys(record), Has.No.EqualTo(key));
            Assert.That(JsonLine.String(record, key + "_1"), Is.EqualTo(CallerValue));
            Assert.That(JsonLine.String(record, "level"), Is.EqualTo("WARN"));
        }
    }

    [TestCase("Level")]
    [TestCase("CATEGORY")]
    [TestCase("Request_Id")]
    public void InSnakeCaseAnOwnKeyInAnotherCaseIsKeptUnderADistinctName(string key)
    {
        using var capture = LineCapture.Json(options => options.FieldNaming = FieldNaming.SnakeCase);

        capture.Logger().LogInformation($"Value {{{key}}}", CallerValue);

        var record = capture.SingleJson();
        Assert.That(JsonLine.String(record, key + "_1"), Is.EqualTo(CallerValue));
    }

    [TestCase("Level")]
    [TestCase("Category")]
    [TestCase("TRUNCATED")]
    public void InTextAScopeValueNamedLikeAnOwnKeyInAnotherCaseIsKeptUnderADistinctName(string key)
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { [key] = CallerValue }))
        {
            logger.LogInformation("In a scope");
        }

        var line = TextLine.Parse(capture.SingleLine());
        var fields = line.Rest.Split(' ');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line.Level, Is.EqualTo("INFO"));
            Assert.That(fields, Has.Member($"{key}_1={CallerValue}"));
            Assert.That(fields, Has.None.StartsWith(key + "="));
        }
    }

    [Test]
    public void TwoCallerKeysThatDifferOnlyInCaseAndAreNotOwnKeysAreBothKeptAsGiven()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("{orderId} {OrderId}", 1, 2);

        JsonElement record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.GetProperty("orderId").GetInt32(), Is.EqualTo(1));
            Assert.That(record.GetProperty("OrderId").GetInt32(), Is.EqualTo(2));
        }
    }
}
