using FactoryPath.Core.Tabular;

namespace FactoryPath.Core.Enterprises.Data;

/// <summary>
/// The small, trusted CSV files shipped with the project, read with <see cref="CsvReader"/>: a header row and
/// records of the same width, looked up by column name.
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
        var records = new List<TabularRow>();
        if (CsvReader.Parse(text, records) is { } error)
        {
            throw new FormatException(error.En);
        }

        if (records.Count == 0)
        {
            throw new FormatException("CSV has no header row.");
        }

        var header = records[0].Cells;
        foreach (var record in records.Skip(1))
        {
            if (record.Cells.Count != header.Count)
            {
                throw new FormatException($"CSV row {record.RowNumber} has {record.Cells.Count} fields; the header has {header.Count}.");
            }
        }

        return new CsvTable(header, records.Skip(1).Select(r => r.Cells).ToList());
    }
}
