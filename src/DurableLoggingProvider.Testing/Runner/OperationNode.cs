using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// One operation of an execution in its place in the tree: the operations a <c>CONTEXT</c> (child context,
/// map, parallel, their items and branches, wait-for-callback) ran are its children.
/// </summary>
public sealed class OperationNode
{
    private readonly List<OperationNode> _children = [];

    private OperationNode(Operation operation, OperationNode? parent)
    {
        Operation = operation;
        Parent = parent;
    }

    /// <summary>The operation, as the service holds it at the end of the run.</summary>
    public Operation Operation { get; }

    /// <summary>The enclosing context's node; <see langword="null"/> at the root.</summary>
    public OperationNode? Parent { get; }

    /// <summary>The operations run directly inside this one, in the order they were created.</summary>
    public IReadOnlyList<OperationNode> Children => _children;

    /// <summary>Every node below this one, depth first: each child, then its own descendants, then the next child.</summary>
    public IEnumerable<OperationNode> Descendants() => _children.SelectMany(child => child.Descendants().Prepend(child));

    /// <summary>The first node below this one named <paramref name="name"/>, depth first; <see langword="null"/> when none is.</summary>
    public OperationNode? Find(string name) => Descendants().FirstOrDefault(node => node.Operation.Name == name);

    /// <summary>Every node below this one named <paramref name="name"/>, depth first.</summary>
    public IReadOnlyList<OperationNode> FindAll(string name) => Descendants().Where(node => node.Operation.Name == name).ToList();

    /// <summary>The operation's type, name and status, for assertion messages.</summary>
    public override string ToString() =>
        $"{DurableWireFormat.WireName(Operation.Type)} {Operation.Name ?? Operation.Id} ({DurableWireFormat.WireName(Operation.Status)})";

    /// <summary>
    /// The roots of the tree of <paramref name="operations"/> (given in creation order): every operation
    /// without a <c>ParentId</c>, the <c>EXECUTION</c> one first, and any whose parent is not among them.
    /// </summary>
    internal static IReadOnlyList<OperationNode> Tree(IReadOnlyList<Operation> operations)
    {
        var ids = operations.Select(operation => operation.Id).ToHashSet();
        var childrenOf = operations
            .Where(operation => operation.ParentId is { } parent && ids.Contains(parent))
            .ToLookup(operation => operation.ParentId!);
        return operations
            .Where(operation => operation.ParentId is not { } parent || !ids.Contains(parent))
            .Select(root => Grow(root, null, childrenOf))
            .ToList();
    }

    private static OperationNode Grow(Operation operation, OperationNode? parent, ILookup<string, Operation> childrenOf)
    {
        var node = new OperationNode(operation, parent);
        foreach (var child in childrenOf[operation.Id])
        {
            node._children.Add(Grow(child, node, childrenOf));
        }

        return node;
    }
}
