using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Reads the execution's state page by page into the <see cref="CheckpointState"/>, the one way the
/// engine does it: the invocation input's state and the pages its <c>NextMarker</c> leads to, and each
/// checkpoint's answer and its pages. Every page is checked: it must be a page, hold no null operation,
/// every operation as <see cref="OperationRules"/> requires, at most one <c>EXECUTION</c> operation in the
/// execution, and (the load) no id twice; an answer's page is merged once it has passed, the load's
/// operations are added as they pass, in one lookup each. A read follows at most <see cref="MaxPages"/>
/// pages and never a marker twice, so a service that pages in a circle or without end is an error
/// naming the marker, not an endless loop.
/// </summary>
internal sealed class StatePager
{
    /// <summary>
    /// The most pages one read follows: ten million operations at the engine's page size of 1,000, a
    /// million at the service's default of 100, far more than an execution holds.
    /// </summary>
    public const int MaxPages = 10_000;

    private const string EventPage = nameof(DurableExecutionInvocationInput.InitialExecutionState);
    private const string AnswerPage = "CheckpointDurableExecution answer";

    private readonly IDurableServiceClient _client;
    private readonly string _executionArn;
    private readonly int _pageSize;
    private readonly CheckpointState _state;
    private readonly ILogger _log;

    public StatePager(IDurableServiceClient client, string executionArn, int pageSize, CheckpointState state, ILogger log)
    {
        _client = client;
        _executionArn = executionArn;
        _pageSize = pageSize;
        _state = state;
        _log = log;
    }

    /// <summary>The state the pages are merged into.</summary>
    public CheckpointState State => _state;

