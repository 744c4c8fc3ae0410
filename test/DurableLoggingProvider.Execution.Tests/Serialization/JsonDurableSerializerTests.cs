using System;
using System.Text.Json;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>The System.Text.Json serializer of checkpointed values, each instance with its own options.</summary>
[TestFixture]
public class JsonDurableSerializerTests
{
    [Test]
    public void EachSerializerWritesWithItsOwnOptionsWhenTwoAreUsedInTurn()
    {
        var camel = new JsonDurableSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = SerializerTestJsonContext.Default });
        var pascal = new JsonDurableSerializer(SerializerTestJsonContext.Default.Options);
        var charge = new CheckpointedCharge("order-1", 12.5m);

        var first = camel.Serialize(charge);
        var second = pascal.Serialize(charge);
        var third = camel.Serialize(charge);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo("""{"orderId":"order-1","amount":12.5}"""));
            Assert.That(second, Is.EqualTo("""{"OrderId":"order-1","Amount":12.5}"""));
            Assert.That(third, Is.EqualTo(first));
            Assert.That(pascal.Deserialize<CheckpointedCharge>(second), Is.EqualTo(charge));
        }
    }

    [Test]
    public void ATypeTheOptionsDoNotKnowIsRefusedNamingTheAttributeToAddEvenAfterAnotherSerializerKnewIt()
    {
        var knowing = new JsonDurableSerializer(SerializerTestJsonContext.Default.Options);
        var unknowing = new JsonDurableSerializer(new JsonSerializerOptions { TypeInfoResolver = UnrelatedJsonContext.Default });
        _ = knowing.Serialize(new CheckpointedCharge("order-1", 1m));

        Assert.That(
            () => unknowing.Serialize(new CheckpointedCharge("order-1", 1m)),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("Add [JsonSerializable(typeof(CheckpointedCharge))]"));
    }

    [Test]
    public void NullOrEmptyTextReadsAsTheDefault()
    {
        var serializer = new JsonDurableSerializer(SerializerTestJsonContext.Default.Options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(serializer.Deserialize<int>(null), Is.Zero);
            Assert.That(serializer.Deserialize<CheckpointedCharge>(string.Empty), Is.Null);
            Assert.That(serializer.Serialize<CheckpointedCharge?>(null), Is.Null);
        }
    }
}
