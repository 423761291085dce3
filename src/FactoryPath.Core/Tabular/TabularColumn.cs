namespace FactoryPath.Core.Tabular;

/// <summary>A column a table is read with: a stable key, its Chinese and English header names, and whether it must be present.</summary>
public sealed record TabularColumn(string Key, string HeaderZh, string HeaderEn, bool Required = false, bool IsList = false)
{
    public bool Matches(string header)
    {
        var h = header.Trim();
        return string.Equals(h, HeaderZh, StringComparison.OrdinalIgnoreCase) || string.Equals(h, HeaderEn, StringComparison.OrdinalIgnoreCase);
    }
}
