namespace FactoryPath.Core.Tabular;

/// <summary>One data row of a table: its row number as a person sees it in the file (the header is row 1) and its cells.</summary>
public sealed record TabularRow(int RowNumber, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
