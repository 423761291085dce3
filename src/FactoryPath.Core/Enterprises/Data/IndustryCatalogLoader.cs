namespace FactoryPath.Core.Enterprises.Data;

/// <summary>Reads <c>industries-gbt4754-2017.csv</c> (columns code, name_zh, name_en, level, parent) and checks its structure.</summary>
internal static class IndustryCatalogLoader
{
    public static IReadOnlyList<Industry> Parse(string csv)
    {
        var table = CsvTable.Parse(csv);
        int code = table.Column("code"), zh = table.Column("name_zh"), en = table.Column("name_en"),
            level = table.Column("level"), parent = table.Column("parent");

        var industries = new List<Industry>(table.Rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var industry = new Industry(
                row[code].Trim(),
                Required(row[zh], row[code], "name_zh"),
                Required(row[en], row[code], "name_en"),
                ParseLevel(row[level], row[code]),
                string.IsNullOrWhiteSpace(row[parent]) ? null : row[parent].Trim());
            CheckShape(industry, seen);
            if (!seen.Add(industry.Code))
            {
                throw new FormatException($"Industry code '{industry.Code}' appears twice.");
            }

            industries.Add(industry);
        }

        return industries;
    }

    private static void CheckShape(Industry industry, HashSet<string> seenCodes)
    {
        var ok = industry.Level switch
        {
            IndustryLevel.Section => industry.Code is [>= 'A' and <= 'Z'] && industry.ParentCode is null,
            IndustryLevel.Division => industry.Code is [>= '0' and <= '9', >= '0' and <= '9']
                && industry.ParentCode is not null && seenCodes.Contains(industry.ParentCode),
            _ => false,
        };
        if (!ok)
        {
            throw new FormatException($"Industry '{industry.Code}' ({industry.Level}) has the wrong code shape or a parent not listed before it.");
        }
    }

    private static IndustryLevel ParseLevel(string value, string code) => value.Trim() switch
    {
        "section" => IndustryLevel.Section,
        "division" => IndustryLevel.Division,
        _ => throw new FormatException($"Industry '{code}': unknown level '{value}'."),
    };

    private static string Required(string value, string code, string column) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"Industry '{code}': {column} is empty.") : value.Trim();
}
