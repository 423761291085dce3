using System.Buffers.Binary;

namespace FactoryPath.Fuzz.Engine;

/// <summary>
/// Byte-level mutations in the manner of AFL's havoc stage: bit flips, random bytes, inserts, deletes, duplicated and
/// copied ranges, interesting integers (both byte orders), truncation, long varints and splices of two corpus entries.
/// </summary>
public static class ByteMutator
{
    /// <summary>Inputs are kept below this size, so a run of duplications cannot grow one without bound.</summary>
    public const int MaxInputLength = 1 << 20;

    private static readonly long[] Interesting =
    [
        0, 1, -1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, int.MaxValue, int.MinValue, uint.MaxValue,
        long.MaxValue, long.MinValue, 16, 32, 64, 100, 125, 126, 253, 254, 255, 256, 512, 1000, 1024, 2000, 4096,
    ];

    public static byte[] Mutate(byte[] parent, Random random, IReadOnlyList<byte[]> corpus)
    {
        var data = new List<byte>(parent);
        for (var stacked = 1 << random.Next(4); stacked > 0; stacked--)
        {
            MutateOnce(data, random, corpus);
        }

        if (data.Count > MaxInputLength)
        {
            data.RemoveRange(MaxInputLength, data.Count - MaxInputLength);
        }

        return [.. data];
    }

    private static void MutateOnce(List<byte> data, Random random, IReadOnlyList<byte[]> corpus)
    {
        switch (random.Next(data.Count == 0 ? 3 : 11))
        {
            case 0:
                data.InsertRange(random.Next(data.Count + 1), RandomBytes(random, 1 + random.Next(8)));
                break;
            case 1:
                Splice(data, random, corpus);
                break;
            case 2:
                InsertInteger(data, random);
                break;
            case 3:
                data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 4:
                data[random.Next(data.Count)] = (byte)random.Next(256);
                break;
            case 5:
            {
                var start = random.Next(data.Count);
                data.RemoveRange(start, 1 + random.Next(Math.Min(data.Count - start, random.Next(4) == 0 ? 256 : 16)));
                break;
            }
            case 6:
            {
                var (start, length) = Range(data.Count, random);
                data.InsertRange(start + length, data.GetRange(start, length));
                break;
            }
            case 7:
            {
                var (start, length) = Range(data.Count, random);
                var chunk = data.GetRange(start, length);
                var to = random.Next(data.Count - length + 1);
                for (var i = 0; i < length; i++) data[to + i] = chunk[i];
                break;
            }
            case 8:
                OverwriteInteger(data, random);
                break;
            case 9:
            {
                var keep = random.Next(data.Count);
                data.RemoveRange(keep, data.Count - keep);
                break;
            }
            default:
            {
                // a varint of up to ten bytes (protobuf lengths and tags), often with the continuation bit never ending
                var length = 1 + random.Next(11);
                var varint = RandomBytes(random, length);
                for (var i = 0; i < length - 1; i++) varint[i] |= 0x80;
                data.InsertRange(random.Next(data.Count + 1), varint);
                break;
            }
        }
    }

    private static (int Start, int Length) Range(int count, Random random)
    {
        var start = random.Next(count);
        var length = 1 + random.Next(Math.Min(count - start, 64));
        return (start, length);
    }

    private static void Splice(List<byte> data, Random random, IReadOnlyList<byte[]> corpus)
    {
        if (corpus.Count == 0) return;
        var other = corpus[random.Next(corpus.Count)];
        var cut = random.Next(data.Count + 1);
        var from = random.Next(other.Length + 1);
        data.RemoveRange(cut, data.Count - cut);
        data.AddRange(other.AsSpan(from).ToArray());
    }

    private static byte[] IntegerBytes(Random random)
    {
        var value = Interesting[random.Next(Interesting.Length)] + (random.Next(4) == 0 ? random.Next(-2, 3) : 0);
        var width = 1 << random.Next(4);
        var bytes = new byte[8];
        if (random.Next(2) == 0) BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        else BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return random.Next(2) == 0 && bytes[0] == 0 ? bytes[(8 - width)..] : bytes[..width];
    }

    private static void InsertInteger(List<byte> data, Random random) =>
        data.InsertRange(random.Next(data.Count + 1), IntegerBytes(random));

    private static void OverwriteInteger(List<byte> data, Random random)
    {
        var bytes = IntegerBytes(random);
        var at = random.Next(data.Count);
        for (var i = 0; i < bytes.Length && at + i < data.Count; i++) data[at + i] = bytes[i];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
