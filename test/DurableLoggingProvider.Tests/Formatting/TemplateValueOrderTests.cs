using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// docs/output-formats.md: after <c>message</c> come the template values, one field per placeholder, in the
/// template's order, whatever state the call site hands the logger.
/// </summary>
[TestFixture]
public class TemplateValueOrderTests
{
    private const string Template = "Shipment {ShipmentId} left {Warehouse} with {Parcels} parcels";

    private static readonly string[] s_templateOrder = ["ShipmentId", "Warehouse", "Parcels"];

    [Test]
    public void ALoggerMessageCallSiteWritesItsThreeValuesInTheTemplatesOrder()
    {
        using var capture = LineCapture.Json();

        ShipmentLog.ShipmentLeft(capture.Logger(), "shp-7", "north", 3);

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValuesAfterMessage(record), Is.EqualTo(s_templateOrder));
            Assert.That(record.GetProperty("ShipmentId").GetString(), Is.EqualTo("shp-7"));
            Assert.That(record.GetProperty("Warehouse").GetString(), Is.EqualTo("north"));
            Assert.That(record.GetProperty("Parcels").GetInt32(), Is.EqualTo(3));
            Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("Shipment shp-7 left north with 3 parcels"));
        }
    }

    [Test]
    public void LoggerMessageDefineWritesItsThreeValuesInTheTemplatesOrder()
    {
        var shipmentLeft = LoggerMessage.Define<string, string, int>(LogLevel.Information, new EventId(3, "ShipmentLeft"), Template);
        using var capture = LineCapture.Json();

        shipmentLeft(capture.Logger(), "shp-7", "north", 3, null);

        Assert.That(ValuesAfterMessage(capture.SingleJson()), Is.EqualTo(s_templateOrder));
    }

    private static string[] ValuesAfterMessage(System.Text.Json.JsonElement record) =>
        JsonLine.Keys(record).SkipWhile(key => key != "message").Skip(1).ToArray();
}
