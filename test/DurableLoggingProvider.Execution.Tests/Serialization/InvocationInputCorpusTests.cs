using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using DurableLoggingProvider.Execution.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>
/// Whatever arrives, reading it either succeeds or throws <see cref="DurableExecutionInputException"/>:
/// hundreds of generated variants of a valid input, none of which may escape as another exception.
/// </summary>
[TestFixture]
public class InvocationInputCorpusTests
{
    private const int Seed = 20260101;

    [Test]
    public void EveryVariantOfAValidInputEitherParsesOrIsRejectedAsInvalidInput()
    {
        var mutations = InvocationInputMutations.Of(WireJson.Compact(SampleInvocationInput.Full), Seed).ToList();
        var escaped = new List<string>();
        var parsed = 0;
        var rejected = 0;
        var clock = Stopwatch.StartNew();

        foreach (var mutation in mutations)
        {
            foreach (var outcome in new[] { ParseBytes(mutation), ParseText(mutation) })
            {
                switch (outcome)
                {
                    case null:
                        parsed++;
                        break;
                    case DurableExecutionInputException invalid when invalid.FieldPath is not null
                        && invalid.Message.StartsWith($"Invalid durable execution input at {invalid.FieldPath}: ", StringComparison.Ordinal):
                        rejected++;
                        break;
                    default:
                        escaped.Add($"{mutation.Description}: {outcome.GetType().Name}: {outcome.Message}");
                        break;
                }
            }
        }

        TestContext.Out.WriteLine($"{mutations.Count} variants: {parsed} parsed, {rejected} rejected, in {clock.ElapsedMilliseconds} ms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(escaped, Is.Empty);
            Assert.That(mutations, Has.Count.GreaterThan(500));
            Assert.That(parsed, Is.GreaterThan(50));
            Assert.That(rejected, Is.GreaterThan(500));
        }
    }

    [Test]
    public void TheSameSeedGivesTheSameVariants()
    {
        var json = WireJson.Compact(SampleInvocationInput.Full);

        var first = InvocationInputMutations.Of(json, Seed).Take(400).Select(m => Convert.ToBase64String(m.Utf8Json));
        var second = InvocationInputMutations.Of(json, Seed).Take(400).Select(m => Convert.ToBase64String(m.Utf8Json));

        Assert.That(first, Is.EqualTo(second));
    }

    private static Exception? ParseBytes(InputMutation mutation)
    {
        try
        {
            DurableWireFormat.ParseInvocationInput(mutation.Utf8Json);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static Exception? ParseText(InputMutation mutation)
    {
        // Bytes that are not UTF-8 have no string form to test; the byte overload covered them.
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(mutation.Utf8Json);
        }
        catch (DecoderFallbackException)
        {
            return ParseBytes(mutation);
        }

        try
        {
            DurableWireFormat.ParseInvocationInput(text);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
