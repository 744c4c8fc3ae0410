using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace DurableLoggingProvider;

/// <summary>
/// Reads the pairs of a key-value scope of any shape: a sequence of <c>KeyValuePair&lt;string, T&gt;</c> for
/// any <c>T</c> (a <c>Dictionary&lt;string, int&gt;</c>, a <c>List&lt;KeyValuePair&lt;string, Guid&gt;&gt;</c>, a
/// template scope), a dictionary with string keys, or a single <c>KeyValuePair&lt;string, T&gt;</c>. Every
/// such scope gives fields, so that redaction sees every name; any other scope is plain text.
/// </summary>
internal static class KeyValueScope
{
    private static readonly ConcurrentDictionary<Type, PairReader?> s_readers = new();

    private delegate KeyValuePair<string?, object?> PairReader(object pair);

    /// <summary>
    /// Adds the pairs of <paramref name="scope"/> to <paramref name="pairs"/>, at most <paramref name="max"/>
    /// (<paramref name="cut"/> says whether more were left), pairs without a key left out.
    /// </summary>
    /// <returns>Whether the scope is key-value shaped; when not, nothing was added.</returns>
    public static bool TryRead(object scope, List<KeyValuePair<string, object?>> pairs, int max, out bool cut)
    {
        cut = false;
        switch (scope)
        {
            case string:
                return false;
            case IEnumerable<KeyValuePair<string, object?>> objects:
                cut = AddAll(objects, pairs, max, static pair => new(pair.Key, pair.Value));
                return true;
            case IEnumerable<KeyValuePair<string, string?>> strings:
                cut = AddAll(strings, pairs, max, static pair => new(pair.Key, pair.Value));
                return true;
            case KeyValuePair<string, object?> pair:
                Add(pairs, pair.Key, pair.Value);
                return true;
            case IDictionary dictionary:
                return TryReadDictionary(dictionary, pairs, max, out cut);
        }

        if (IsStringKeyedPair(scope.GetType()))
        {
            var pair = ReaderFor(scope.GetType())(scope);
            Add(pairs, pair.Key, pair.Value);
            return true;
        }

        return scope is IEnumerable sequence && TryReadPairSequence(sequence, pairs, max, out cut);
    }

    private static bool AddAll<T>(IEnumerable<T> source, List<KeyValuePair<string, object?>> pairs, int max, Func<T, KeyValuePair<string?, object?>> read)
    {
        var count = 0;
        foreach (var item in source)
        {
            if (++count > max)
            {
                return true;
            }

            var pair = read(item);
            Add(pairs, pair.Key, pair.Value);
        }

        return false;
    }

    private static bool TryReadDictionary(IDictionary dictionary, List<KeyValuePair<string, object?>> pairs, int max, out bool cut)
    {
        cut = false;
        var entries = dictionary.GetEnumerator();
        try
        {
            for (var count = 0; entries.MoveNext(); count++)
            {
                if (entries.Key is not string key)
                {
                    // Not a dictionary of names: plain text, as before anything was added.
                    return count != 0;
                }

                if (count == max)
                {
                    cut = true;
                    return true;
                }

                Add(pairs, key, entries.Value);
            }

            return true;
        }
        finally
        {
            (entries as IDisposable)?.Dispose();
        }
    }

    private static bool TryReadPairSequence(IEnumerable sequence, List<KeyValuePair<string, object?>> pairs, int max, out bool cut)
    {
        cut = false;
        var items = sequence.GetEnumerator();
        try
        {
            // The first item decides: a sequence of string-keyed pairs is a key-value scope.
            if (!items.MoveNext() || items.Current is not { } first || !IsStringKeyedPair(first.GetType()))
            {
                return false;
            }

            var count = 0;
            do
            {
                if (++count > max)
                {
                    cut = true;
                    break;
                }

                if (items.Current is { } item && IsStringKeyedPair(item.GetType()))
                {
                    var pair = ReaderFor(item.GetType())(item);
                    Add(pairs, pair.Key, pair.Value);
                }
            }
            while (items.MoveNext());

            return true;
        }
        finally
        {
            (items as IDisposable)?.Dispose();
        }
    }

    private static void Add(List<KeyValuePair<string, object?>> pairs, string? key, object? value)
    {
        if (key is not null)
        {
            pairs.Add(new(key, value));
        }
    }

    private static bool IsStringKeyedPair(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && type.GetGenericArguments()[0] == typeof(string);

    private static PairReader ReaderFor(Type type) =>
        s_readers.GetOrAdd(type, CreateReader)
            ?? throw new InvalidOperationException($"the Key and Value of {type.Name} cannot be read (trimmed away); the scope's values are left out");

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "KeyValuePair's Key and Value are read when present; when trimming removed them the scope is written as a marker, never as its text, so no masked value leaks.")]
    private static PairReader? CreateReader(Type type)
    {
        var key = type.GetProperty("Key", BindingFlags.Public | BindingFlags.Instance);
        var value = type.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance);
        if (key is null || value is null)
        {
            return null;
        }

        return pair => new(key.GetValue(pair) as string, value.GetValue(pair));
    }
}
