namespace DurableLoggingProvider.Conformance.Tests.Harness;

/// <summary>The category of the workflows' own lines: an <c>ILogger&lt;ConformanceWorkflow&gt;</c> from DI.</summary>
internal sealed class ConformanceWorkflow
{
    private ConformanceWorkflow()
    {
    }
}
