using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DurableLoggingProvider;

/// <summary>
/// The durable fields another provider's logger gets as a scope (from <see cref="ReplayAwareLogger"/> or the
/// gate over the other providers). The durable provider writes the same fields itself, so it skips this scope
/// rather than repeat them as <c>requestId_1</c>.
/// </summary>
internal sealed class DurableFieldsScope : List<KeyValuePair<string, object?>>
{
    // Set while a ReplayAwareLogger's inner call runs: the gate has decided and the fields are on the scope,
    // so a gated logger under it (a logger from a gated factory) writes the line as it comes.
#pragma warning disable IDE1006 // Thread-statics are named t_.
    [ThreadStatic]
    private static int t_handedOff;
#pragma warning restore IDE1006

    // The trace fields' names, per FieldNaming: traceId, otelTraceId, otelSpanId.
    private static readonly string[][] s_traceNames = Array.ConvertAll(
        Enum.GetValues<FieldNaming>(), naming => new[] { FieldCasing.Apply("traceId", naming), FieldCasing.Apply("otelTraceId", naming), FieldCasing.Apply("otelSpanId", naming) });

    private DurableFieldsScope()
        : base(10)
    {
    }

    /// <summary>Whether the current call comes through a <see cref="ReplayAwareLogger"/> that already gated it and gave it the fields.</summary>
    public static bool IsHandedOff => t_handedOff > 0;

    /// <summary>
    /// The fields of a line written in <paramref name="frame"/>, in their one order, named as <paramref name="naming"/> says,
    /// then its trace: the invocation's X-Ray <c>traceId</c> and, unless <paramref name="activityIds"/> is false, the current
    /// activity's <c>otelTraceId</c> and <c>otelSpanId</c>; <see langword="null"/> when there are none (outside durable
    /// code and any activity), so that such a line allocates nothing for them.
    /// </summary>
    public static DurableFieldsScope? For(AmbientFrame? frame, bool isReplay, FieldNaming naming, bool activityIds = true)
    {
        DurableFieldsScope? fields = null;
        foreach (var field in DurableFields.InOrder)
        {
            var value = DurableFields.Read(field, frame, isReplay);
            if (value.Text is { } text)
            {
                Add(ref fields, DurableFields.Name(field, naming), text);
            }
            else if (value.Number is { } number)
            {
                Add(ref fields, DurableFields.Name(field, naming), number);
            }
            else if (value.IsFlag)
            {
                Add(ref fields, DurableFields.Name(field, naming), true);
            }
        }

        AddTrace(ref fields, frame, naming, activityIds);
        return fields;
    }

    /// <summary>
    /// The fields as text, for providers that write a scope by its <c>ToString</c> (MEL's simple console, NLog's
    /// nested scopes): <c>executionArn=…, requestId=…, replay=true</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in this)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(name).Append('=').Append(value switch
            {
                true => "true",
                int number => number.ToString(CultureInfo.InvariantCulture),
                _ => value,
            });
        }

        return text.ToString();
    }

    private static void Add(ref DurableFieldsScope? fields, string name, object value) => (fields ??= new DurableFieldsScope()).Add(new(name, value));

    private static void AddTrace(ref DurableFieldsScope? fields, AmbientFrame? frame, FieldNaming naming, bool activityIds)
    {
        var names = s_traceNames[(int)naming];
        if (frame?.Invocation?.TraceId is { } traceId)
        {
            Add(ref fields, names[0], traceId);
        }

        var ids = activityIds ? ActivityIds.Current() : default;
        if (ids.IsPresent)
        {
            Add(ref fields, names[1], ids.TraceId);
            Add(ref fields, names[2], ids.SpanId);
        }
    }

    /// <summary>Marks the calls made until the returned value is disposed as already gated and given the fields.</summary>
    public static HandOff BeginHandOff()
    {
        t_handedOff++;
        return default;
    }

    /// <summary>Ends a <see cref="BeginHandOff"/>.</summary>
    internal readonly struct HandOff : IDisposable
    {
        public void Dispose() => t_handedOff--;
    }
}
