using System;
using BenchmarkDotNet.Attributes;

namespace DurableLoggingProvider.Benchmarks.Configuration;

/// <summary>Adds a <see cref="TimePerOperationColumn"/> for the given <c>[Params]</c> property.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TimePerOperationColumnAttribute : ColumnConfigBaseAttribute
{
    public TimePerOperationColumnAttribute(string parameter)
        : base(new TimePerOperationColumn(parameter))
    {
    }
}