    /// <summary>Loads the input's state, every page of it, and returns its <c>EXECUTION</c> operation.</summary>
    /// <exception cref="DurableExecutionInputException">The input's own page is invalid, or no page holds the <c>EXECUTION</c> operation.</exception>
    /// <exception cref="CheckpointException">A further page could not be read or is invalid (inner <see cref="InvalidServiceAnswerException"/>).</exception>
    public async Task<Operation> LoadAsync(ExecutionStatePage? first, string? token, CancellationToken cancellationToken)
    {
        if (first is null)
        {
            throw new DurableExecutionInputException(
                EventPage, "missing; every invocation carries the execution state, with its operation of Type EXECUTION.", null);
        }

        var read = new StateRead(isLoad: true);
        Accept(first, read, 1, null);
        EngineLog.StatePageLoaded(_log, 1, first.Operations.Count);
        try
        {
            await FollowAsync(first.NextMarker, token, read, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidServiceAnswerException invalid)
        {
            throw new CheckpointException($"Reading the execution's state failed: {invalid.Message}", invalid);
        }

        return _state.Execution ?? throw new DurableExecutionInputException(
            WireJsonPath.Property(EventPage, nameof(ExecutionStatePage.Operations)),
            "holds no operation of Type EXECUTION in any page of the state; every invocation carries one",
            null);
    }

    /// <summary>
    /// Merges a checkpoint's answer, and every page its <c>NextMarker</c> leads to, read with
    /// <paramref name="token"/>, the answer's own token, and returns the pages merged, in order. An answer
    /// without state changes nothing.
    /// </summary>
    /// <exception cref="InvalidServiceAnswerException">A page is invalid, or the answer pages without a token to read the pages with.</exception>
    /// <exception cref="OperationCanceledException">The invocation was cancelled while a page was read.</exception>
    public async Task<IReadOnlyList<StateReadPage>> MergeAnswerAsync(ExecutionStatePage? answer, string? token, CancellationToken cancellationToken)
    {
        if (answer is null)
        {
            return [];
        }

        var read = new StateRead(isLoad: false);
        Accept(answer, read, 1, null);
        if (!string.IsNullOrEmpty(answer.NextMarker) && token is null)
        {
            throw new InvalidServiceAnswerException(
                AnswerPage,
                WireJsonPath.Property(nameof(CheckpointResponse.NewExecutionState), nameof(ExecutionStatePage.NextMarker)),
                $"the answer has more pages ({FoundJsonValue.Quoted(answer.NextMarker)}) but no CheckpointToken, which reading them requires.");
        }

        await FollowAsync(answer.NextMarker, token, read, cancellationToken).ConfigureAwait(false);
        return read.Pages;
    }

    private async Task FollowAsync(string? marker, string? token, StateRead read, CancellationToken cancellationToken)
    {
        // Where each marker was handed out: the page that gave it, by number.
        var givenBy = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 1;
        while (!string.IsNullOrEmpty(marker))
        {
            if (!givenBy.TryAdd(marker, number))
            {
                throw new InvalidServiceAnswerException(
                    Describe(read, number, read.Marker),
                    nameof(ExecutionStatePage.NextMarker),
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"the marker {FoundJsonValue.Quoted(marker)} repeats: page {givenBy[marker]} gave it already, so following it would read the same pages for ever."));
            }

            if (number >= MaxPages)
            {
                throw new InvalidServiceAnswerException(
                    Describe(read, number, read.Marker),
                    nameof(ExecutionStatePage.NextMarker),
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"the marker {FoundJsonValue.Quoted(marker)} leads past page {MaxPages}, the most one read of the state follows; no execution holds that much state."));
            }

            number++;
            var request = new ExecutionStateRequest { DurableExecutionArn = _executionArn, CheckpointToken = token, Marker = marker, MaxItems = _pageSize };
            ExecutionStatePage? page;
            try
            {
                page = await _client.GetExecutionStateAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new CheckpointException(
                    string.Create(CultureInfo.InvariantCulture, $"Reading page {number} of the execution's state failed: {ErrorText.Bound(exception.Message)}"),
                    exception);
            }

            read.Marker = marker;
            var accepted = Accept(page, read, number, marker);
            if (read.IsLoad)
            {
                EngineLog.StatePageLoaded(_log, number, accepted.Operations.Count);
            }

            marker = accepted.NextMarker;
        }
    }

    /// <summary>
    /// Checks a whole page and merges it, and returns it: an invalid page of a checkpoint's answer changes
    /// nothing; an invalid page of the load ends the invocation.
    /// </summary>
    private ExecutionStatePage Accept(ExecutionStatePage? page, StateRead read, int number, string? marker)
    {
        var answer = Describe(read, number, marker);
        var root = RootOf(read, number);
        if (page is null)
        {
            throw Problem(read, number, answer, new FieldProblem(root, "expected a page of state ({\"Operations\": [...], \"NextMarker\": ...}), found null."));
        }

        var listPath = WireJsonPath.Property(root, nameof(ExecutionStatePage.Operations));
        if (page.Operations is null)
        {
            throw Problem(read, number, answer, new FieldProblem(listPath, "expected an array of operations, found null."));
        }

        read.Pages.Add(new StateReadPage(page.Operations, listPath, answer));
        for (var i = 0; i < page.Operations.Count; i++)
        {
            var operation = page.Operations[i];
            var problem = OperationRules.CheckId(operation, listPath, i)
                ?? Unique(operation!, listPath, i, read)
                ?? OperationRules.CheckContent(operation!, listPath, i)
                ?? SingleExecution(operation!, listPath, i, read, answer);
            if (problem is { } found)
            {
                throw Problem(read, number, answer, found);
            }
        }

        if (read.IsLoad)
        {
            _state.TakeExecution(read.Execution);
        }
        else
        {
            _state.Merge(page.Operations);
        }

        return page;
    }

    /// <summary>
    /// The load's check that ids are unique, made by adding each operation to the state as it is checked: one
    /// lookup per operation, and no second map. A page of the load with a problem ends the invocation, so what
    /// it added is never read. A checkpoint's answer repeats ids the state holds (it carries their new status);
    /// one read of the input's state holds every operation once.
    /// </summary>
    private FieldProblem? Unique(Operation operation, string listPath, int index, StateRead read)
    {
        if (!read.IsLoad || _state.TryLoad(operation))
        {
            return null;
        }

        return new FieldProblem(
            WireJsonPath.Property(WireJsonPath.Item(listPath, index), nameof(Operation.Id)),
            $"duplicate operation id {FoundJsonValue.Quoted(operation.Id)}, already the id of {FirstWithId(read, operation.Id)}.");
    }

    /// <summary>Where the load first read an id, found by looking through its pages again: only for a duplicate's message.</summary>
    private static string FirstWithId(StateRead read, string id)
    {
        foreach (var page in read.Pages)
        {
            for (var i = 0; i < page.Operations.Count; i++)
            {
                if (string.Equals(page.Operations[i]?.Id, id, StringComparison.Ordinal))
                {
                    return Where(WireJsonPath.Item(page.ListPath, i), page.Answer);
                }
            }
        }

        return "an operation the state held before this load";
    }

    private FieldProblem? SingleExecution(Operation operation, string listPath, int index, StateRead read, string answer)
    {
        if (operation.Type != OperationType.Execution)
        {
            return null;
        }

        var path = WireJsonPath.Item(listPath, index);
        var known = _state.Execution ?? read.Execution;
        if (known is null)
        {
            read.Execution = operation;
            read.ExecutionAt = Where(path, answer);
            return null;
        }

        if (!read.IsLoad && string.Equals(known.Id, operation.Id, StringComparison.Ordinal))
        {
            return null;
        }

        var first = read.ExecutionAt ?? $"the operation {FoundJsonValue.Quoted(known.Id)} of the input's state";
        return new FieldProblem(
            WireJsonPath.Property(path, nameof(Operation.Type)),
            $"a second operation of Type EXECUTION, {FoundJsonValue.Quoted(operation.Id)} (the first is {first}); an execution has exactly one, and its input never changes.");
    }

    private static string Where(string path, string answer) =>
        path.StartsWith(EventPage, StringComparison.Ordinal) ? path : $"{path} of {answer}";

    private static Exception Problem(StateRead read, int number, string answer, FieldProblem problem) =>
        read.IsLoad && number == 1
            ? new DurableExecutionInputException(problem.FieldPath, problem.Problem, null)
            : new InvalidServiceAnswerException(answer, problem.FieldPath, problem.Problem);

    /// <summary>The path of a page within its document: the event's own page is its InitialExecutionState, an answer's its NewExecutionState.</summary>
    private static string RootOf(StateRead read, int number) =>
        number > 1 ? WireJsonPath.Root : read.IsLoad ? EventPage : nameof(CheckpointResponse.NewExecutionState);

    private static string Describe(StateRead read, int number, string? marker)
    {
        if (number == 1)
        {
            return read.IsLoad ? "the invocation input's InitialExecutionState" : AnswerPage;
        }

        var call = string.Create(CultureInfo.InvariantCulture, $"GetDurableExecutionState page {number} (Marker {FoundJsonValue.Quoted(marker)})");
        return read.IsLoad ? call + " of the execution's state" : call + " of a checkpoint's answer";
    }
}
