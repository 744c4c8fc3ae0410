using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>
/// One logger as a benchmark measures it: its services writing to a <see cref="DiscardingStream"/>, an
/// <c>ILogger&lt;OrderWorkflow&gt;</c> resolved from them, and, for loggers that take the durable fields
/// from a scope, that scope pushed once. Disposing it ends the scope and the services.
/// </summary>
internal sealed class LoggerUnderTest : IWriterUnderTest, IDisposable
{
    private readonly ServiceProvider _services;
    private readonly DiscardingStream _output;
    private readonly string _name;
    private readonly int? _checkedLineLength;
    private readonly IDisposable? _scope;

    private LoggerUnderTest(string name, Func<Stream, ServiceProvider> build, bool durableFieldsAsScope, int? checkedLineLength)
    {
        _name = name;
        _output = new DiscardingStream();
        _services = build(_output);
        _checkedLineLength = checkedLineLength;
        Logger = _services.GetRequiredService<ILogger<OrderWorkflow>>();
        _scope = durableFieldsAsScope ? Logger.BeginScope(WorkloadFields.Scope) : null;
    }

    public ILogger Logger { get; }

    public string Name => _name;

    public long Writes => _output.Writes;

    /// <summary>
    /// Checks the setup, then opens it: one line written through a copy of the setup must be JSON carrying
    /// the message and every durable field; every line the iterations write must then have its length.
    /// </summary>
    /// <param name="name">The logger's name, for a failed check.</param>
    /// <param name="build">Builds the logger's services writing to the given stream.</param>
    /// <param name="durableFieldsAsScope">Whether to push the durable fields as a scope; ours reads them from the ambient context instead.</param>
    public static LoggerUnderTest OpenChecked(string name, Func<Stream, ServiceProvider> build, bool durableFieldsAsScope) =>
        OpenChecked(name, build, durableFieldsAsScope, logger => OrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency));

    /// <summary>As <see cref="OpenChecked(string, Func{Stream, ServiceProvider}, bool)"/>, the checked line written by <paramref name="log"/>, the call site the benchmark uses.</summary>
    /// <param name="name">The logger's name, for a failed check.</param>
    /// <param name="build">Builds the logger's services writing to the given stream.</param>
    /// <param name="durableFieldsAsScope">Whether to push the durable fields as a scope.</param>
    /// <param name="log">Writes the <see cref="OrderCharge"/> line.</param>
    public static LoggerUnderTest OpenChecked(string name, Func<Stream, ServiceProvider> build, bool durableFieldsAsScope, Action<ILogger> log)
    {
        var line = WriteOneLine(build, durableFieldsAsScope, log);
        LineCheck.RequireJson(Encoding.UTF8.GetString(line).TrimEnd('\n'), name);
        return new LoggerUnderTest(name, build, durableFieldsAsScope, line.Length);
    }

    /// <summary>Opens a setup without checking its line first (the caller checks it, or it writes nothing).</summary>
    /// <param name="name">The logger's name, for a failed check.</param>
    /// <param name="build">Builds the logger's services writing to the given stream.</param>
    /// <param name="durableFieldsAsScope">Whether to push the durable fields as a scope.</param>
    public static LoggerUnderTest Open(string name, Func<Stream, ServiceProvider> build, bool durableFieldsAsScope) =>
        new(name, build, durableFieldsAsScope, checkedLineLength: null);

    /// <summary>Writes through a fresh copy of a setup, over memory, and returns exactly the bytes written.</summary>
    /// <param name="build">Builds the logger's services writing to the given stream.</param>
    /// <param name="durableFieldsAsScope">Whether to push the durable fields as a scope.</param>
    /// <param name="log">The logging to do.</param>
    public static byte[] WriteOneLine(Func<Stream, ServiceProvider> build, bool durableFieldsAsScope, Action<ILogger> log)
    {
        using var memory = new MemoryStream();
        using (var services = build(memory))
        {
            var logger = services.GetRequiredService<ILogger<OrderWorkflow>>();
            using (durableFieldsAsScope ? logger.BeginScope(WorkloadFields.Scope) : null)
            {
                log(logger);
            }
        }

        return memory.ToArray();
    }

    /// <summary>
    /// Requires exactly one of <paramref name="loggers"/>, the one the benchmark measured, to have written,
    /// as <see cref="RequireIterationsWrote"/> says; skipped if the setup did not finish.
    /// </summary>
    /// <param name="loggers">The loggers a class opened for its benchmarks.</param>
    public static void RequireExactlyOneWrote(params IWriterUnderTest?[] loggers)
    {
        if (loggers.Any(logger => logger is null))
        {
            return;
        }

        var wrote = loggers.Where(logger => logger!.Writes > 0).ToList();
        if (wrote.Count != 1)
        {
            throw SanityChecks.Failed(
                $"Expected the iterations to write through exactly one logger, the measured one; they wrote through {wrote.Count}: {string.Join(", ", wrote.Select(logger => logger!.Name))}.");
        }

        wrote[0]!.RequireIterationsWrote();
    }

    /// <summary>
    /// Requires the iterations to have written, and, for a checked setup, the last line to have the checked
    /// line's length: a line without the durable fields, or with other values, would not.
    /// </summary>
    public void RequireIterationsWrote()
    {
        if (_output.Writes == 0)
        {
            throw SanityChecks.Failed($"{_name}: the iterations wrote nothing.");
        }

        if (_checkedLineLength is { } expected && _output.LastWriteLength != expected)
        {
            throw SanityChecks.Failed(
                $"{_name}: the iterations wrote lines of {_output.LastWriteLength} bytes, the checked line has {expected}: they did not write the same line.");
        }
    }

    /// <summary>Requires the iterations to have written nothing: every call filtered out or suppressed.</summary>
    public void RequireIterationsWroteNothing()
    {
        if (_output.Writes != 0)
        {
            throw SanityChecks.Failed($"{_name}: the iterations wrote {_output.Writes} line(s) where every call should have been dropped.");
        }
    }

    public void Dispose()
    {
        _scope?.Dispose();
        _services.Dispose();
        _output.Dispose();
    }
}
