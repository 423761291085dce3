namespace FactoryPath.Core.Enterprises.Data;

/// <summary>Reads <c>regions-gbt2260.csv</c> (columns code, name_zh, name_en, level, parent_code) and checks its structure.</summary>
internal static class RegionCatalogLoader
{
    public static IReadOnlyList<Region> Parse(string csv)
    {
        var table = CsvTable.Parse(csv);
        int code = table.Column("code"), zh = table.Column("name_zh"), en = table.Column("name_en"),
            level = table.Column("level"), parent = table.Column("parent_code");

        var regions = new List<Region>(table.Rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var regionCode = row[code].Trim();
            var nameZh = row[zh].Trim();
            if (nameZh.Length == 0)
            {
                throw new FormatException($"Region '{regionCode}': name_zh is empty.");
            }

            var region = new Region(
                regionCode,
                nameZh,
                string.IsNullOrWhiteSpace(row[en]) ? nameZh : row[en].Trim(),
                ParseLevel(row[level], regionCode),
                string.IsNullOrWhiteSpace(row[parent]) ? null : row[parent].Trim());
            CheckShape(region, seen);
            if (!seen.Add(region.Code))
            {
                throw new FormatException($"Region code '{region.Code}' appears twice.");
            }

            regions.Add(region);
        }

        return regions;
    }

    private static void CheckShape(Region region, HashSet<string> seenCodes)
    {
        var ok = RegionCode.LevelOf(region.Code) == region.Level && region.Level switch
        {
            RegionLevel.Province => region.ParentCode is null,
            RegionLevel.Prefecture => region.ParentCode == RegionCode.ProvinceCodeOf(region.Code) && seenCodes.Contains(region.ParentCode),
            _ => false,
        };
        if (!ok)
        {
            throw new FormatException($"Region '{region.Code}' ({region.Level}) has the wrong code shape or a parent that is not its province listed before it.");
        }
    }

    private static RegionLevel ParseLevel(string value, string code) => value.Trim() switch
    {
        "province" => RegionLevel.Province,
        "prefecture" => RegionLevel.Prefecture,
        _ => throw new FormatException($"Region '{code}': unknown level '{value}'."),
    };
}
