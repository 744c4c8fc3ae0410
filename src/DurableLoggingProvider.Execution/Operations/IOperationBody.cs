using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A body run as one unit of work inside its operation (a step's body, a condition's check).</summary>
/// <typeparam name="T">What the body returns.</typeparam>
internal interface IOperationBody<T>
{
    /// <summary>Runs the body once.</summary>
    /// <param name="context">What the body is given: its logger, attempt and operation id.</param>
    Task<T> RunAsync(OperationBodyContext context);
}
