using System;
using System.Text;

namespace DurableLoggingProvider;

/// <summary>
/// Spells a field's camelCase name in a <see cref="FieldNaming"/>: the one place the casings are derived, so a
/// field added anywhere is named alike in every style.
/// </summary>
internal static class FieldCasing
{
    /// <summary><paramref name="camelName"/> (<c>executionArn</c>) as <paramref name="naming"/> spells it (<c>execution_arn</c>, <c>ExecutionArn</c>).</summary>
    public static string Apply(string camelName, FieldNaming naming) => naming switch
    {
        FieldNaming.SnakeCase => Snake(camelName),
        FieldNaming.PascalCase => camelName.Length == 0 ? camelName : string.Concat(char.ToUpperInvariant(camelName[0]).ToString(), camelName.AsSpan(1)),
        _ => camelName,
    };

    private static string Snake(string camelName)
    {
        var snake = new StringBuilder(camelName.Length + 4);
        foreach (var letter in camelName)
        {
            if (char.IsUpper(letter))
            {
                snake.Append('_').Append(char.ToLowerInvariant(letter));
            }
            else
            {
                snake.Append(letter);
            }
        }

        return snake.ToString();
    }
}
