namespace DurableLoggingProvider.Execution;

/// <summary>One step of a <see cref="WireJsonPath"/>: a property name or an array index.</summary>
internal readonly record struct PathSegment(string? PropertyName, int Index)
{
    /// <summary>A step into the property <paramref name="name"/>.</summary>
    public static PathSegment ForProperty(string name) => new(name, -1);

    /// <summary>A step into the array item at <paramref name="index"/>.</summary>
    public static PathSegment ForItem(int index) => new(null, index);
}
