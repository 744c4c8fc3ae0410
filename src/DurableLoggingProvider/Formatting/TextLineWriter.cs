using System;
using System.Buffers;
using System.Text.Unicode;

namespace DurableLoggingProvider;

/// <summary>
/// Writes text into a Text-format line as UTF-8, keeping the record on one line: a newline becomes a
/// carriage return (as Lambda's other runtimes do), other control characters are escaped as
/// <c>\u00XX</c>, and invalid UTF-16 becomes U+FFFD.
/// </summary>
internal static class TextLineWriter
{
    private static readonly SearchValues<char> s_controls = SearchValues.Create(ControlCharacters(quoted: false));
    private static readonly SearchValues<char> s_quotedSpecials = SearchValues.Create(ControlCharacters(quoted: true));
    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(ControlCharacters(quoted: false) + " \"=\\");
    private static readonly SearchValues<char> s_keySpecials = SearchValues.Create(ControlCharacters(quoted: true) + " =");

    /// <summary>Writes free text (a message, an exception) as it is, but on one line.</summary>
    public static void WriteText(RecordBuffer buffer, ReadOnlySpan<char> text) => Write(buffer, text, s_controls);

    /// <summary>Writes a <c>key=value</c> value, in double quotes when it holds a space, quote, equals sign, backslash or control character.</summary>
    public static void WriteValue(RecordBuffer buffer, ReadOnlySpan<char> value)
    {
        if (!value.IsEmpty && value.IndexOfAny(s_needsQuotes) < 0)
        {
            Write(buffer, value, s_controls);
            return;
        }

        buffer.Write((byte)'"');
        Write(buffer, value, s_quotedSpecials);
        buffer.Write((byte)'"');
    }

    /// <summary>
    /// Writes the key of a <c>key=value</c> field. A key cannot be quoted, so a character that would end it
    /// early or let it forge another field (space, equals sign, quote, backslash, control character) is
    /// written as <c>_</c>.
    /// </summary>
    public static void WriteKey(RecordBuffer buffer, ReadOnlySpan<char> key)
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

    private static void Write(RecordBuffer buffer, ReadOnlySpan<char> text, SearchValues<char> specials)
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

            WriteSpecial(buffer, text[next]);
            text = text[(next + 1)..];
        }
    }

    private static void WritePlain(RecordBuffer buffer, ReadOnlySpan<char> text)
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

    private static void WriteSpecial(RecordBuffer buffer, char special)
    {
        switch (special)
        {
            case '\n':
                buffer.Write((byte)'\r');
                break;
            case '\r':
            case '\t':
                buffer.Write((byte)special);
                break;
            case '"':
                buffer.Write("\\\""u8);
                break;
            case '\\':
                buffer.Write("\\\\"u8);
                break;
            default:
                buffer.Write("\\u00"u8);
                buffer.Write((byte)"0123456789ABCDEF"[special >> 4]);
                buffer.Write((byte)"0123456789ABCDEF"[special & 0xF]);
                break;
        }
    }

    private static string ControlCharacters(bool quoted)
    {
        var characters = new char[quoted ? 32 + 2 : 32 - 2];
        var count = 0;
        for (var c = '\0'; c < ' '; c++)
        {
            // Tabs and carriage returns stay as they are in free text; a quoted value escapes everything.
            if (quoted || c is not ('\t' or '\r'))
            {
                characters[count++] = c;
            }
        }

        if (quoted)
        {
            characters[count++] = '"';
            characters[count++] = '\\';
        }

        return new string(characters, 0, count);
    }
}
