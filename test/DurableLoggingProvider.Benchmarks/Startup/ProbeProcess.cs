using System;
using System.Diagnostics;
using System.IO;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Startup;

/// <summary>Starts this executable again as a <see cref="StartupProbe"/>, the way this process was started, and waits for it to exit.</summary>
internal static class ProbeProcess
{
    /// <summary>Runs one probe process to its end.</summary>
    /// <param name="provider">The probe's mode: <see cref="StartupProbe.Durable"/> or <see cref="StartupProbe.Console"/>.</param>
    /// <returns>What the probe wrote to standard output.</returns>
    /// <exception cref="InvalidOperationException">The probe failed.</exception>
    public static string Run(string provider)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process's executable is unknown.");
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Started as `dotnet DurableLoggingProvider.Benchmarks.dll`, the probe is started the same way.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ProbeProcess).Assembly.Location);
        }

        start.ArgumentList.Add(StartupProbe.Command);
        start.ArgumentList.Add(provider);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{host} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw SanityChecks.Failed($"The {provider} start-up probe exited with {process.ExitCode}: {errors.GetAwaiter().GetResult()}");
        }

        return output;
    }
}
