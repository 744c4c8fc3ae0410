using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider;

/// <summary>
/// The <see cref="OptionsValidationException"/> for the provider's options, whose message reads as prose:
/// each problem is a whole sentence, so they are joined with a space (the base class joins with <c>"; "</c>,
/// which after a sentence's full stop reads <c>.; </c>).
/// </summary>
internal sealed class DurableLoggerOptionsValidationException(IEnumerable<string> problems)
    : OptionsValidationException(Options.DefaultName, typeof(DurableLoggerOptions), problems)
{
    /// <inheritdoc />
    public override string Message => string.Join(" ", Failures);
}
