using System.Text;

namespace FactoryPath.Benchmarks.Peers;

/// <summary>
/// How much of a row SQLite keeps in the table's leaf page (file format, "B-tree Page Layout": a payload larger than
/// the page allows keeps a local part of 489–4,061 bytes on a 4 KiB page and moves the rest to overflow pages).
/// The peer count reads only the leaf pages: EnterpriseId is not in the index, so every peer row is looked up there,
/// and it is the third column, so the overflow pages are never read. Storing each result's JSON cut to the local
/// size of the full row therefore gives the same leaf pages as full results, without writing gigabytes of overflow.
/// </summary>
public static class LeafPayload
{
    /// <summary>The bytes of a <paramref name="payload"/>-byte row that stay in its leaf page.</summary>
    public static int LocalBytes(int payload, int pageSize)
    {
        var usable = pageSize; // no reserved bytes per page in a default database
        var maxLocal = usable - 35;
        var minLocal = (usable - 12) * 32 / 255 - 23;
        if (payload <= maxLocal)
        {
            return payload;
        }

        var surplus = minLocal + (payload - minLocal) % (usable - 4);
        return surplus <= maxLocal ? surplus : minLocal;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that is at most <paramref name="maxBytes"/> bytes of UTF-8.</summary>
    public static string Prefix(string text, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= maxBytes)
        {
            return text;
        }

        var cut = Math.Max(0, maxBytes);
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--; // never split a multi-byte character
        }

        return Encoding.UTF8.GetString(bytes, 0, cut);
    }
}
