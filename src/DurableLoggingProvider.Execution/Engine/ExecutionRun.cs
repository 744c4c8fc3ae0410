using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>Everything one invocation of one execution shares: its state, checkpoints, running flows, serializer and loggers.</summary>
internal sealed class ExecutionRun
{
    private Exception? _fatal;

    public ExecutionRun(
        string executionArn, CheckpointState state, CheckpointBatcher checkpoints, RunningFlows running, BlockedFlows blocked, DurableExecutionOptions options, ILoggerFactory loggers, LambdaInvocation invocation)
    {
        ExecutionArn = executionArn;
        State = state;
        Checkpoints = checkpoints;
        Running = running;
        Blocked = blocked;
        Serializer = options.Serializer;
        ReplayMode = options.ReplayMode;
        Invocation = invocation;
        WorkflowLogger = loggers.CreateLogger(options.WorkflowLoggerCategory);
        ReplayLog = loggers.CreateLogger(EngineLog.ReplayCategory);
        SuspensionLog = loggers.CreateLogger(EngineLog.SuspensionCategory);
    }

    public string ExecutionArn { get; }

    public CheckpointState State { get; }

    public CheckpointBatcher Checkpoints { get; }

    public RunningFlows Running { get; }

    /// <summary>The awaits waiting on the service, resumed when a checkpoint's answer shows their operations finished.</summary>
    public BlockedFlows Blocked { get; }

    public IDurableSerializer Serializer { get; }

    public ReplayMode? ReplayMode { get; }

    public LambdaInvocation Invocation { get; }

    public ILogger WorkflowLogger { get; }

    public ILogger ReplayLog { get; }

    public ILogger SuspensionLog { get; }

    /// <summary>An error that fails the execution whatever the workflow code does with it (non-determinism).</summary>
    public Exception? Fatal => Volatile.Read(ref _fatal);

    public void FailExecution(Exception exception) => Interlocked.CompareExchange(ref _fatal, exception, null);
}
