using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tabular;

/// <summary>The columns of one kind of table, in the order files are written with.</summary>
public sealed class TabularSchema(IReadOnlyList<TabularColumn> columns)
{
    public IReadOnlyList<TabularColumn> Columns { get; } = columns;

    public IReadOnlyList<string> Headers(bool chinese) => Columns.Select(c => chinese ? c.HeaderZh : c.HeaderEn).ToList();

    /// <summary>
    /// Matches a file's header row to the columns (Chinese or English names, case-insensitive, trimmed). Unknown,
    /// repeated and missing required columns are errors that name them; optional columns may be left out.
    /// </summary>
    public HeaderBinding Bind(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var repeated = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var text = header[i].Trim();
            if (text.Length == 0) continue;
            var column = Columns.FirstOrDefault(c => c.Matches(text));
            if (column is null)
            {
                unknown.Add(text);
            }
            else if (!positions.TryAdd(column.Key, i))
            {
                repeated.Add(text);
            }
            else
            {
                texts[column.Key] = text;
            }
        }

        var errors = new List<EnterpriseMessage>();
        if (unknown.Count > 0)
        {
            var names = string.Join("、", unknown);
            errors.Add(new EnterpriseMessage("header.unknown",
                $"无法识别的列：{names}。可用的列见导入模板",
                $"Unknown column(s): {string.Join(", ", unknown)}. The import template lists the columns"));
        }

        if (repeated.Count > 0)
        {
            errors.Add(new EnterpriseMessage("header.repeated",
                $"列重复出现：{string.Join("、", repeated)}",
                $"Column(s) given more than once: {string.Join(", ", repeated)}"));
        }

        var missing = Columns.Where(c => c.Required && !positions.ContainsKey(c.Key)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new EnterpriseMessage("header.missing",
                $"缺少必填列：{string.Join("、", missing.Select(c => $"{c.HeaderZh}（{c.HeaderEn}）"))}",
                $"Required column(s) missing: {string.Join(", ", missing.Select(c => $"{c.HeaderEn} ({c.HeaderZh})"))}"));
        }

        return new HeaderBinding(this, positions, texts, errors);
    }
}

/// <summary>Where each column is in a file, and what its header says there.</summary>
public sealed class HeaderBinding(TabularSchema schema, IReadOnlyDictionary<string, int> positions, IReadOnlyDictionary<string, string> texts, IReadOnlyList<EnterpriseMessage> errors)
{
    public IReadOnlyList<EnterpriseMessage> Errors { get; } = errors;

    public bool IsValid => Errors.Count == 0;

    public bool Has(string key) => positions.ContainsKey(key);

    /// <summary>Whether the schema has a column with this key (present in the file or not).</summary>
    public bool IsColumn(string key) => schema.Columns.Any(c => c.Key == key);

    /// <summary>The cell of a column in a row, trimmed; empty when the column is absent or the row is short.</summary>
    public string Cell(TabularRow row, string key) => positions.TryGetValue(key, out var i) ? row.Cell(i).Trim() : "";

    /// <summary>The header as written in the file; for an absent column, its Chinese and English names.</summary>
    public string HeaderOf(string key)
    {
        if (texts.TryGetValue(key, out var text)) return text;
        var column = schema.Columns.FirstOrDefault(c => c.Key == key);
        return column is null ? key : $"{column.HeaderZh} / {column.HeaderEn}";
    }
}
