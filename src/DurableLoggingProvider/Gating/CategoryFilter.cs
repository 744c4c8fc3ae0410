using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The filter rule the logger factory would have chosen for one category of one provider: its minimum level and
/// its filter delegate, which is asked with the provider's own type name, as the factory asks it.
/// </summary>
internal sealed class CategoryFilter
{
    private readonly string? _providerTypeName;
    private readonly string _category;
    private readonly LogLevel? _minLevel;
    private readonly Func<string?, string?, LogLevel, bool>? _filter;

    public CategoryFilter(string? providerTypeName, string category, LogLevel? minLevel, Func<string?, string?, LogLevel, bool>? filter)
    {
        _providerTypeName = providerTypeName;
        _category = category;
        _minLevel = minLevel;
        _filter = filter;
    }

    public bool IsEnabled(LogLevel level) =>
        (_minLevel is not { } min || level >= min) && (_filter is null || _filter(_providerTypeName, _category, level));
}
