using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// Template and scope values keep their JSON type, as the spec asks: numbers as numbers, booleans as
/// booleans, dates as RFC 3339 strings; what JSON cannot hold as a number (NaN, infinities) is a string.
/// </summary>
[TestFixture]
public partial class JsonValueTypeTests
{
    private static readonly DateTimeOffset s_instant = new(2026, 7, 22, 10, 11, 12, 345, TimeSpan.Zero);

    public static IEnumerable<TestCaseData> WholeNumbers()
    {
        yield return new TestCaseData((object)42, "42").SetArgDisplayNames("int");
        yield return new TestCaseData((object)(-7), "-7").SetArgDisplayNames("negative int");
        yield return new TestCaseData((object)9_007_199_254_740_993L, "9007199254740993").SetArgDisplayNames("long beyond double precision");
        yield return new TestCaseData((object)long.MinValue, "-9223372036854775808").SetArgDisplayNames("long.MinValue");
        yield return new TestCaseData((object)ulong.MaxValue, "18446744073709551615").SetArgDisplayNames("ulong.MaxValue");
        yield return new TestCaseData((object)(short)-300, "-300").SetArgDisplayNames("short");
        yield return new TestCaseData((object)(ushort)65535, "65535").SetArgDisplayNames("ushort");
        yield return new TestCaseData((object)(byte)255, "255").SetArgDisplayNames("byte");
        yield return new TestCaseData((object)(sbyte)-128, "-128").SetArgDisplayNames("sbyte");
        yield return new TestCaseData((object)uint.MaxValue, "4294967295").SetArgDisplayNames("uint");
    }

