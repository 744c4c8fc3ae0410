using System;
using System.Collections;
using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// The state of a line logged through a <see cref="DurableLogMessage"/> of 1 value(s): the values with their
/// own types. Other providers read it as MEL's own template states read (the values by name, then
/// <c>{OriginalFormat}</c>, each value boxed as it is read) and get MEL's rendering of the message; this
/// provider reads each value through <see cref="ITypedTemplateValues.Read"/>, without a new box.
/// </summary>
internal readonly struct TypedLogValues<T0> : IReadOnlyList<KeyValuePair<string, object?>>, ITypedTemplateValues
{
    public static readonly Func<TypedLogValues<T0>, Exception?, string> Callback = static (state, _) => state.ToString();

    private readonly TypedTemplate _template;
    private readonly T0 _value0;

    public TypedLogValues(TypedTemplate template, T0 value0)
    {
        _template = template;
        _value0 = value0;
    }

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
            0 => new(_template.Names[0], _value0),
            1 => new(TemplateShape.OriginalFormatKey, _template.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"A state of {Count} entries has no entry {index}."),
        };

    public KeyValuePair<string, object?> Read(int index, ValueBoxes boxes) => index switch
    {
            0 => new(_template.Names[0], boxes.Hold(0, _value0)),
            _ => this[index],
        };

    public override string ToString() => _template.Format(_value0);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
