namespace FactoryPath.Edge.Uplink;

/// <summary>
/// CRC-32 as used by Ethernet, zip and PNG (IEEE 802.3 clause 3.2.9; ITU-T V.42 section 8.1.1.6.2): polynomial
/// 0x04C11DB7 processed bit-reflected (0xEDB88320), initial value and final XOR 0xFFFFFFFF. Check value of the ASCII
/// digits "123456789" is 0xCBF43926.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a CRC over more data: <c>Append(Compute(a), b) == Compute(a + b)</c>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var value = ~crc;
        foreach (var b in data)
        {
            value = Table[(value ^ b) & 0xFF] ^ (value >> 8);
        }

        return ~value;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
