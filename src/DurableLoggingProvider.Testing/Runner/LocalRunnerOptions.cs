using System;
using System.Collections.Generic;
using System.IO;
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

    /// <summary>
    /// Paging and pruning of the in-memory service. By default it drops the children of finished contexts,
    /// as the real service does, so they are missing from <see cref="LocalRunResult{T}.Operations"/> and
    /// <see cref="LocalRunResult{T}.OperationTree"/>; set <see cref="InMemoryServiceOptions.PruneFinishedContexts"/>
    /// to <see langword="false"/> to keep the whole tree.
    /// </summary>
    public InMemoryServiceOptions Service { get; init; } = new();

    /// <summary>The replay mode of the execution; <see langword="null"/> to follow the logging configuration.</summary>
    public ReplayMode? ReplayMode { get; init; }

    /// <summary>The line format of the runner's own logger factory (used when <see cref="LoggerFactory"/> is not given). Default JSON, so that lines can be parsed.</summary>
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

    /// <summary>
    /// Whether timers run in real time: the runner waits for each timer, and the service's clock is the real
    /// one. By default time is skipped: the clock jumps to the next timer.
    /// </summary>
    public bool RealTime { get; init; }

    /// <summary>
    /// Where to print the log stream as CloudWatch would hold it: Lambda's <c>START</c> line, every line the
    /// invocation wrote, then <c>END</c> and <c>REPORT</c>, for each invocation. <see langword="null"/> (the
    /// default) prints nothing.
    /// </summary>
    /// <remarks>
    /// <c>REPORT</c>'s <c>Max Memory Used</c> is this process's peak working set
    /// (<see cref="System.Diagnostics.Process.PeakWorkingSet64"/>), not a Lambda sandbox's, and its
    /// <c>Init Duration</c>, on the runner's first invocation only, is the time the runner took to set up.
    /// The version is <c>AWS_LAMBDA_FUNCTION_VERSION</c>, or <c>$LATEST</c>.
    /// </remarks>
    public TextWriter? Output { get; init; }

    /// <summary>
    /// The <c>Memory Size</c> that <c>REPORT</c> lines show when <c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c> is not
    /// set. Default 128, Lambda's own default.
    /// </summary>
    public int MemorySizeMB { get; init; } = 128;

    /// <summary>The most invocations before the runner gives up. Default 1,000.</summary>
    public int MaxInvocations { get; init; } = 1000;

    /// <summary>
    /// Answers callbacks: called at each suspension for every callback still waiting, with the number of
    /// the invocation that just ended; return an answer, or <see langword="null"/> to leave it waiting.
    /// A <see cref="CallbackAnswer.Heartbeat"/> leaves it waiting too, but restarts its heartbeat deadline.
    /// A callback left waiting times out when the clock passes its <c>Timeout</c> or <c>HeartbeatTimeout</c>;
    /// one with neither, never answered, leaves the execution stuck (<see cref="LocalRunResult{T}.StuckReason"/>).
    /// </summary>
    public Func<PendingCallback, CallbackAnswer?>? AnswerCallback { get; init; }

    /// <summary>
    /// Answers callbacks by the name the workflow gave them: <c>CreateCallbackAsync</c>'s name, or, for the
    /// callback of a <c>WaitForCallbackAsync</c>, the wait-for-callback's name. A callback of a name given here is
    /// answered so at each suspension it is waiting at (a <see cref="CallbackAnswer.Heartbeat"/> at each one);
    /// every other callback goes to <see cref="AnswerCallback"/>. Names are compared exactly.
    /// </summary>
    /// <remarks>
    /// The run fails with an <see cref="InvalidOperationException"/> that says so when two callbacks of a name given
    /// here wait at once (answer those with <see cref="AnswerCallback"/>, which sees each one's
    /// <see cref="PendingCallback.OperationId"/>), or when no callback of a name given here waited during the run.
    /// </remarks>
    public IDictionary<string, CallbackAnswer> CallbackAnswers { get; init; } = new Dictionary<string, CallbackAnswer>(StringComparer.Ordinal);

    /// <summary>Functions that chained invokes call, by function name: given the payload (JSON text), return the result (JSON text).</summary>
    public IDictionary<string, Func<string?, Task<string?>>> Functions { get; init; } = new Dictionary<string, Func<string?, Task<string?>>>();

    /// <summary>
    /// Crashes invocation <c>Key</c> (1-based) after <c>Value</c> checkpoint calls, to test recovery: its next call
    /// fails, as does every one after it. To aim at an operation instead, use <see cref="CrashAt"/>.
    /// </summary>
    public IDictionary<int, int> CrashAfterCheckpoints { get; init; } = new Dictionary<int, int>();

    /// <summary>
    /// Crashes an invocation at an operation's checkpoint, to test recovery: before the call that carries the
    /// operation's update reaches the service, or after the service applied it (<see cref="CrashPoint"/>). Each
    /// point fires once in a run. A crashed invocation ends with no output; the runner invokes again with the
    /// state as the service holds it, and marks the invocation <see cref="InvocationRecord.Crashed"/>.
    /// </summary>
    /// <remarks>
    /// The run fails with an <see cref="InvalidOperationException"/> that lists the operations it checkpointed
    /// when a point never fired (a misspelt name, an action the operation never took, an invocation that never came).
    /// </remarks>
    public IList<CrashPoint> CrashAt { get; init; } = new List<CrashPoint>();
}
