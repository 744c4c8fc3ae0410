using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// One provider's held lines, a buffer per invocation, kept with the invocation (so a buffer whose invocation is
/// never reported ended goes when the invocation does), and what the buffers write through: the provider's sink
/// and its failure count. Outlives configuration reloads; disposing the provider writes every buffer out.
/// </summary>
internal sealed class InvocationBuffers
{
    private readonly ConditionalWeakTable<LambdaInvocation, InvocationBuffer> _buffers = new();
    private readonly ILogSink _sink;
    private readonly IRecordKeepingSink? _keepingSink;
    private readonly SinkFailureReport _failures;
    private readonly TimeProvider _time;
    private readonly Func<LoggerSettings> _settings;
    private int _stopped;

    public InvocationBuffers(ILogSink sink, SinkFailureReport failures, TimeProvider time, Func<LoggerSettings> settings)
    {
        _sink = sink;
        _keepingSink = sink as IRecordKeepingSink;
        _failures = failures;
        _time = time;
        _settings = settings;
    }

    /// <summary>Whether the provider was disposed: from then on nothing is held.</summary>
    public bool IsStopped => Volatile.Read(ref _stopped) == 1;

    /// <summary>The invocation's buffer, made (and told of the invocation's end) on first use.</summary>
    public InvocationBuffer For(LambdaInvocation invocation, int maxBytes)
    {
        if (_buffers.TryGetValue(invocation, out var buffer))
        {
            return buffer;
        }

        lock (_buffers)
        {
            if (!_buffers.TryGetValue(invocation, out buffer))
            {
                buffer = new InvocationBuffer(this, maxBytes);
                _buffers.Add(invocation, buffer);
                InvocationEnds.Listen(invocation, buffer);
            }

            return buffer;
        }
    }

    public InvocationBuffer? Find(LambdaInvocation invocation) => _buffers.TryGetValue(invocation, out var buffer) ? buffer : null;

    /// <summary>Writes every invocation's held lines and holds nothing more: the provider is being disposed.</summary>
    public void WriteAllAndStop()
    {
        Volatile.Write(ref _stopped, 1);
        foreach (var (_, buffer) in _buffers)
        {
            buffer.EndByDisposal();
        }
    }

    public void WriteHeld(HeldLine line)
    {
        try
        {
            if (_keepingSink is not null)
            {
                _keepingSink.Write(line.Bytes, line.ToRecord(), line.Format);
            }
            else
            {
                _sink.Write(line.Bytes);
            }

            _failures.Recovered();
        }
        catch (Exception failure)
        {
            _failures.Failed(failure);
        }
    }

    /// <summary>After a flush with no line to carry the count: one line of the provider's own saying how many held lines were evicted.</summary>
    public void WriteEvictionNote(int evicted, AmbientFrame? frame)
    {
        var settings = _settings();
        var field = settings.Buffering?.EvictedField ?? ProviderMarks.BufferEvicted(FieldNaming.CamelCase);
        var fields = new RecordFields();
        fields.AddProviderField(field, evicted);
        var message =
            $"{evicted} held lines of this invocation were evicted, oldest first, to keep within " +
            $"{DurableLoggerOptionsValidation.Key("Buffering:MaxBytes")}; raise it to keep more.";
        var record = new LogRecord(
            _time.GetUtcNow(), LogLevel.Warning, typeof(DurableLoggerProvider).Namespace!, default, message, null, frame, isReplay: false, fields);
        settings.Writer.Write(in record);
    }
}
