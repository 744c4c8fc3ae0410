using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// The durable fields <see cref="ReplayAwareLogger"/> hands another logger as a scope. The durable provider
/// writes the same fields itself, so it skips this scope rather than repeat them as <c>requestId_1</c>.
/// </summary>
internal sealed class DurableFieldsScope : List<KeyValuePair<string, object?>>
{
    public DurableFieldsScope()
        : base(7)
    {
    }
}
