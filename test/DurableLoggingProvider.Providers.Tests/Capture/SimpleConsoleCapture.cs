using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>
/// MEL's console provider with its simple formatter, on one line per record, scopes on: <c>info: Orders[0] =&gt; scope message</c>.
/// A scope is written as its text, so each line's scope values are the <c>key=value</c> pairs of that text.
/// </summary>
internal sealed class SimpleConsoleCapture : IProviderCapture
{
    private readonly ConsoleOutput _output = new();

    public string ProviderAlias => "Console";

    public void AddTo(ILoggingBuilder logging) => logging.AddSimpleConsole(options =>
    {
        options.SingleLine = true;
        options.IncludeScopes = true;
        options.ColorBehavior = LoggerColorBehavior.Disabled;
    });

    public IReadOnlyList<CapturedLine> Lines() => _output.Lines().Select(Parse).ToList();

    public void Dispose() => _output.Dispose();

    // "info: Orders[0] => executionArn=arn…, requestId=r1 Order received": the level, the category and event id,
    // then each scope after "=> ", then the message.
    private static CapturedLine Parse(string line)
    {
        var rest = line[(line.IndexOf(']', System.StringComparison.Ordinal) + 2)..];
        var values = new Dictionary<string, string?>();
        while (rest.StartsWith("=> ", System.StringComparison.Ordinal))
        {
            var end = rest.IndexOf(" => ", 3, System.StringComparison.Ordinal);
            var scopeEnd = end < 0 ? LastScopeEnd(rest) : end;
            foreach (var pair in rest[3..scopeEnd].Split(", "))
            {
                var equals = pair.IndexOf('=', System.StringComparison.Ordinal);
                if (equals > 0)
                {
                    values[pair[..equals]] = pair[(equals + 1)..];
                }
            }

            rest = rest[(scopeEnd + 1)..];
        }

        return new CapturedLine(rest, values);
    }

    // The last scope's text ends before the message; durable field values hold no spaces, so the pairs end at
    // the first space that does not follow a comma.
    private static int LastScopeEnd(string rest)
    {
        for (var i = 3; i < rest.Length; i++)
        {
            if (rest[i] == ' ' && rest[i - 1] != ',')
            {
                return i;
            }
        }

        return rest.Length;
    }
}
