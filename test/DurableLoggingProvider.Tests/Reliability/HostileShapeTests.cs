using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// Values shaped to exhaust the logger given to <c>{@Value}</c> and to scopes: a list that holds itself, a
/// list and an object graph 10,000 deep, an enumerable that yields itself for ever, enormous dictionaries,
/// an endless scope, a 10,000-deep chain of inner exceptions, 10 MB of hostile text. Each gives exactly one
/// valid line within <see cref="DurableLoggerOptions.MaxRecordBytes"/>, without a crash, a stack overflow
/// or a hang (each log call runs under a deadline that fails the test rather than hang the suite). The
/// provider only ever calls <c>ToString</c> on a custom object; it never walks its members.
/// </summary>
[TestFixture]
public class HostileShapeTests
{
    private const int Limit = DurableLoggerOptions.DefaultMaxRecordBytes;

    public static IEnumerable<TestCaseData> Shapes()
    {
        foreach (var format in new[] { DurableLogFormat.Json, DurableLogFormat.Text })
        {
            yield return Case(format, "a list that holds itself", logger =>
            {
                var list = new List<object?> { 1 };
                list.Add(list);
                logger.LogInformation("Cyclic {@Value}", list);
            });
            yield return Case(format, "a list 10,000 deep", logger => logger.LogInformation("Deep {@Value}", NestedList(10_000)));
            yield return Case(format, "an object graph 10,000 deep", logger => logger.LogInformation("Deep {@Value}", Node.Chain(10_000)));
            yield return Case(format, "an object graph that holds itself", logger => logger.LogInformation("Cyclic {@Value}", Node.Cycle()));
            yield return Case(format, "an enumerable that yields itself for ever", logger =>
                // A custom formatter: the standard one would itself enumerate the value for ever, before the provider sees it.
                logger.Log(LogLevel.Information, default, new List<KeyValuePair<string, object?>> { new("Value", new SelfYielding()) }, null, (_, _) => "Endless"));
            yield return Case(format, "an endless sequence", logger =>
                logger.Log(LogLevel.Information, default, new List<KeyValuePair<string, object?>> { new("Value", Endless()) }, null, (_, _) => "Endless"));
            yield return Case(format, "a dictionary of 250,000 entries", logger => logger.LogInformation("Huge {@Value}", HugeDictionary(250_000)));
            yield return Case(format, "a list of 256 strings of 10 MB", logger =>
            {
                var large = new string('x', 10 * 1024 * 1024);
                logger.Log(LogLevel.Information, default, new List<KeyValuePair<string, object?>> { new("Value", Enumerable.Repeat(large, 256).ToList()) }, null, (_, _) => "Large items");
            });
            yield return Case(format, "a scope of 1,000,000 entries", logger =>
            {
                using (logger.BeginScope(HugeDictionary(1_000_000)))
                {
                    logger.LogInformation("Huge scope");
                }
            });
            yield return Case(format, "a scope of 10,000 values of 10 MB", logger =>
            {
                var large = new string('x', 10 * 1024 * 1024);
                using (logger.BeginScope(Enumerable.Range(0, 10_000).ToDictionary(i => $"Key{i}", _ => (object?)large)))
                {
                    logger.LogInformation("Huge values");
                }
            });
            yield return Case(format, "an endless scope", logger =>
            {
                using (logger.BeginScope(EndlessPairs()))
                {
                    logger.LogInformation("Endless scope");
                }
            });
            yield return Case(format, "a state of endless values", logger => logger.Log(LogLevel.Information, default, EndlessPairs(), null, (_, _) => "Endless state"));
            yield return Case(format, "a chain of 10,000 inner exceptions", logger => logger.LogError(ExceptionChain(10_000), "Failed"));
            yield return Case(format, "10 MB of control characters, NUL, lone surrogates and line breaks", logger => logger.LogInformation("{Message}", HostileText(10 * 1024 * 1024)));
            yield return Case(format, "a value whose ToString is 10 MB", logger => logger.LogInformation("Big {@Value}", new BigText()));
        }
    }

