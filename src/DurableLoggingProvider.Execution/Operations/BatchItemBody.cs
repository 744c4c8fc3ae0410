using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>One item of a batch, as the code its child context runs.</summary>
/// <param name="items">The batch's items.</param>
/// <param name="index">Which one.</param>
internal readonly struct BatchItemBody<TItems, T>(TItems items, int index) : IContextBody<T>
    where TItems : IBatchItems<T>
{
    public Task<T> RunAsync(DurableContext context) => items.RunAsync(context, index);
}
