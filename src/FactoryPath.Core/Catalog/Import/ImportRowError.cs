namespace FactoryPath.Core.Catalog.Import;

/// <summary>Why one cell (or row) of an import was rejected: the row number and the header as in the file, the value, and the reason.</summary>
public sealed record ImportRowError(int Row, string Column, string Value, string Code, string Zh, string En);
