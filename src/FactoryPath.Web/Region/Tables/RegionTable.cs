using System.Globalization;
using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Regional;

/// <summary>What a column holds: a label, a count of enterprises (or demands), or a percentage.</summary>
public enum RegionColumnKind { Label, Count, Percent }

/// <summary>A column of a console table: a stable key, its header in both languages, and what it holds.</summary>
public sealed record RegionColumn(string Key, LocalizedText Header, RegionColumnKind Kind)
{
    public string HeaderIn(bool chinese) => chinese ? Header.Zh : Header.En;
}

/// <summary>
/// One cell as the page shows it (<see cref="Text"/>) and as a spreadsheet stores it: <see cref="Number"/> for a shown count
/// or percentage, otherwise the text (so a suppressed cell is "&lt;5" in the page, the CSV and the workbook alike).
/// <see cref="Link"/> is a drill-down to a sub-region, or with <see cref="DrillDown"/> false a link elsewhere (e.g. a review list).
/// </summary>
public sealed record RegionCell(string Text, double? Number, bool Suppressed, string? Link = null, bool DrillDown = true)
{
    public static RegionCell Label(string text, string? link = null) => new(text, null, false, link);

    /// <summary>A label linking to another page of the platform (not a sub-region).</summary>
    public static RegionCell Linked(string text, string link) => new(text, null, false, link, DrillDown: false);

    public static RegionCell Of(StatCell cell) => new(cell.Text, cell.Count, cell.Suppressed);

    /// <summary>A percentage with one decimal, "–" when there is none (hidden with its count, or nothing to pool).</summary>
    public static RegionCell Percent(double? percent, bool suppressed) => percent is { } p
        ? new(p.ToString("0.0", CultureInfo.InvariantCulture) + " %", Math.Round(p, 1), false)
        : new("–", null, suppressed);

    /// <summary>The value written to an .xlsx cell: a whole number for a count, a number for a percentage, otherwise the text.</summary>
    public object ValueFor(RegionColumnKind kind) => (Number, kind) switch
    {
        ({ } n, RegionColumnKind.Count) => (long)n,
        ({ } n, _) => n,
        _ => Text,
    };
}

/// <summary>A row of a table: a key unique in its group (a region or industry code, a level, a question id) and its cells, one per column.</summary>
public sealed record RegionTableRow(string Key, IReadOnlyList<RegionCell> Cells);

/// <summary>
/// The rows of one part of a table, e.g. the levels of one model. A table without parts has one group with an empty key
/// and no title. <see cref="Note"/> is shown beside the title on screen only (e.g. how many enterprises the model counts).
/// </summary>
public sealed record RegionTableGroup(string Key, string? Title, string? Note, IReadOnlyList<RegionTableRow> Rows)
{
    public static IReadOnlyList<RegionTableGroup> Single(IEnumerable<RegionTableRow> rows) => [new("", null, null, rows.ToList())];
}

/// <summary>A console table built for one region and one language, ready to show, print or write to a file.</summary>
public sealed record RegionTable(RegionTableDefinition Definition, bool Chinese, IReadOnlyList<RegionColumn> Columns, IReadOnlyList<RegionTableGroup> Groups)
{
    public string Key => Definition.Key;
    public string Title => Pick(Definition.Title);
    public string? Lead => Definition.Lead is { } l ? Pick(l) : null;
    public string Empty => Pick(Definition.Empty);
    public bool IsGrouped => Definition.GroupHeader is not null;
    public bool IsEmpty => Groups.All(g => g.Rows.Count == 0);

    /// <summary>The header row of a file: the group column first when the table has groups, then the columns.</summary>
    public IReadOnlyList<string> FileHeader =>
        (IsGrouped ? [Pick(Definition.GroupHeader!)] : Array.Empty<string>()).Concat(Columns.Select(c => c.HeaderIn(Chinese))).ToList();

    /// <summary>The rows of a file, each with its group's title first when the table has groups; cell texts as on screen.</summary>
    public IEnumerable<IReadOnlyList<string>> FileTextRows() =>
        Groups.SelectMany(g => g.Rows.Select(r => (IReadOnlyList<string>)(IsGrouped ? [g.Title ?? g.Key] : Array.Empty<string>()).Concat(r.Cells.Select(c => c.Text)).ToList()));

    /// <summary>The rows of a workbook: like <see cref="FileTextRows"/> but shown numbers as numbers.</summary>
    public IEnumerable<IReadOnlyList<object>> FileValueRows() =>
        Groups.SelectMany(g => g.Rows.Select(r => (IReadOnlyList<object>)(IsGrouped ? [g.Title ?? g.Key] : Array.Empty<object>())
            .Concat(r.Cells.Select((c, i) => c.ValueFor(Columns[i].Kind))).ToList()));

    private string Pick(LocalizedText text) => Chinese ? text.Zh : text.En;
}

/// <summary>
/// The one definition of a console table: its key (the export's file and URL name), title, columns, and how its rows are
/// built from a <see cref="RegionSummary"/> in a language. The console page, the printable report and the CSV and .xlsx
/// exports all render tables from these definitions; a new table is one more entry in <see cref="RegionTables.All"/>.
/// </summary>
/// <param name="Build">The groups of rows for a summary; the flag is true for Chinese. Each row has one cell per column.</param>
public sealed record RegionTableDefinition(string Key, LocalizedText Title, IReadOnlyList<RegionColumn> Columns,
    Func<RegionSummary, bool, IReadOnlyList<RegionTableGroup>> Build)
{
    /// <summary>A line under the title explaining the table.</summary>
    public LocalizedText? Lead { get; init; }

    /// <summary>Shown instead of the table when it has no rows.</summary>
    public LocalizedText Empty { get; init; } = new("暂无数据。", "No data yet.");

    /// <summary>Set when the rows come in groups (e.g. one per model): the header of the group column the files carry first.</summary>
    public LocalizedText? GroupHeader { get; init; }

    /// <summary>
    /// Columns that depend on the data (e.g. one per industry of a scene × industry table), used instead of
    /// <see cref="Columns"/>, which then describe the table when there is no summary.
    /// </summary>
    public Func<RegionSummary, IReadOnlyList<RegionColumn>>? ColumnsFor { get; init; }

    /// <summary>
    /// The chart drawn above each group: the <c>data-chart</c> JSON read by wwwroot/js/charts.js, or null for none
    /// (e.g. <see cref="RegionTables.CountsChart"/>).
    /// </summary>
    public Func<RegionTable, RegionTableGroup, string?>? Chart { get; init; }

    public RegionTable For(RegionSummary summary, bool chinese)
    {
        var columns = ColumnsFor?.Invoke(summary) ?? Columns;
        var groups = Build(summary, chinese);
        foreach (var row in groups.SelectMany(g => g.Rows))
        {
            if (row.Cells.Count != columns.Count)
                throw new InvalidOperationException($"Region table '{Key}': row '{row.Key}' has {row.Cells.Count} cells for {columns.Count} columns.");
        }
        return new RegionTable(this, chinese, columns, groups);
    }
}
