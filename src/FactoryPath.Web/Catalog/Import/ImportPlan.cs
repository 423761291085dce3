using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Web.Catalog.Import;

public enum RecordChange { Insert, Update, Unchanged }

/// <summary>One valid record of a file: the rows it came from, what writing it would do, and how to apply it to the context.</summary>
internal sealed record PlannedRecord(IReadOnlyList<int> Rows, RecordChange Change, Guid Id, Action Apply);

/// <summary>The outcome of validating a file against the database: the errors by row, and the valid records.</summary>
internal sealed class ImportPlan(HeaderBinding binding)
{
    private readonly List<ImportRowError> _errors = [];
    private readonly HashSet<int> _badRows = [];
    private readonly HashSet<(int Row, string Column)> _badCells = [];

    public HeaderBinding Binding { get; } = binding;

    public List<PlannedRecord> Records { get; } = [];

    public IReadOnlyList<ImportRowError> Errors => _errors;

    public IReadOnlySet<int> BadRows => _badRows;

    public void Error(TabularRow row, string column, EnterpriseMessage message) =>
        Error(row.RowNumber, column, Binding.Cell(row, column), message);

    public void Error(int row, string column, string value, EnterpriseMessage message)
    {
        // one reason per cell: a cell that is not a number is not also reported as missing
        if (!_badCells.Add((row, column))) return;
        _errors.Add(new ImportRowError(row, Binding.HeaderOf(column), value, message.Code, message.Zh, message.En));
        _badRows.Add(row);
    }

    public bool HasErrors(int row) => _badRows.Contains(row);

    /// <summary>
    /// Reports validator errors of one record against the row: a key such as <c>kpis[1].indicator</c> is reported on
    /// the column its base name (<c>kpis</c>) or its last part (<c>indicator</c>) names, else on <paramref name="fallback"/>.
    /// </summary>
    public void ValidatorErrors(TabularRow row, IReadOnlyDictionary<string, EnterpriseMessage> errors, string fallback)
    {
        foreach (var (key, message) in errors) Error(row, ColumnOf(key, fallback), message);
    }

    public string ColumnOf(string key, string fallback)
    {
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        var head = bracket < 0 ? key : key[..bracket];
        if (Binding.Has(head) || Binding.IsColumn(head)) return head;
        var dot = key.LastIndexOf('.');
        var tail = dot < 0 ? key : key[(dot + 1)..];
        return Binding.IsColumn(tail) ? tail : fallback;
    }

    /// <summary>Reports a row whose natural key was already used by an earlier row of the same file.</summary>
    public void Duplicate(TabularRow row, string column, int firstRow, string key) => Error(row, column, new EnterpriseMessage("row.duplicate",
        $"与第 {firstRow} 行重复（{key}）；同一文件中每条记录只能出现一次",
        $"Duplicate of row {firstRow} ({key}); each record may appear only once in a file"));
}
