namespace FactoryPath.Edge.Model;

/// <summary>
/// Where a tag's equipment sits in the ISA-95 hierarchy (IEC 62264-1: enterprise / site / area / work centre (line) /
/// work unit (cell) / equipment). Cell is optional; every other level is required. Written with slashes, as in a
/// unified namespace topic: <c>acme/ningbo/moulding/line-1/press-3</c>.
/// </summary>
public sealed record AssetPath(string Enterprise, string Site, string Area, string Line, string? Cell, string Equipment)
{
    public override string ToString() =>
        Cell is null
            ? $"{Enterprise}/{Site}/{Area}/{Line}/{Equipment}"
            : $"{Enterprise}/{Site}/{Area}/{Line}/{Cell}/{Equipment}";

    /// <summary>Reads the slash form (five levels without a cell, six with one); null with a reason when malformed.</summary>
    public static AssetPath? TryParse(string? text, out string? error)
    {
        error = null;
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length is < 5 or > 6 || parts.Any(p => p.Length == 0 || p.Trim() != p || p.Contains('+') || p.Contains('#')))
        {
            error = "an asset path is enterprise/site/area/line[/cell]/equipment: five or six non-empty levels without '+', '#' or surrounding spaces";
            return null;
        }

        return parts.Length == 5
            ? new AssetPath(parts[0], parts[1], parts[2], parts[3], null, parts[4])
            : new AssetPath(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }
}
