using System;
using System.IO;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>Standard output turned into a string while a console provider writes, then put back.</summary>
internal sealed class ConsoleOutput : IDisposable
{
    private readonly TextWriter _original = Console.Out;
    private readonly StringWriter _captured = new();

    public ConsoleOutput()
    {
        Console.SetOut(_captured);
    }

    public string[] Lines() => _captured.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        Console.SetOut(_original);
        _captured.Dispose();
    }
}
