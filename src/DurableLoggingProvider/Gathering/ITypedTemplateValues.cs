using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// A template state whose values keep their own types (<see cref="DurableLogMessage"/>'s): the provider reads
/// each value through <see cref="Read"/>, which holds a value type in a box reused from record to record,
/// instead of through the list's indexer, which must box it afresh.
/// </summary>
internal interface ITypedTemplateValues
{
    /// <summary>The value at <paramref name="index"/>, a value type held in <paramref name="boxes"/>' box for that slot.</summary>
    KeyValuePair<string, object?> Read(int index, ValueBoxes boxes);
}
