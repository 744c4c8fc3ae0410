using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

// Templates are built per test case on purpose (CA2254).
#pragma warning disable CA2254

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// Redaction whatever the shape of the key-value scope (a dictionary or list of pairs of any value type, a
/// single pair, any sequence of pairs), whatever spaces surround a placeholder's name, and however many
/// placeholders a template holds: the secret never reaches the line.
/// </summary>
[TestFixture]
public class RedactionShapeTests
{
    private const string Secret = "hunter2-s3cr3t";
    private const int SecretNumber = 987_654_321;
    private static readonly Guid s_secretGuid = Guid.Parse("5d8e1c2e-1111-4000-8000-00000000beef");

    public static IEnumerable<TestCaseData> Scopes()
    {
        foreach (var format in new[] { DurableLogFormat.Json, DurableLogFormat.Text })
        {
            yield return Case(format, "Dictionary<string, int>", new Dictionary<string, int> { ["Password"] = SecretNumber, ["Order"] = 42 });
            yield return Case(format, "Dictionary<string, Guid>", new Dictionary<string, Guid> { ["Password"] = s_secretGuid, ["Order"] = Guid.Empty });
            yield return Case(format, "SortedDictionary<string, long>", new SortedDictionary<string, long> { ["Password"] = SecretNumber, ["Order"] = 42 });
            yield return Case(format, "ConcurrentDictionary<string, int>", new ConcurrentDictionary<string, int>(new Dictionary<string, int> { ["Password"] = SecretNumber, ["Order"] = 42 }));
            yield return Case(format, "List<KeyValuePair<string, int>>", new List<KeyValuePair<string, int>> { new("Password", SecretNumber), new("Order", 42) });
            yield return Case(format, "KeyValuePair<string, Guid>[]", new[] { new KeyValuePair<string, Guid>("Password", s_secretGuid), new("Order", Guid.Empty) });
            yield return Case(format, "an iterator of KeyValuePair<string, string>", Pairs());
            yield return Case(format, "one KeyValuePair<string, int>", new KeyValuePair<string, int>("Password", SecretNumber));
            yield return Case(format, "one KeyValuePair<string, object>", new KeyValuePair<string, object?>("Password", Secret));
            yield return Case(format, "one KeyValuePair<string, Guid>", new KeyValuePair<string, Guid>("Password", s_secretGuid));
        }
    }

    [TestCaseSource(nameof(Scopes))]
    public void AScopeValueOfARedactedNameIsMaskedWhateverTheShapeOfTheScope(DurableLogFormat format, object scope)
    {
        using var capture = Redacting(format);
        var logger = capture.Logger();

        using (logger.BeginScope(scope))
        {
            logger.LogInformation("Scoped");
        }

        var line = capture.SingleLine();
        TestContext.Out.WriteLine(line);
        using (Assert.EnterMultipleScope())
        {
            AssertNoSecret(line);
            if (format == DurableLogFormat.Json)
            {
                Assert.That(JsonLine.String(JsonLine.Parse(line), "Password"), Is.EqualTo(DurableLoggerOptions.DefaultRedactionMask));
            }
            else
            {
                Assert.That(TextLine.Parse(line).Rest.Split(' '), Has.Member("Password=" + DurableLoggerOptions.DefaultRedactionMask));
            }
        }
    }

    [Test]
    public void AScopeOfPairsOfAnotherValueTypeKeepsItsOtherValuesTyped()
    {
        using var capture = Redacting(DurableLogFormat.Json);
        var logger = capture.Logger();

        using (logger.BeginScope(new List<KeyValuePair<string, int>> { new("Password", SecretNumber), new("Order", 42) }))
        {
            logger.LogInformation("Scoped");
        }

        Assert.That(capture.SingleJson().GetProperty("Order").GetInt32(), Is.EqualTo(42));
    }

    [TestCase("{ password}")]
    [TestCase("{password }")]
    [TestCase("{  Password  }")]
    [TestCase("{ @password }")]
    [TestCase("{$ password}")]
    public void APlaceholderWhoseNameHasSpacesAroundItIsMaskedToo(string placeholder)
    {
        foreach (var format in new[] { DurableLogFormat.Json, DurableLogFormat.Text })
        {
            using var capture = Redacting(format);

            capture.Logger().LogInformation("Signed in with " + placeholder, Secret);

            var line = capture.SingleLine();
            using (Assert.EnterMultipleScope())
            {
                AssertNoSecret(line);
                Assert.That(line, Does.Contain("Signed in with " + DurableLoggerOptions.DefaultRedactionMask), format.ToString());
            }
        }
    }

    [Test]
    public void ConfiguredNamesWithSpacesAroundThemMatchToo()
    {
        using var capture = LineCapture.Json(options => options.RedactedFields.Add("  token "));

        capture.Logger().LogInformation("Using {Token}", Secret);

        AssertNoSecret(capture.SingleLine());
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void ATemplateWithMoreThanTenThousandPlaceholdersHasItsSecretMaskedAnywhereInIt(DurableLogFormat format)
    {
        // The secret first, last, and beyond the 10,000 values a record writes.
        const int Placeholders = 12_000;
        var names = Enumerable.Range(0, Placeholders).Select(i => i is 0 or 10_500 or Placeholders - 1 ? "Password" : $"V{i}").ToArray();
        var template = new StringBuilder("Values");
        foreach (var name in names)
        {
            template.Append(" {").Append(name).Append('}');
        }

        var values = names.Select((name, i) => (object?)(name == "Password" ? Secret : $"v{i}")).ToArray();
        using var capture = Redacting(format);

        capture.Logger().LogInformation(template.ToString(), values);

        var line = capture.SingleLine();
        var message = format == DurableLogFormat.Json ? JsonLine.String(JsonLine.Parse(line), "message")! : TextLine.Parse(line).Rest;
        TestContext.Out.WriteLine($"{format}: {Placeholders} placeholders, a line of {Encoding.UTF8.GetByteCount(line)} bytes");
        using (Assert.EnterMultipleScope())
        {
            AssertNoSecret(line);
            Assert.That(message, Does.StartWith($"Values {DurableLoggerOptions.DefaultRedactionMask} v1 v2 "), "the message is rendered again with the mask");
        }
    }

    private static TestCaseData Case(DurableLogFormat format, string shape, object scope) =>
        new TestCaseData(format, scope).SetArgDisplayNames(format.ToString(), shape);

    private static IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        yield return new("Order", "42");
        yield return new("Password", Secret);
    }

    private static LineCapture Redacting(DurableLogFormat format) => new(format, options => options.RedactedFields.Add("password"));

    private static void AssertNoSecret(string line)
    {
        Assert.That(line, Does.Not.Contain(Secret).And.Not.Contain(SecretNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Not.Contain(s_secretGuid.ToString()), "the secret is not on the line");
    }
}
