namespace FactoryPath.Core.Tabular;

/// <summary>
/// A cell holding a list (regions, industries, scenarios, certifications, size classes): items separated by
/// ; ； 、 , ， or |, each trimmed; empty items are dropped.
/// </summary>
public static class ListCell
{
    public const string Separator = ";";

    private static readonly char[] Separators = [';', '；', '、', ',', '，', '|'];

    public static IReadOnlyList<string> Split(string? cell) =>
        string.IsNullOrWhiteSpace(cell)
            ? []
            : cell.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> items) => string.Join(Separator, items);
}
