using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Web.Catalog.Import;

/// <summary>
/// Reads one row's cells for a record. A column the file leaves out keeps the stored value of an existing record
/// (<c>current</c>), so a file with fewer columns updates only what it holds; a cell that is not a number is reported.
/// </summary>
internal readonly struct RowCells(ImportPlan plan, TabularRow row)
{
    private bool Present(string key) => plan.Binding.Has(key);

    public string? Text(string key, string? current) => Present(key) ? plan.Binding.Cell(row, key) : current;

    public IReadOnlyList<string?>? List(string key, IEnumerable<string>? current) =>
        Present(key) ? ListCell.Split(plan.Binding.Cell(row, key)) : current?.ToList();

    public int? Int(string key, int? current)
    {
        if (!Present(key)) return current;
        if (CellValues.TryInt(plan.Binding.Cell(row, key), out var value, out var error)) return value;
        plan.Error(row, key, error!);
        return null;
    }

    public long? Long(string key, long? current)
    {
        if (!Present(key)) return current;
        if (CellValues.TryLong(plan.Binding.Cell(row, key), out var value, out var error)) return value;
        plan.Error(row, key, error!);
        return null;
    }

    public bool Bool(string key, bool current)
    {
        if (!Present(key)) return current;
        if (CellValues.TryBool(plan.Binding.Cell(row, key), out var value, out var error)) return value;
        plan.Error(row, key, error!);
        return false;
    }
}
