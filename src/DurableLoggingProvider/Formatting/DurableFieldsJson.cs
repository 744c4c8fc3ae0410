using System;
using System.Buffers;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// The durable fields a JSON line carries after Lambda's own, in their one order (<see cref="DurableFields"/>),
/// written for every line and, on the hot path, encoded once per ambient frame: every line an operation writes
/// carries the same execution ARN, operation id, name and attempt, so they are escaped and transcoded once,
/// into a fragment of the line (<c>,"executionArn":"…",…</c>) kept on the frame and copied into each line.
/// The fragment is the bytes the same writer gives the fields one by one, and it is used only where those
/// would be the same: the rendering cuts no string that long, and no caller's value takes a field's place.
/// </summary>
internal sealed class DurableFieldsJson
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = RenderBuffer.JsonEncoder, SkipValidation = true };

    private readonly FieldNames _names;
    private readonly bool _isReplay;
    private readonly byte[]? _fragment;
    private readonly JsonEncodedText[] _yieldingNames;
    private readonly int _longestText;

    private DurableFieldsJson(AmbientFrame frame, FieldNames names, bool isReplay, RecordLimits limits, RenderBuffer buffer)
    {
        _names = names;
        _isReplay = isReplay;
        var yielding = new JsonEncodedText[DurableFields.AfterLambdaFields.Length];
        var yieldingCount = 0;
        foreach (var field in DurableFields.AfterLambdaFields)
        {
            var value = DurableFields.Read(field, frame, isReplay);
            if (value.IsPresent && DurableFields.YieldsToCallerValue(field))
            {
                yielding[yieldingCount++] = names.Durable(field);
            }

            _longestText = Math.Max(_longestText, value.Text?.Length ?? 0);
        }

        _yieldingNames = yielding[..yieldingCount];

        // A value the first rendering would cut is never escaped whole: such a frame's lines are written one
        // field at a time, each cut as any string is.
        _fragment = _longestText <= limits.MaxStringLength ? Encode(frame, names, isReplay, limits, buffer) : null;
    }

    /// <summary>The length of the encoded fragment, or <see langword="null"/> when the frame's fields are written one by one.</summary>
    internal int? FragmentLength => _fragment?.Length;

    /// <summary>
    /// Writes the record's durable fields into the object <paramref name="writer"/> is in, after at least one
    /// property: from the frame's encoded fragment when it gives the same bytes, else one by one.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, in LogRecord record, FieldNames names, RecordLimits limits, RenderBuffer buffer)
    {
        if (record.Frame is { } frame && !limits.IsTruncating && Encoded(frame, names, record.IsReplay, limits, buffer) is { _fragment: { } fragment } encoded
            && encoded._longestText <= limits.MaxStringLength && !encoded.YieldsTo(record.Fields))
        {
            if (fragment.Length > 0)
            {
                // The writer's bytes go to the buffer first; it then goes on after the fragment as after any property.
                writer.Flush();
                buffer.Write(fragment);
            }

            return;
        }

        WriteEach(writer, record.Frame, record.IsReplay, names, record.Fields, limits, buffer);
    }

    /// <summary>The fields one by one; a caller's value of the same name takes a yielding field's place.</summary>
    private static void WriteEach(
        Utf8JsonWriter writer, AmbientFrame? frame, bool isReplay, FieldNames names, RecordFields callerFields, RecordLimits limits, RenderBuffer buffer)
    {
        foreach (var field in DurableFields.AfterLambdaFields)
        {
            var value = DurableFields.Read(field, frame, isReplay);
            if (!value.IsPresent)
            {
                continue;
            }

            var name = names.Durable(field);
            if (DurableFields.YieldsToCallerValue(field) && callerFields.HasCallerField(name))
            {
                continue;
            }

            if (value.Text is { } text)
            {
                writer.WriteString(name, limits.Cut(text, buffer));
            }
            else if (value.Number is { } number)
            {
                writer.WriteNumber(name, number);
            }
            else
            {
                writer.WriteBoolean(name, true);
            }
        }
    }

    private static DurableFieldsJson Encoded(AmbientFrame frame, FieldNames names, bool isReplay, RecordLimits limits, RenderBuffer buffer)
    {
        var encoded = frame.EncodedJsonFields;
        if (encoded is null || !ReferenceEquals(encoded._names, names) || encoded._isReplay != isReplay)
        {
            // A frame is immutable, so its fields change only with the names (a configuration reload) or the
            // replay mark; lines of one frame on two threads at once may each encode it, and either is kept.
            encoded = new DurableFieldsJson(frame, names, isReplay, limits, buffer);
            frame.EncodedJsonFields = encoded;
        }

        return encoded;
    }

    /// <summary>
    /// The fields as the same writer writes them inside an object, each after a comma: the bytes between the
    /// braces of an object that starts with one other property. Called only when no value is longer than
    /// <paramref name="limits"/> cut to, so nothing is cut.
    /// </summary>
    private static byte[] Encode(AmbientFrame frame, FieldNames names, bool isReplay, RecordLimits limits, RenderBuffer buffer)
    {
        var output = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(output, s_options))
        {
            writer.WriteStartObject();
            writer.WriteNull(JsonEncodedText.Encode("_"));
            WriteEach(writer, frame, isReplay, names, RecordFields.None, limits, buffer);
            writer.WriteEndObject();
        }

        // {"_":null ... } : drop the opening brace and the placeholder property, and the closing brace.
        const int Opening = 9;
        return output.WrittenSpan[Opening..^1].ToArray();
    }

    private bool YieldsTo(RecordFields callerFields)
    {
        foreach (var name in _yieldingNames)
        {
            if (callerFields.HasCallerField(name))
            {
                return true;
            }
        }

        return false;
    }
}