    [TestCaseSource(nameof(WholeNumbers))]
    public void AWholeNumberIsAJsonNumberWithItsExactDigits(object value, string digits)
    {
        var field = LogValue(value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(field.ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(field.GetRawText(), Is.EqualTo(digits));
        }
    }

    [Test]
    public void ADoubleIsAJsonNumber()
    {
        var field = LogValue(3.25);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(field.ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(field.GetDouble(), Is.EqualTo(3.25));
        }
    }

    [Test]
    public void ADoubleKeepsEveryDigitItNeedsToRoundTrip()
    {
        var field = LogValue(0.1 + 0.2);

        Assert.That(field.GetDouble(), Is.EqualTo(0.1 + 0.2));
    }

    [Test]
    public void AFloatIsAJsonNumber()
    {
        var field = LogValue(1.5f);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(field.ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(field.GetSingle(), Is.EqualTo(1.5f));
        }
    }

    [Test]
    public void ADecimalIsAJsonNumberWithItsExactValue()
    {
        var field = LogValue(79_228_162_514_264.337593543950335m);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(field.ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(field.GetDecimal(), Is.EqualTo(79_228_162_514_264.337593543950335m));
        }
    }

    [TestCase(double.NaN, "NaN")]
    [TestCase(double.PositiveInfinity, "Infinity")]
    [TestCase(double.NegativeInfinity, "-Infinity")]
    public void ADoubleThatJsonCannotHoldAsANumberIsWrittenAsAString(double value, string text)
    {
        var field = LogValue(value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(field.ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(field.GetString(), Is.EqualTo(text));
        }
    }

    [Test]
    public void AFloatNaNIsWrittenAsAString()
    {
        var field = LogValue(float.NaN);

        Assert.That(field.GetString(), Is.EqualTo("NaN"));
    }

    [TestCase(true, JsonValueKind.True)]
    [TestCase(false, JsonValueKind.False)]
    public void ABooleanIsAJsonBoolean(bool value, JsonValueKind kind)
    {
        Assert.That(LogValue(value).ValueKind, Is.EqualTo(kind));
    }

    [Test]
    public void ANullIsAJsonNull()
    {
        Assert.That(LogValue(null).ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void AStringIsAJsonString()
    {
        var field = LogValue("hello, \"world\"");

        Assert.That(field.GetString(), Is.EqualTo("hello, \"world\""));
    }

    [Test]
    public void AUtcDateTimeIsAnRfc3339String()
    {
        var field = LogValue(s_instant.UtcDateTime);

        AssertRfc3339(field, s_instant);
    }

    [Test]
    public void ADateTimeOfUnspecifiedKindCarriesRfc3339sUnknownOffsetRatherThanAGuess()
    {
        var unspecified = new DateTime(2026, 7, 22, 10, 11, 12, 345, DateTimeKind.Unspecified);

        var field = LogValue(unspecified);

        // RFC 3339 section 4.3: "-00:00" says the offset to local time is unknown.
        Assert.That(field.GetString(), Does.Match(Rfc3339DateTime()));
        Assert.That(field.GetString(), Does.StartWith("2026-07-22T10:11:12.345").And.EndWith("-00:00"));
    }

    [Test]
    public void ALocalDateTimeIsAnRfc3339StringWithTheLocalOffset()
    {
        var local = s_instant.UtcDateTime.ToLocalTime();

        var field = LogValue(local);

        AssertRfc3339(field, s_instant);
    }

    [Test]
    public void ADateTimeOffsetIsAnRfc3339StringThatKeepsItsOffset()
    {
        var local = new DateTimeOffset(2026, 7, 22, 12, 11, 12, 345, TimeSpan.FromHours(2));

        var field = LogValue(local);

        AssertRfc3339(field, local);
        Assert.That(field.GetString(), Does.EndWith("+02:00"));
    }

    [Test]
    public void ATimeOnlyIsAnRfc3339PartialTime()
    {
        var field = LogValue(new TimeOnly(10, 11, 12, 345));

        Assert.That(field.GetString(), Does.Match(@"^10:11:12\.345\d*$"));
    }

    [Test]
    public void ADateOnlyIsAnRfc3339FullDate()
    {
        Assert.That(LogValue(new DateOnly(2026, 7, 22)).GetString(), Is.EqualTo("2026-07-22"));
    }

    [Test]
    public void AGuidIsItsHyphenatedString()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.That(LogValue(id).GetString(), Is.EqualTo("0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    [Test]
    public void AnEnumIsItsName()
    {
        Assert.That(LogValue(DayOfWeek.Friday).GetString(), Is.EqualTo("Friday"));
    }

    [Test]
    public void AFlagsEnumIsItsNames()
    {
        Assert.That(LogValue(AttributeTargets.Class | AttributeTargets.Method).GetString(), Is.EqualTo("Class, Method"));
    }

    [Test]
    public void ATimeSpanIsItsInvariantText()
    {
        Assert.That(LogValue(TimeSpan.FromSeconds(90)).GetString(), Is.EqualTo("00:01:30"));
    }

    [Test]
    public void AnObjectIsItsToStringText()
    {
        Assert.That(LogValue(new Uri("https://example.com/a?b=c")).GetString(), Is.EqualTo("https://example.com/a?b=c"));
    }

    [Test]
    public void ValuesAreWrittenTheSameUnderAnyCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(LogValue(1234.5).GetRawText(), Is.EqualTo("1234.5"));
                Assert.That(LogValue(12.75m).GetRawText(), Is.EqualTo("12.75"));
                Assert.That(LogValue((Half)1.5).GetString(), Is.EqualTo("1.5"));
                Assert.That(LogValue(new DateOnly(2026, 7, 22)).GetString(), Is.EqualTo("2026-07-22"));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Test]
    public void AnArrayOfNumbersIsAJsonArrayOfNumbers()
    {
        var field = LogValue(Enumerable.Range(1, 3).ToArray());

        Assert.That(field.GetRawText(), Is.EqualTo("[1,2,3]"));
    }

    [Test]
    public void AListOfStringsIsAJsonArrayOfStrings()
    {
        var field = LogValue(new List<string> { "a", "b" });

        Assert.That(field.GetRawText(), Is.EqualTo("[\"a\",\"b\"]"));
    }

    [Test]
    public void AMixedListKeepsEachElementsType()
    {
        var field = LogValue(new List<object?> { 1, "x", true, null, 2.5 });

        Assert.That(field.GetRawText(), Is.EqualTo("[1,\"x\",true,null,2.5]"));
    }

    [Test]
    public void AnEmptyListIsAnEmptyJsonArray()
    {
        Assert.That(LogValue(new List<int>()).GetRawText(), Is.EqualTo("[]"));
    }

    [Test]
    public void ANestedListIsAnArrayThatStillParses()
    {
        List<int[]> nested = [[1, 2], [3]];

        var field = LogValue(nested);

        Assert.That(field.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(field.GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void ATypedScopeValueKeepsItsTypeToo()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Amount"] = 12.5m, ["Paid"] = true, ["At"] = s_instant }))
        {
            logger.LogInformation("Scoped");
        }

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.GetProperty("Amount").GetDecimal(), Is.EqualTo(12.5m));
            Assert.That(record.GetProperty("Paid").ValueKind, Is.EqualTo(JsonValueKind.True));
            AssertRfc3339(record.GetProperty("At"), s_instant);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339DateTime();

    private static void AssertRfc3339(JsonElement field, DateTimeOffset expected)
    {
        Assert.That(field.ValueKind, Is.EqualTo(JsonValueKind.String));
        var text = field.GetString()!;
        Assert.That(text, Does.Match(Rfc3339DateTime()), "an RFC 3339 date-time");
        Assert.That(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    private static JsonElement LogValue(object? value)
    {
        using var capture = LineCapture.Json();
        capture.Logger().LogInformation("Value {Value}", value);
        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message", "Value")));
        return record.GetProperty("Value");
    }
}
