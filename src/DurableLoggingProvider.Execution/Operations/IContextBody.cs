using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Code that runs in a child context of its own: a child context's body, a wait-for-callback's, a batch item.</summary>
/// <typeparam name="T">What the code returns.</typeparam>
internal interface IContextBody<T>
{
    /// <summary>Runs the code in <paramref name="context"/>.</summary>
    Task<T> RunAsync(DurableContext context);
}
