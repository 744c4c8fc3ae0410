using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Testing;

/// <summary>How the local runner runs an execution.</summary>
public sealed class LocalRunnerOptions
{
    /// <summary>The serializer of the input, results and checkpointed values. Default: reflection-based System.Text.Json.</summary>
    public IDurableSerializer? Serializer { get; init; }

    /// <summary>The durable execution's ARN. Default: a made-up ARN of a function named <c>local-function</c>.</summary>
    public string ExecutionArn { get; init; } = "arn:aws:lambda:us-east-1:123456789012:function:local-function:$LATEST/durable-execution/local-execution/00000000-0000-4000-8000-000000000000";

    /// <summary>Paging and pruning of the in-memory service.</summary>
    public InMemoryServiceOptions Service { get; init; } = new();

    /// <summary>The replay mode of the execution; <see langword="null"/> to follow the logging configuration.</summary>
    public ReplayMode? ReplayMode { get; init; }

    /// <summary>The line format recorded. Default JSON, so that lines can be parsed.</summary>
    public DurableLogFormat LogFormat { get; init; } = DurableLogFormat.Json;

    /// <summary>
    /// The logger factory the workflow's loggers come from, with the durable provider writing to
    /// <see cref="Sink"/> (for example an application's own service provider). Give both or neither; by
    /// default the runner makes its own.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The sink <see cref="LoggerFactory"/>'s durable provider writes to.</summary>
    public RecordingLogSink? Sink { get; init; }

    /// <summary>Adds more logging configuration (levels, other providers) to the runner's logger factory.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Whether timers run in real time; by default time is skipped.</summary>
    public bool RealTime { get; init; }

    /// <summary>The most invocations before the runner gives up. Default 1,000.</summary>
    public int MaxInvocations { get; init; } = 1000;

    /// <summary>
    /// Answers callbacks: called at each suspension for every callback still waiting, with the number of
    /// the invocation that just ended; return an answer, or <see langword="null"/> to leave it waiting.
    /// </summary>
    public Func<PendingCallback, CallbackAnswer?>? AnswerCallback { get; init; }

    /// <summary>Functions that chained invokes call, by function name: given the payload (JSON text), return the result (JSON text).</summary>
    public IDictionary<string, Func<string?, Task<string?>>> Functions { get; init; } = new Dictionary<string, Func<string?, Task<string?>>>();

    /// <summary>Crashes invocation <c>Key</c> (1-based) after <c>Value</c> checkpoint calls, to test recovery.</summary>
    public IDictionary<int, int> CrashAfterCheckpoints { get; init; } = new Dictionary<int, int>();
}
