using System;
using System.Runtime.CompilerServices;

namespace DurableLoggingProvider;

/// <summary>
/// Boxes for the typed values of one record (<see cref="ITypedTemplateValues"/>), one per value slot, reused
/// from record to record: a value of a common value type (numbers, <see cref="bool"/>, <see cref="char"/>,
/// dates, times, <see cref="Guid"/>) is written into the box its slot already holds instead of into a new
/// one. Safe because the boxes never leave the record's gathering: the gathered fields are cleared once the
/// record is written, and a record logged while another is gathered on the same thread gets its own fields
/// and boxes. Any other value type (an enum, a struct of the caller's, a nullable) is boxed as usual.
/// </summary>
internal sealed class ValueBoxes
{
    private const int Slots = 8;

    private readonly object?[] _boxes = new object?[Slots];

    /// <summary><paramref name="value"/> as an object: itself for a reference type, else in the slot's reused box where its type allows.</summary>
    public object? Hold<T>(int slot, T value)
    {
        // Settled once per type: in code shared by reference types, typeof(T) is not a constant.
        if (!Reusable<T>.Box || (uint)slot >= Slots)
        {
            return value;
        }

        if (_boxes[slot] is { } box && box.GetType() == typeof(T))
        {
            Overwrite(box, value);
            return box;
        }

        object fresh = value!;
        _boxes[slot] = fresh;
        return fresh;
    }

    private static bool IsReusable<T>() => typeof(T).IsValueType && (
        typeof(T) == typeof(int) || typeof(T) == typeof(long) || typeof(T) == typeof(decimal) || typeof(T) == typeof(double)
        || typeof(T) == typeof(float) || typeof(T) == typeof(bool) || typeof(T) == typeof(short) || typeof(T) == typeof(byte)
        || typeof(T) == typeof(uint) || typeof(T) == typeof(ulong) || typeof(T) == typeof(char) || typeof(T) == typeof(DateTime)
        || typeof(T) == typeof(DateTimeOffset) || typeof(T) == typeof(TimeSpan) || typeof(T) == typeof(Guid));

    /// <summary>Whether a value of <typeparamref name="T"/> is held in a reused box.</summary>
    private static class Reusable<T>
    {
        public static readonly bool Box = IsReusable<T>();
    }

    /// <summary>Writes <paramref name="value"/> into <paramref name="box"/>, a box of exactly <typeparamref name="T"/>.</summary>
    private static void Overwrite<T>(object box, T value)
    {
        if (typeof(T) == typeof(int))
        {
            Unsafe.Unbox<int>(box) = Unsafe.As<T, int>(ref value);
        }
        else if (typeof(T) == typeof(long))
        {
            Unsafe.Unbox<long>(box) = Unsafe.As<T, long>(ref value);
        }
        else if (typeof(T) == typeof(decimal))
        {
            Unsafe.Unbox<decimal>(box) = Unsafe.As<T, decimal>(ref value);
        }
        else if (typeof(T) == typeof(double))
        {
            Unsafe.Unbox<double>(box) = Unsafe.As<T, double>(ref value);
        }
        else if (typeof(T) == typeof(float))
        {
            Unsafe.Unbox<float>(box) = Unsafe.As<T, float>(ref value);
        }
        else if (typeof(T) == typeof(bool))
        {
            Unsafe.Unbox<bool>(box) = Unsafe.As<T, bool>(ref value);
        }
        else if (typeof(T) == typeof(short))
        {
            Unsafe.Unbox<short>(box) = Unsafe.As<T, short>(ref value);
        }
        else if (typeof(T) == typeof(byte))
        {
            Unsafe.Unbox<byte>(box) = Unsafe.As<T, byte>(ref value);
        }
        else if (typeof(T) == typeof(uint))
        {
            Unsafe.Unbox<uint>(box) = Unsafe.As<T, uint>(ref value);
        }
        else if (typeof(T) == typeof(ulong))
        {
            Unsafe.Unbox<ulong>(box) = Unsafe.As<T, ulong>(ref value);
        }
        else if (typeof(T) == typeof(char))
        {
            Unsafe.Unbox<char>(box) = Unsafe.As<T, char>(ref value);
        }
        else if (typeof(T) == typeof(DateTime))
        {
            Unsafe.Unbox<DateTime>(box) = Unsafe.As<T, DateTime>(ref value);
        }
        else if (typeof(T) == typeof(DateTimeOffset))
        {
            Unsafe.Unbox<DateTimeOffset>(box) = Unsafe.As<T, DateTimeOffset>(ref value);
        }
        else if (typeof(T) == typeof(TimeSpan))
        {
            Unsafe.Unbox<TimeSpan>(box) = Unsafe.As<T, TimeSpan>(ref value);
        }
        else if (typeof(T) == typeof(Guid))
        {
            Unsafe.Unbox<Guid>(box) = Unsafe.As<T, Guid>(ref value);
        }
    }
}
