using System;
using System.Collections.Generic;
using System.Globalization;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The JSON paths that name a field in a message: <c>InitialExecutionState.Operations[2].Status</c>,
/// that is System.Text.Json's path without its leading <c>$.</c>, and <c>$</c> for the whole document.
/// </summary>
internal static class WireJsonPath
{
    /// <summary>The path of the whole document.</summary>
    public const string Root = "$";

    /// <summary>The path of a property of the object at <paramref name="parent"/>.</summary>
    public static string Property(string parent, string name) => parent == Root ? name : parent + "." + name;

    /// <summary>The path of an item of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The field path of a path System.Text.Json reports (<c>$.A.B[0]</c>).</summary>
    public static string FromSerializerPath(string? serializerPath)
    {
        if (string.IsNullOrEmpty(serializerPath) || serializerPath == Root)
        {
            return Root;
        }

        return serializerPath.StartsWith("$.", StringComparison.Ordinal) ? serializerPath[2..] : serializerPath;
    }

    /// <summary>
    /// Splits a field path into property names and item indexes; <see langword="false"/> for a path
    /// this class did not make (a quoted property name, say), which the caller then cannot follow.
    /// </summary>
    public static bool TrySplit(string fieldPath, out List<PathSegment> segments)
    {
        segments = [];
        if (fieldPath == Root)
        {
            return true;
        }

        var position = fieldPath.StartsWith('$') ? 1 : 0;
        while (position < fieldPath.Length)
        {
            var c = fieldPath[position];
            if (c == '.')
            {
                position++;
                continue;
            }

            if (c == '[')
            {
                var close = fieldPath.IndexOf(']', position);
                if (close < 0 || !int.TryParse(fieldPath.AsSpan(position + 1, close - position - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                segments.Add(PathSegment.ForItem(index));
                position = close + 1;
                continue;
            }

            var end = fieldPath.IndexOfAny(['.', '['], position);
            end = end < 0 ? fieldPath.Length : end;
            segments.Add(PathSegment.ForProperty(fieldPath[position..end]));
            position = end;
        }

        return true;
    }
}
