using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>One page a load of the state has read: its operations, the path of their list and the answer it came in.</summary>
internal sealed record StateReadPage(IReadOnlyList<Operation?> Operations, string ListPath, string Answer);
