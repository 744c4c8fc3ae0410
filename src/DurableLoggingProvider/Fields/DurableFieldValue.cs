namespace DurableLoggingProvider;

/// <summary>The value of one <see cref="DurableField"/> on one line: text, a number, the flag <c>true</c>, or absent.</summary>
internal readonly struct DurableFieldValue
{
    private DurableFieldValue(string? text, int? number, bool flag)
    {
        Text = text;
        Number = number;
        IsFlag = flag;
    }

    public static DurableFieldValue Absent => default;

    /// <summary>The value of a text field (an ARN, an id, a name).</summary>
    public string? Text { get; }

    /// <summary>The value of a number field (the attempt).</summary>
    public int? Number { get; }

    /// <summary>Whether the value is the flag <c>true</c> (the replay mark).</summary>
    public bool IsFlag { get; }

    /// <summary>Whether the line carries the field.</summary>
    public bool IsPresent => Text is not null || Number is not null || IsFlag;

    public static DurableFieldValue Of(string? text) => new(text, null, flag: false);

    public static DurableFieldValue Of(int? number) => new(null, number, flag: false);

    public static DurableFieldValue Flag(bool set) => set ? new(null, null, flag: true) : default;
}
