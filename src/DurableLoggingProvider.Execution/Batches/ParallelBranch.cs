using System;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A parallel branch with a name: the name the service records for its operation.</summary>
/// <typeparam name="TResult">What the branch returns.</typeparam>
public sealed class ParallelBranch<TResult>
{
    /// <summary>Creates a named branch.</summary>
    /// <param name="name">The branch's name; <see langword="null"/> or empty gives AWS's default, <c>parallel-branch-</c> and its index.</param>
    /// <param name="func">The branch's code.</param>
    public ParallelBranch(string? name, Func<IDurableContext, Task<TResult>> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        Name = name;
        Func = func;
    }

    /// <summary>The branch's name.</summary>
    public string? Name { get; }

    /// <summary>The branch's code.</summary>
    public Func<IDurableContext, Task<TResult>> Func { get; }
}