    [TestCaseSource(nameof(Shapes))]
    [CancelAfter(10_000)]
    public async Task AHostileShapeGivesOneValidLineWithinTheLimit(DurableLogFormat format, Action<ILogger> log, CancellationToken cancellationToken)
    {
        using var capture = new LineCapture(format);

        await Task.Run(() => log(capture.Logger()), cancellationToken).WaitAsync(cancellationToken);

        var line = capture.SingleLine();
        TestContext.Out.WriteLine($"{capture.Records[0].Length} bytes: {(line.Length > 300 ? line[..300] + "…" : line)}");
        Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(Limit));
        if (format == DurableLogFormat.Json)
        {
            JsonLine.Parse(line);
        }
        else
        {
            Assert.That(TextLine.Parse(line).Timestamp, Is.EqualTo("2026-07-22T10:11:12.345Z"));
        }
    }

    [Test]
    public void AnEndlessScopeIsReadUpToTheLimitAndTheRestIsMarkedAsLeftOut()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = DurableLoggerOptions.MaxMaxRecordBytes);
        var logger = capture.Logger();

        using (logger.BeginScope(EndlessPairs()))
        {
            logger.LogInformation("Endless scope");
        }

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.EnumerateObject().Count(property => property.Name.StartsWith("Key", StringComparison.Ordinal)), Is.EqualTo(RecordFields.MaxValuesPerSource));
            Assert.That(JsonLine.StringArray(record, "scopes"), Has.Some.Contains("left out"));
        }
    }

    [Test]
    public void ACyclicListIsWrittenOneLevelDeepWithTheInnerListAsItsTypeName()
    {
        using var capture = LineCapture.Json();
        var list = new List<object?> { 1 };
        list.Add(list);

        capture.Logger().LogInformation("Cyclic {@Value}", list);

        var value = capture.SingleJson().GetProperty("@Value");
        Assert.That(value.EnumerateArray().Select(item => item.ToString()), Is.EqualTo(Expected.Sequence("1", "[1, List`1]")));
    }

    [Test]
    public void ADeepExceptionChainKeepsTheFirstHundredLevelsAndSaysTheRestWasLeftOut()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = DurableLoggerOptions.MaxMaxRecordBytes);

        capture.Logger().LogError(ExceptionChain(10_000), "Failed");

        var record = capture.SingleJson();
        var stack = string.Join("\n", JsonLine.StringArray(record, "stackTrace"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "errorMessage"), Is.EqualTo("level 10000"));
            Assert.That(stack, Does.StartWith("System.InvalidOperationException: level 10000 ---> System.InvalidOperationException: level 9999"));
            Assert.That(stack, Does.Contain($"level {10_000 - ExceptionText.MaxInnerDepth}").And.Not.Contain($"level {10_000 - ExceptionText.MaxInnerDepth - 1} "));
            Assert.That(stack, Does.Contain("inner exceptions deeper than 100 levels are left out"));
        }
    }

    [TestCase(DurableLogFormat.Json, 2)]
    [TestCase(DurableLogFormat.Text, 1)]
    public void OfACustomObjectOnlyToStringIsCalledNeverItsMembers(DurableLogFormat format, int toStringCalls)
    {
        using var capture = new LineCapture(format);
        var node = Node.Chain(3);

        capture.Logger().LogInformation("Node {@Value}", node);

        // Once by the standard message formatter, and in JSON once more for the value's own field.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.ToStringCalls, Is.EqualTo(toStringCalls));
            Assert.That(node.MemberReads, Is.Zero);
        }
    }

    private static TestCaseData Case(DurableLogFormat format, string name, Action<ILogger> log) =>
        new TestCaseData(format, log).SetArgDisplayNames(format.ToString(), name);

    private static object NestedList(int depth)
    {
        object value = "leaf";
        for (var i = 0; i < depth; i++)
        {
            value = new List<object> { value };
        }

        return value;
    }

    private static Dictionary<string, object?> HugeDictionary(int entries) =>
        Enumerable.Range(0, entries).ToDictionary(i => $"Key{i}", i => (object?)i);

    private static IEnumerable<int> Endless()
    {
        for (var i = 0; ; i++)
        {
            yield return i;
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> EndlessPairs()
    {
        for (var i = 0; ; i++)
        {
            yield return new($"Key{i}", i);
        }
    }

    private static Exception ExceptionChain(int depth)
    {
        Exception failure = new InvalidOperationException("level 0");
        for (var level = 1; level <= depth; level++)
        {
            failure = new InvalidOperationException($"level {level}", failure);
        }

        return failure;
    }

    private static string HostileText(int length)
    {
        char[] hostile = ['\0', '\n', '\r', '\u0001', '\u001b', '\u007f', '\uD800', '\uDC00', '"', '\\', '\u2028', 'a', 'é', '日'];
        var random = new Random(20260722);
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = hostile[random.Next(hostile.Length)];
        }

        return new string(text);
    }

    /// <summary>An object graph node that counts how it is looked at: its text, and reads of its members.</summary>
    private sealed class Node
    {
        private Node? _next;
        private int _toStringCalls;
        private int _memberReads;

        private Node(Node? next)
        {
            _next = next;
        }

        public Node? Next
        {
            get
            {
                Interlocked.Increment(ref _memberReads);
                return _next;
            }
        }

        public int ToStringCalls => Volatile.Read(ref _toStringCalls);

        public int MemberReads => Volatile.Read(ref _memberReads);

        public static Node Chain(int depth)
        {
            Node? node = null;
            for (var i = 0; i < depth; i++)
            {
                node = new Node(node);
            }

            return node!;
        }

        public static Node Cycle()
        {
            var last = new Node(null);
            var first = new Node(last);
            last.SetNext(first);
            return first;
        }

        public override string ToString()
        {
            Interlocked.Increment(ref _toStringCalls);
            return "node";
        }

        private void SetNext(Node next) => _next = next;
    }

    private sealed class SelfYielding : IEnumerable
    {
        public IEnumerator GetEnumerator()
        {
            while (true)
            {
                yield return this;
            }
        }
    }

    private sealed class BigText
    {
        private static readonly string s_text = new('b', 10 * 1024 * 1024);

        public override string ToString() => s_text;
    }
}
