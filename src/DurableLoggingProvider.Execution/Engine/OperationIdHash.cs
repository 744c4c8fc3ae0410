using System;
using System.Buffers.Binary;
using System.Numerics;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// SHA-256 (FIPS 180-4) of a raw operation id, computed in managed code. Replay derives one id per operation,
/// and a raw id is a few bytes, one block: there the platform's hash (a native context per call) costs more
/// than the 64 rounds themselves. Tests check it against <see cref="System.Security.Cryptography.SHA256"/>.
/// </summary>
internal static class OperationIdHash
{
    /// <summary>The digest's length in bytes.</summary>
    public const int Length = 32;

    /// <summary>How many 32-bit words the message schedule of one block holds.</summary>
    private const int ScheduleWords = 64;

    /// <summary>The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.</summary>
    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Writes the SHA-256 digest of <paramref name="message"/> into <paramref name="digest"/> (<see cref="Length"/> bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        // The initial hash value: the first 32 bits of the fractional parts of the square roots of the first 8 primes.
        Span<uint> state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> schedule = stackalloc uint[ScheduleWords];
        var offset = 0;
        for (; message.Length - offset >= 64; offset += 64)
        {
            Compress(state, schedule, message.Slice(offset, 64));
        }

        // Padding: a 1 bit, zeros, and the message's length in bits as the last 64 bits of the last block.
        Span<byte> block = stackalloc byte[64];
        block.Clear();
        var rest = message.Length - offset;
        message[offset..].CopyTo(block);
        block[rest] = 0x80;
        if (rest >= 56)
        {
            Compress(state, schedule, block);
            block.Clear();
        }

        BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)message.Length * 8);
        Compress(state, schedule, block);
        for (var i = 0; i < state.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], state[i]);
        }
    }

    private static void Compress(Span<uint> state, Span<uint> schedule, ReadOnlySpan<byte> block)
    {
        for (var t = 0; t < 16; t++)
        {
            schedule[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < ScheduleWords; t++)
        {
            uint w15 = schedule[t - 15], w2 = schedule[t - 2];
            var sigma0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
            var sigma1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
            schedule[t] = schedule[t - 16] + sigma0 + schedule[t - 7] + sigma1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var constants = RoundConstants;
        for (var t = 0; t < ScheduleWords; t++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choose = (e & f) ^ (~e & g);
            var t1 = h + sum1 + choose + constants[t] + schedule[t];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + sum0 + majority;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
