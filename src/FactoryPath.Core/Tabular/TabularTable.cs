namespace FactoryPath.Core.Tabular;

/// <summary>A table read from a CSV or .xlsx file: the header row, the non-blank data rows, and how the file was read.</summary>
/// <param name="Format">"csv" or "xlsx".</param>
/// <param name="Encoding">The detected text encoding of a CSV file; null for .xlsx.</param>
public sealed record TabularTable(IReadOnlyList<string> Header, IReadOnlyList<TabularRow> Rows, string Format, string? Encoding);
