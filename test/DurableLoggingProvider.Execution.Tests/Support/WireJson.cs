using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DurableLoggingProvider.Execution.Tests.Support;

/// <summary>Helpers to state expected wire JSON readably.</summary>
internal static class WireJson
{
    /// <summary>
    /// The JSON without insignificant whitespace, keys in the order written, so that an expectation
    /// can be written indented and still be compared as exact text.
    /// </summary>
    public static string Compact(string json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var document = JsonDocument.Parse(json))
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
