using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>How an execution run by the local runner ended, and everything it did on the way.</summary>
/// <typeparam name="T">The execution's result type.</typeparam>
public sealed class LocalRunResult<T>
{
    private IReadOnlyList<JsonElement>? _startupRecords;

    internal LocalRunResult(InvocationStatus status, T? result, ErrorObject? error, IReadOnlyList<InvocationRecord> invocations, IReadOnlyList<Operation> operations, string? stuckReason, RunLines lines)
    {
        Status = status;
        Result = result;
        Error = error;
        Invocations = invocations;
        Operations = operations;
        OperationTree = OperationNode.Tree(operations);
        StuckReason = stuckReason;
        StartupLines = lines.Startup;
        LinesWithoutRequestId = lines.WithoutRequestId;
    }

    /// <summary>How the execution ended: <c>PENDING</c> only when nothing could resume it (see <see cref="StuckReason"/>).</summary>
    public InvocationStatus Status { get; }

    /// <summary>The execution's result.</summary>
    public T? Result { get; }

    /// <summary>The execution's error.</summary>
    public ErrorObject? Error { get; }

    /// <summary>Why the execution was left pending: what it waits for that nothing will bring.</summary>
    public string? StuckReason { get; }

    /// <summary>Every invocation, in order.</summary>
    public IReadOnlyList<InvocationRecord> Invocations { get; }

    /// <summary>The execution's operations as the service holds them at the end, in the order they were created.</summary>
    /// <remarks>
    /// By default the service drops the children of finished contexts, as the real service does; with
    /// <see cref="InMemoryServiceOptions.PruneFinishedContexts"/> set to <see langword="false"/> (in
    /// <see cref="LocalRunnerOptions.Service"/>) every operation is kept.
    /// </remarks>
    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>
    /// <see cref="Operations"/> as a tree: the roots in creation order (the <c>EXECUTION</c> operation first,
    /// then the handler's top-level operations), each context's operations as its children.
    /// </summary>
    /// <remarks>
    /// With pruning (the default, as the real service does), the children of finished contexts are gone:
    /// a finished child context, map or parallel is a leaf. Set <see cref="InMemoryServiceOptions.PruneFinishedContexts"/>
    /// to <see langword="false"/> (in <see cref="LocalRunnerOptions.Service"/>) to keep the whole tree.
    /// </remarks>
    public IReadOnlyList<OperationNode> OperationTree { get; }

    /// <summary>
    /// The start-up lines (<see cref="StartupLines"/>), then every line of every invocation, in any format, with
    /// what it is, in order: the log stream as CloudWatch would hold it, without the platform lines.
    /// </summary>
    public IReadOnlyList<RecordedLine> RecordedLines => StartupLines.Concat(Invocations.SelectMany(invocation => invocation.RecordedLines)).ToList();

    /// <summary>
    /// The lines written to the runner's sink before the run began, outside any invocation: an application's
    /// or its host's start-up, as a function's init phase writes them before its first invocation. For a
    /// runner's first run, every such line since its sink was made; for a later run, those since the last.
    /// They are never gated, and <see cref="LocalRunnerOptions.Output"/> prints them before the first <c>START</c>.
    /// </summary>
    public IReadOnlyList<RecordedLine> StartupLines { get; }

    /// <summary>
    /// The lines written to the runner's sink while the execution ran that carry no request id: written
    /// outside any invocation's context (a bug that loses the context, or code outside the handler, such as an
    /// <see cref="LocalRunnerOptions.AnswerCallback"/> between invocations). With a
    /// sink shared by executions running at the same time, some may be another execution's.
    /// </summary>
    public IReadOnlyList<RecordedLine> LinesWithoutRequestId { get; }

    /// <summary>
    /// The start-up lines, then every line of every invocation, that were written in the JSON format, parsed, in
    /// order (see <see cref="RecordedLines"/> for every format).
    /// </summary>
    public IReadOnlyList<JsonElement> Records =>
        (_startupRecords ??= StartupLines.Where(line => line.Format == DurableLogFormat.Json).Select(line => line.Json()).ToList())
            .Concat(Invocations.SelectMany(invocation => invocation.Records)).ToList();

    /// <summary>The records whose <c>message</c> is exactly <paramref name="message"/>.</summary>
    public IReadOnlyList<JsonElement> RecordsWithMessage(string message) =>
        Records.Where(record => record.TryGetProperty("message", out var text) && text.GetString() == message).ToList();

    /// <summary>The number (from 1) of the invocation that had <paramref name="requestId"/>, or <see langword="null"/>.</summary>
    public int? InvocationNumberOf(string? requestId) => Invocations.FirstOrDefault(invocation => invocation.RequestId == requestId)?.Number;

    /// <summary>The operations named <paramref name="name"/>.</summary>
    public IReadOnlyList<Operation> OperationsNamed(string name) => Operations.Where(operation => operation.Name == name).ToList();

    /// <summary>The first node of <see cref="OperationTree"/> named <paramref name="name"/>, depth first; <see langword="null"/> when none is.</summary>
    public OperationNode? Find(string name) => AllNodes().FirstOrDefault(node => node.Operation.Name == name);

    /// <summary>Every node of <see cref="OperationTree"/> named <paramref name="name"/>, depth first.</summary>
    public IReadOnlyList<OperationNode> FindAll(string name) => AllNodes().Where(node => node.Operation.Name == name).ToList();

    private IEnumerable<OperationNode> AllNodes() => OperationTree.SelectMany(root => root.Descendants().Prepend(root));
}
