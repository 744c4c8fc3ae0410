using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>How a <see cref="GatedRun"/> ended: its status, each invocation's request id, and what the other provider wrote.</summary>
internal sealed record GatedRunResult(InvocationStatus Status, IReadOnlyList<string> RequestIds, IReadOnlyList<CapturedLine> Lines, int DurableRecords)
{
    /// <summary>
    /// The workflow's own lines, in order. Serilog's and NLog's registrations add a rule that lets every level
    /// through to them (their own configuration filters), so they also get the engine's debug lines.
    /// </summary>
    public IReadOnlyList<CapturedLine> WorkflowLines =>
        Lines.Where(line => line.Message is GatedRun.Received or GatedRun.Charging or GatedRun.Completed).ToList();

    public IReadOnlyList<CapturedLine> LinesWithMessage(string message) => Lines.Where(line => line.Message == message).ToList();
}
