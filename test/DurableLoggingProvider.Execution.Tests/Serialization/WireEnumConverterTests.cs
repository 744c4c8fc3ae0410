using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>Enums travel as the service's upper snake case strings, read case-sensitively.</summary>
[TestFixture]
public class WireEnumConverterTests
{
    [TestCase(OperationStatus.Started, "STARTED")]
    [TestCase(OperationStatus.Pending, "PENDING")]
    [TestCase(OperationStatus.Ready, "READY")]
    [TestCase(OperationStatus.Succeeded, "SUCCEEDED")]
    [TestCase(OperationStatus.Failed, "FAILED")]
    [TestCase(OperationStatus.Cancelled, "CANCELLED")]
    [TestCase(OperationStatus.TimedOut, "TIMED_OUT")]
    [TestCase(OperationStatus.Stopped, "STOPPED")]
    public void EveryOperationStatusHasTheSpecsString(OperationStatus status, string wire) => AssertBothWays(status, wire);

    [TestCase(OperationType.Execution, "EXECUTION")]
    [TestCase(OperationType.Context, "CONTEXT")]
    [TestCase(OperationType.Step, "STEP")]
    [TestCase(OperationType.Wait, "WAIT")]
    [TestCase(OperationType.Callback, "CALLBACK")]
    [TestCase(OperationType.ChainedInvoke, "CHAINED_INVOKE")]
    public void EveryOperationTypeHasTheSpecsString(OperationType type, string wire) => AssertBothWays(type, wire);

    [TestCase(OperationAction.Start, "START")]
    [TestCase(OperationAction.Succeed, "SUCCEED")]
    [TestCase(OperationAction.Fail, "FAIL")]
    [TestCase(OperationAction.Retry, "RETRY")]
    [TestCase(OperationAction.Cancel, "CANCEL")]
    public void EveryOperationActionHasTheSpecsString(OperationAction action, string wire) => AssertBothWays(action, wire);

    [TestCase(InvocationStatus.Succeeded, "SUCCEEDED")]
    [TestCase(InvocationStatus.Failed, "FAILED")]
    [TestCase(InvocationStatus.Pending, "PENDING")]
    public void EveryInvocationStatusHasTheSpecsString(InvocationStatus status, string wire) => AssertBothWays(status, wire);

    [TestCase("\"timed_out\"", "\"timed_out\"")]
    [TestCase("\"TimedOut\"", "\"TimedOut\"")]
    [TestCase("\"DONE\"", "\"DONE\"")]
    [TestCase("\"\"", "\"\"")]
    [TestCase("6", "the number 6")]
    [TestCase("null", "null")]
    [TestCase("true", "true")]
    [TestCase("[\"STARTED\"]", "an array")]
    [TestCase("{}", "an object")]
    public void AnythingButOneOfTheStringsIsRejectedNamingTheValueAndTheAllowedStrings(string json, string found)
    {
        var exception = Assert.Throws<JsonException>(() => Read<OperationStatus>(json));

        Assert.That(exception!.Message, Is.EqualTo(
            $"expected one of STARTED, PENDING, READY, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, STOPPED (OperationStatus strings are case-sensitive), found {found}."));
    }

    [Test]
    public void AValueWithoutAMemberCannotBeWritten()
    {
        var exception = Assert.Throws<JsonException>(() => Write((OperationType)42));

        Assert.That(exception!.Message, Does.Contain("42 is not a defined OperationType"));
    }

    [Test]
    public void TheWireNameOfAValueIsItsString()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WireEnumConverter<OperationType>.WireName(OperationType.ChainedInvoke), Is.EqualTo("CHAINED_INVOKE"));
            Assert.That(WireEnumConverter<OperationStatus>.AllowedWireNames, Does.StartWith("STARTED, PENDING, READY"));
        }
    }

    private static void AssertBothWays<TEnum>(TEnum value, string wire)
        where TEnum : struct, Enum
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Write(value), Is.EqualTo($"\"{wire}\""));
            Assert.That(Read<TEnum>($"\"{wire}\""), Is.EqualTo(value));
        }
    }

    private static string Write<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new WireEnumConverter<TEnum>().Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static TEnum Read<TEnum>(string json)
        where TEnum : struct, Enum
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return new WireEnumConverter<TEnum>().Read(ref reader, typeof(TEnum), JsonSerializerOptions.Default);
    }
}
