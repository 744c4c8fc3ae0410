using System;
using System.Text.Json;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>The size of an update as a checkpoint call writes it, counted without keeping its bytes.</summary>
[TestFixture]
public class ByteCountingStreamTests
{
    [TestCase("\"charged\"")]
    [TestCase("{\"note\":\"caf\u00e9 \u2014 \u00fcber \ud83d\ude00\",\"quote\":\"\\\"\"}")]
    [TestCase(null)]
    public void TheCountIsTheLengthOfTheUpdatesUtf8Json(string? payload)
    {
        var update = Update(payload);

        var counted = ByteCountingStream.Measure(update, DurableWireJsonContext.Wire.OperationUpdate);

        Assert.That(counted, Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(update, DurableWireJsonContext.Wire.OperationUpdate).Length));
    }

    [Test]
    public void AResultLargerThanTheSerializersBuffersIsCountedWhole()
    {
        var update = Update("\"" + new string('x', 300_000) + "\"");

        var counted = ByteCountingStream.Measure(update, DurableWireJsonContext.Wire.OperationUpdate);

        Assert.That(counted, Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(update, DurableWireJsonContext.Wire.OperationUpdate).Length));
    }

    [Test]
    public void TheStreamCannotBeReadOrMoved()
    {
        using var stream = new ByteCountingStream();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => stream.Read(new byte[1], 0, 1), Throws.TypeOf<NotSupportedException>());
            Assert.That(() => stream.Position = 1, Throws.TypeOf<NotSupportedException>());
            Assert.That(stream.CanRead, Is.False);
        }
    }

    private static OperationUpdate Update(string? payload) => new()
    {
        Id = OperationIds.Create(null, 1),
        Type = OperationType.Step,
        SubType = OperationSubTypes.Step,
        Action = OperationAction.Succeed,
        Name = "charge",
        Payload = payload,
    };
}
