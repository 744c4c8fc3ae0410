using System;
using System.Collections.Generic;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// Redaction: the values of the configured field names (<see cref="DurableLoggerOptions.RedactedFields"/>)
/// are never written. Wherever such a name appears (a template value, a scope value), in JSON and Text, the
/// value is replaced by the mask before anything formats it, and a message whose template holds it is
/// rendered with the mask. Only names are matched.
/// </summary>
[TestFixture]
public class RedactionTests
{
    private const string Secret = "hunter2-s3cr3t";
    private const string Mask = DurableLoggerOptions.DefaultRedactionMask;

    [Test]
    public void InJsonATemplateValueOfARedactedNameIsMaskedInItsFieldAndInTheMessage()
    {
        using var capture = Redacting(DurableLogFormat.Json, "password");

        capture.Logger().LogInformation("User {User} logged in with {Password}", "alice", Secret);

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "Password"), Is.EqualTo(Mask));
            Assert.That(JsonLine.String(record, "User"), Is.EqualTo("alice"));
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo($"User alice logged in with {Mask}"));
            Assert.That(capture.SingleLine(), Does.Not.Contain(Secret));
        }
    }

    [Test]
    public void InTextATemplateValueOfARedactedNameIsMaskedInTheMessage()
    {
        using var capture = Redacting(DurableLogFormat.Text, "password");

        capture.Logger().LogInformation("User {User} logged in with {Password}", "alice", Secret);

        Assert.That(capture.SingleLine(), Is.EqualTo($"2026-07-22T10:11:12.345Z\t\tINFO\tUser alice logged in with {Mask} category=Tests.Category"));
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void ScopeValuesOfRedactedNamesAreMaskedWhateverKindOfScopeHoldsThem(DurableLogFormat format)
    {
        using var capture = Redacting(format, "password", "token", "authorization");
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Password"] = Secret, ["Order"] = 42 }))
        using (logger.BeginScope(new Dictionary<string, string?> { ["Authorization"] = "Bearer " + Secret }))
        using (logger.BeginScope("Session {Token}", Secret))
        {
            logger.LogInformation("Scoped");
        }

        var line = capture.SingleLine();
        Assert.That(line, Does.Not.Contain(Secret));
        if (format == DurableLogFormat.Json)
        {
            var record = JsonLine.Parse(line);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(JsonLine.String(record, "Password"), Is.EqualTo(Mask));
                Assert.That(JsonLine.String(record, "Authorization"), Is.EqualTo(Mask));
                Assert.That(JsonLine.String(record, "Token"), Is.EqualTo(Mask));
                Assert.That(record.GetProperty("Order").GetInt32(), Is.EqualTo(42));
            }
        }
        else
        {
            Assert.That(line, Does.Contain($" Token={Mask}").And.Contain($" Authorization={Mask}").And.Contain($" Password={Mask}").And.Contain(" Order=42"));
        }
    }

    [TestCase("{Password}")]
    [TestCase("{PASSWORD}")]
    [TestCase("{password}")]
    [TestCase("{@Password}")]
    [TestCase("{$Password}")]
    [TestCase("{Password,20}")]
    [TestCase("{Password:X}")]
    public void NamesMatchInAnyCaseAndWithACapturePrefix(string placeholder)
    {
        using var capture = Redacting(DurableLogFormat.Json, "PassWord");

#pragma warning disable CA2254 // The placeholder varies by test case.
        capture.Logger().LogInformation("Login " + placeholder, Secret);
#pragma warning restore CA2254

        var line = capture.SingleLine();
        Assert.That(line, Does.Not.Contain(Secret));
        Assert.That(JsonLine.String(JsonLine.Parse(line), "message"), Does.StartWith("Login ").And.Contain(Mask));
    }

    [Test]
    public void APlaceholderRepeatedInOneTemplateIsMaskedEachTime()
    {
        using var capture = Redacting(DurableLogFormat.Json, "token");

        capture.Logger().LogInformation("Old {Token}, new {Token}", Secret, Secret + "-2");

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo($"Old {Mask}, new {Mask}"));
            Assert.That(JsonLine.String(record, "Token"), Is.EqualTo(Mask));
            Assert.That(JsonLine.String(record, "Token_1"), Is.EqualTo(Mask));
        }
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void TheOtherValuesOfAMaskedMessageAreRenderedExactlyAsTheStandardFormatterRendersThem(DurableLogFormat format)
    {
        const string Template = "{{literal}} {User,-8}|{Amount:N2}|{When:yyyy-MM-dd}|{Items}|{Missing}|{Ratio:P0} paid with {Token}";
        var when = new DateTime(2026, 7, 22, 10, 11, 12, DateTimeKind.Utc);
        object?[] values = ["alice", 1234.5m, when, new[] { 1, 2, 3 }, null, 0.25];

        // The message the standard formatter renders when the secret's value is the mask itself.
        using var plain = new LineCapture(format);
#pragma warning disable CA2254 // One template, logged twice.
        plain.Logger().LogInformation(Template, [.. values, Mask]);
        using var redacted = Redacting(format, "token");
        redacted.Logger().LogInformation(Template, [.. values, Secret]);
#pragma warning restore CA2254

        Assert.That(redacted.SingleLine(), Is.EqualTo(plain.SingleLine()));
    }

    [Test]
    public void TheMaskCanBeChosen()
    {
        using var capture = Redacting(DurableLogFormat.Json, options => options.RedactionMask = "***", "apiKey");

        capture.Logger().LogInformation("Calling with {ApiKey}", Secret);

        Assert.That(JsonLine.String(capture.SingleJson(), "message"), Is.EqualTo("Calling with ***"));
    }

    [Test]
    public void AMaskedScopeValueIsNeverTurnedIntoText()
    {
        using var capture = Redacting(DurableLogFormat.Text, "password");
        var logger = capture.Logger();
        var secret = new CountingValue();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Password"] = secret }))
        {
            logger.LogInformation("Scoped");
        }

        Assert.That(secret.ToStringCalls, Is.Zero);
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void AMaskedTemplateValueIsNeverTurnedIntoTextByTheProvider(DurableLogFormat format)
    {
        using var capture = Redacting(format, "password");
        var secret = new CountingValue();
        var state = new List<KeyValuePair<string, object?>> { new("Password", secret), new("{OriginalFormat}", "With {Password}") };

        // A formatter that does not look at the values: what remains is what the provider does with them.
        capture.Logger().Log(LogLevel.Information, default, state, null, (_, _) => "With a password");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret.ToStringCalls, Is.Zero);
            Assert.That(capture.SingleLine(), Does.Contain($"With {Mask}"));
        }
    }

    [Test]
    public void GivenTheGatheredFieldsTheMessageOfAMaskedRecordIsRenderedWithoutCallingTheCallersFormatter()
    {
        // The overload the logger's hot path can call so that the standard formatter never sees a masked value either.
        var fields = new RecordFields();
        var secret = new CountingValue();
        var state = new List<KeyValuePair<string, object?>> { new("User", "alice"), new("Password", secret), new("{OriginalFormat}", "{User} with {Password}") };
        fields.Collect(state, scopes: null, FieldNames.For(FieldNaming.CamelCase, FieldRedaction.From(["password"], Mask)));
        var formatterCalls = 0;

        MessageRenderer.Render(state, null, (_, _) => $"{++formatterCalls}", fields);
        var message = fields.Message.ToString();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Is.EqualTo($"alice with {Mask}"));
            Assert.That(formatterCalls, Is.Zero);
            Assert.That(secret.ToStringCalls, Is.Zero);
        }
    }

    [Test]
    public void WithoutRedactedFieldsNothingIsMasked()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Login with {Password}", Secret);

        Assert.That(JsonLine.String(capture.SingleJson(), "Password"), Is.EqualTo(Secret));
    }

    [Test]
    public void OnlyNamesAreMatchedNotTextNorOtherNames()
    {
        using var capture = Redacting(DurableLogFormat.Json, "password");
        var logger = capture.Logger();

        using (logger.BeginScope($"password={Secret}"))
        {
            logger.LogError(new InvalidOperationException($"bad password {Secret}"), "Login failed for {UserPassword}", Secret);
        }

        // What this test pins down is what the documentation warns about: these are written as they are.
        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "UserPassword"), Is.EqualTo(Secret), "another name");
            Assert.That(JsonLine.String(record, "errorMessage"), Does.Contain(Secret), "an exception's message");
            Assert.That(JsonLine.StringArray(record, "scopes"), Has.Some.Contains(Secret), "a plain scope's text");
        }
    }

    [Test]
    public void ARedactedNameLikeOneOfTheRecordsOwnKeysIsMaskedUnderItsRenamedKey()
    {
        using var capture = Redacting(DurableLogFormat.Json, "message");

#pragma warning disable CA1727 // The placeholder is named like the record's own key on purpose.
        capture.Logger().LogInformation("Got {message}", Secret);
#pragma warning restore CA1727

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message_1"), Is.EqualTo(Mask));
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo($"Got {Mask}"));
        }
    }

    [Test]
    public void ALoggedRecordWithAMaskedValueNeverReachesTheCallersFormatter()
    {
        using var capture = Redacting(DurableLogFormat.Json, "password");
        var formatterCalls = 0;
        var state = new List<KeyValuePair<string, object?>>
        {
            new("user", "ana"),
            new("password", "hunter2"),
            new("{OriginalFormat}", "Signing in {user} with {password}"),
        };

        capture.Logger().Log(LogLevel.Information, default, state, null, (_, _) => $"formatted {++formatterCalls} hunter2");

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(formatterCalls, Is.Zero);
            Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("Signing in ana with [REDACTED]"));
            Assert.That(record.GetProperty("password").GetString(), Is.EqualTo("[REDACTED]"));
        }
    }

    private static LineCapture Redacting(DurableLogFormat format, params string[] names) => Redacting(format, null, names);

    private static LineCapture Redacting(DurableLogFormat format, Action<DurableLoggerOptions>? configure, params string[] names) =>
        new(format, options =>
        {
            foreach (var name in names)
            {
                options.RedactedFields.Add(name);
            }

            configure?.Invoke(options);
        });
}
