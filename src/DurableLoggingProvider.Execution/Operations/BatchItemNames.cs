using System.Globalization;

namespace DurableLoggingProvider.Execution;

/// <summary>The names a batch's items get when the workflow gives none: AWS's, the kind and the index.</summary>
internal static class BatchItemNames
{
    /// <summary>A map item's default name, as AWS's SDKs give it.</summary>
    public static string MapItem(int index) => string.Create(CultureInfo.InvariantCulture, $"map-item-{index}");

    /// <summary>A parallel branch's default name, as AWS's SDKs give it.</summary>
    public static string ParallelBranch(int index) => string.Create(CultureInfo.InvariantCulture, $"parallel-branch-{index}");
}
