using System;
using System.Text;

namespace DurableLoggingProvider;

/// <summary>The last-resort channel for the provider's own trouble: one raw line on standard error.</summary>
internal static class StandardError
{
    public static void WriteLine(string message)
    {
        try
        {
            using var error = Console.OpenStandardError();
            error.Write(Encoding.UTF8.GetBytes(message.ReplaceLineEndings(" ") + "\n"));
        }
        catch (Exception)
        {
            // Nowhere is left to say that standard error failed.
        }
    }
}
