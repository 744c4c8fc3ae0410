namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>
/// The category every benchmark logs in: code gets an <c>ILogger&lt;OrderWorkflow&gt;</c> injected, as a
/// durable handler's services do.
/// </summary>
internal sealed class OrderWorkflow
{
    private OrderWorkflow()
    {
    }
}
