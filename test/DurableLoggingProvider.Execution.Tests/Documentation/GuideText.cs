using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Documentation;

/// <summary>What the guide example tests read a guide and their own source with: the repository's files, compared line by line.</summary>
internal static partial class GuideText
{
    /// <summary>The text with each line's indentation and trailing spaces removed, and blank lines kept.</summary>
    public static string Normalized(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Trim('\n').Split('\n').Select(line => line.Trim()));

    /// <summary>The folder above the test's output that holds the solution.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DurableLoggingProvider.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No DurableLoggingProvider.sln above {TestContext.CurrentContext.TestDirectory}: run the tests from the repository's build output.");
    }

    /// <summary>A fenced C# block of a guide; its group <c>code</c> is the code.</summary>
    [GeneratedRegex("^```csharp\\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    public static partial Regex CSharpBlock();
}
