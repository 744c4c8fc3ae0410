using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>MEL's console provider with its JSON formatter, scopes on: each line parsed, its scopes' keys read.</summary>
internal sealed class JsonConsoleCapture : IProviderCapture
{
    private readonly ConsoleOutput _output = new();

    public string ProviderAlias => "Console";

    public void AddTo(ILoggingBuilder logging) => logging.AddJsonConsole(options =>
    {
        options.IncludeScopes = true;
        options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
    });

    public IReadOnlyList<CapturedLine> Lines() => _output.Lines().Select(Parse).ToList();

    public void Dispose() => _output.Dispose();

    private static CapturedLine Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var values = new Dictionary<string, string?>();
        if (document.RootElement.TryGetProperty("Scopes", out var scopes))
        {
            foreach (var scope in scopes.EnumerateArray().Where(scope => scope.ValueKind == JsonValueKind.Object))
            {
                foreach (var property in scope.EnumerateObject().Where(property => property.Name != "Message"))
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
        }

        return new CapturedLine(document.RootElement.GetProperty("Message").GetString()!, values);
    }
}
