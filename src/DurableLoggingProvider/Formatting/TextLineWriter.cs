using System;
using System.Buffers;
using System.Text.Unicode;

namespace DurableLoggingProvider;

/// <summary>
/// Writes text into a Text-format line as UTF-8, keeping the record on one line and its columns its own.
/// The control characters are U+0000–U+001F, U+007F–U+009F (DEL and the C1 controls, NEL among them) and
/// the line and paragraph separators U+2028 and U+2029: in free text (the message, an exception) a newline
/// becomes a carriage return (as Lambda's other runtimes do), tab and carriage return stay, and every other
/// one is written as <c>\uXXXX</c>; in a column before the message every one is escaped, tab and carriage
/// return included, so that the columns are always the real ones. Invalid UTF-16 becomes U+FFFD.
/// </summary>
internal static class TextLineWriter
{
    private const string Separators = "\u2028\u2029";

    private static readonly string s_controls = Controls();
    private static readonly SearchValues<char> s_freeTextSpecials = SearchValues.Create(s_controls.Replace("\t", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal));
    private static readonly SearchValues<char> s_columnSpecials = SearchValues.Create(s_controls);
    private static readonly SearchValues<char> s_quotedSpecials = SearchValues.Create(s_controls + "\"\\");
    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(s_controls + " \"=\\");
    private static readonly SearchValues<char> s_keySpecials = SearchValues.Create(s_controls + " =\"\\");

    private enum Context
    {
        FreeText,
        Column,
        Quoted,
    }

    /// <summary>Writes free text (a message, an exception) as it is, but on one line.</summary>
    public static void WriteText(RenderBuffer buffer, ReadOnlySpan<char> text) => Write(buffer, text, s_freeTextSpecials, Context.FreeText);

    /// <summary>Writes a column before the message (the request id): no character in it can end the column or the line.</summary>
    public static void WriteColumn(RenderBuffer buffer, ReadOnlySpan<char> text) => Write(buffer, text, s_columnSpecials, Context.Column);

    /// <summary>
    /// Writes a <c>key=value</c> value, in double quotes when it holds a space, quote, equals sign, backslash or
    /// control character (tab and carriage return included); inside the quotes <c>"</c> and <c>\</c> are escaped
    /// with a backslash, a newline becomes a carriage return and a tab and the other controls are <c>\uXXXX</c>.
    /// </summary>
    public static void WriteValue(RenderBuffer buffer, ReadOnlySpan<char> value)
    {
        if (!value.IsEmpty && value.IndexOfAny(s_needsQuotes) < 0)
        {
            WritePlain(buffer, value);
            return;
        }

        buffer.Write((byte)'"');
        Write(buffer, value, s_quotedSpecials, Context.Quoted);
        buffer.Write((byte)'"');
    }

    /// <summary>
    /// Writes the key of a <c>key=value</c> field. A key cannot be quoted, so a character that would end it
    /// early or let it forge another field (space, equals sign, quote, backslash, control character) is
    /// written as <c>_</c>.
    /// </summary>
    public static void WriteKey(RenderBuffer buffer, ReadOnlySpan<char> key)
    {
        while (!key.IsEmpty)
        {
            var next = key.IndexOfAny(s_keySpecials);
            WritePlain(buffer, next < 0 ? key : key[..next]);
            if (next < 0)
            {
                return;
            }

            buffer.Write((byte)'_');
            key = key[(next + 1)..];
        }
    }

    private static void Write(RenderBuffer buffer, ReadOnlySpan<char> text, SearchValues<char> specials, Context context)
    {
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny(specials);
            var plain = next < 0 ? text : text[..next];
            WritePlain(buffer, plain);
            if (next < 0)
            {
                return;
            }

            WriteSpecial(buffer, text[next], context);
            text = text[(next + 1)..];
        }
    }

    private static void WritePlain(RenderBuffer buffer, ReadOnlySpan<char> text)
    {
        const int ChunkLength = 4096;
        while (!text.IsEmpty)
        {
            var chunk = text.Length <= ChunkLength ? text : text[..ChunkLength];
            var destination = buffer.GetSpan(chunk.Length * 3);

            // A surrogate pair cut by the chunk's end is finished by the next chunk, not replaced.
            Utf8.FromUtf16(chunk, destination, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: chunk.Length == text.Length);
            buffer.Advance(written);
            text = text[read..];
        }
    }

    private static void WriteSpecial(RenderBuffer buffer, char special, Context context)
    {
        switch (special)
        {
            case '\n' when context != Context.Column:
                buffer.Write((byte)'\r');
                break;
            case '\r' when context == Context.Quoted:
                buffer.Write((byte)'\r');
                break;
            case '"':
                buffer.Write("\\\""u8);
                break;
            case '\\':
                buffer.Write("\\\\"u8);
                break;
            default:
                buffer.Write("\\u"u8);
                buffer.Write((byte)"0123456789ABCDEF"[special >> 12]);
                buffer.Write((byte)"0123456789ABCDEF"[(special >> 8) & 0xF]);
                buffer.Write((byte)"0123456789ABCDEF"[(special >> 4) & 0xF]);
                buffer.Write((byte)"0123456789ABCDEF"[special & 0xF]);
                break;
        }
    }

    private static string Controls()
    {
        var characters = new char[32 + 33 + Separators.Length];
        var count = 0;
        for (var c = '\0'; c < ' '; c++)
        {
            characters[count++] = c;
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            characters[count++] = c;
        }

        foreach (var c in Separators)
        {
            characters[count++] = c;
        }

        return new string(characters, 0, count);
    }
}
