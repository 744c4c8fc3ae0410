using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>What a batch runs, one child context each: a map's items or a parallel's branches.</summary>
/// <typeparam name="T">What each returns.</typeparam>
internal interface IBatchItems<T>
{
    /// <summary>The batch's sub-type, as checkpointed.</summary>
    string SubType { get; }

    /// <summary>Each item's sub-type, as checkpointed.</summary>
    string ItemSubType { get; }

    /// <summary>How many there are.</summary>
    int Count { get; }

    /// <summary>The name item <paramref name="index"/>'s operation is checkpointed with.</summary>
    string ItemName(int index);

    /// <summary>Runs item <paramref name="index"/> in its context.</summary>
    Task<T> RunAsync(DurableContext context, int index);
}
