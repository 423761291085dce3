using System.Text;

namespace FactoryPath.Core.Enterprises.Data;

/// <summary>
/// A minimal RFC 4180 reader for the small, trusted CSV files shipped with the project: a header row,
/// quoted fields with embedded commas and doubled quotes, LF or CRLF line ends.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        _columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        Rows = rows;
    }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    public int Column(string name) =>
        _columns.TryGetValue(name, out var index)
            ? index
            : throw new FormatException($"CSV column '{name}' is missing; found: {string.Join(", ", _columns.Keys)}.");

    public static CsvTable Parse(string text)
    {
        var records = ReadRecords(text);
        if (records.Count == 0)
        {
            throw new FormatException("CSV has no header row.");
        }

        var header = records[0];
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Count != header.Count)
            {
                throw new FormatException($"CSV row {i + 1} has {records[i].Count} fields; the header has {header.Count}.");
            }
        }

        return new CsvTable(header, records.Skip(1).ToList());
    }

    private static List<IReadOnlyList<string>> ReadRecords(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields);
                    fields = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("CSV ends inside a quoted field.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields);
        }

        return records;
    }
}
