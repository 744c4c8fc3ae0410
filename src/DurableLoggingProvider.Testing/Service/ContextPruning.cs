using System.Collections.Generic;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Drops the children of a finished <c>CONTEXT</c> from the state, as the real service does unless the
/// context set <c>ReplayChildren</c> (durable-wire-format.md, section 4).
/// </summary>
internal static class ContextPruning
{
    /// <summary>Whether <paramref name="operation"/>'s children go once it is as it now is.</summary>
    public static bool Applies(InMemoryServiceOptions options, Operation operation) =>
        options.PruneFinishedContexts && operation.Type == OperationType.Context && operation.Status.IsTerminal() && operation.ContextDetails?.ReplayChildren != true;

    /// <summary>Removes every descendant of the context <paramref name="contextId"/>, at any depth.</summary>
    public static void Prune(List<Operation> operations, string contextId)
    {
        var removed = new HashSet<string> { contextId };
        bool more;
        do
        {
            more = false;
            foreach (var operation in operations)
            {
                if (operation.ParentId is { } parent && removed.Contains(parent) && removed.Add(operation.Id))
                {
                    more = true;
                }
            }
        }
        while (more);

        removed.Remove(contextId);
        operations.RemoveAll(operation => removed.Contains(operation.Id));
    }
}
