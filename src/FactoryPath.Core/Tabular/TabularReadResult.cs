using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tabular;

/// <summary>A table, or why the file could not be read as one.</summary>
public sealed record TabularReadResult(TabularTable? Table, EnterpriseMessage? Error)
{
    public static TabularReadResult Failed(EnterpriseMessage error) => new(null, error);

    /// <summary>The first record is the header; the others are data rows.</summary>
    internal static TabularReadResult FromRecords(List<TabularRow> records, string format, string? encoding)
    {
        if (records.Count == 0 || records[0].RowNumber != 1)
        {
            return Failed(new EnterpriseMessage("file.noHeader",
                "文件第 1 行必须是列标题（表头）", "Row 1 of the file must hold the column headers"));
        }

        return new(new TabularTable(records[0].Cells.Select(h => h.Trim()).ToList(), records.Skip(1).ToList(), format, encoding), null);
    }
}
