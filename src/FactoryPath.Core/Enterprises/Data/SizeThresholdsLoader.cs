using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FactoryPath.Core.Enterprises.Data;

/// <summary>Reads <c>size-thresholds.yaml</c> and checks that each sector's classes are consistent.</summary>
internal static class SizeThresholdsLoader
{
    public static IReadOnlyList<SizeThresholds> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        var document = deserializer.Deserialize<Document?>(yaml)
            ?? throw new FormatException("Size thresholds file is empty.");
        if (document.Sectors.Count == 0)
        {
            throw new FormatException("Size thresholds file lists no sectors.");
        }

        return document.Sectors.Select(ToThresholds).ToList();
    }

    private static SizeThresholds ToThresholds(SectorDto sector)
    {
        if (string.IsNullOrWhiteSpace(sector.Id))
        {
            throw new FormatException("A size thresholds sector has no id.");
        }

        var classes = sector.Classes
            .Select(c => new SizeThreshold(
                ParseClass(sector.Id, c.Class),
                c.MinEmployees ?? throw new FormatException($"Sector '{sector.Id}', class '{c.Class}': minEmployees is missing."),
                c.MinAnnualRevenueCny ?? throw new FormatException($"Sector '{sector.Id}', class '{c.Class}': minAnnualRevenueCny is missing.")))
            .OrderByDescending(t => t.Class)
            .ToList();

        var expected = new[] { SizeClass.Large, SizeClass.Medium, SizeClass.Small };
        if (!classes.Select(t => t.Class).SequenceEqual(expected))
        {
            throw new FormatException($"Sector '{sector.Id}' must give large, medium and small exactly once each (micro is what meets none).");
        }

        for (var i = 1; i < classes.Count; i++)
        {
            var larger = classes[i - 1];
            var smaller = classes[i];
            if (smaller.MinEmployees < 0 || smaller.MinAnnualRevenueCny < 0
                || larger.MinEmployees < smaller.MinEmployees || larger.MinAnnualRevenueCny < smaller.MinAnnualRevenueCny)
            {
                throw new FormatException($"Sector '{sector.Id}': the minimums of {larger.Class} must not be below those of {smaller.Class}, nor any be negative.");
            }
        }

        return new SizeThresholds(sector.Id, sector.NameZh ?? sector.Id, sector.NameEn ?? sector.Id, sector.Source ?? string.Empty, classes);
    }

    private static SizeClass ParseClass(string sectorId, string? value) =>
        Enum.TryParse<SizeClass>(value, ignoreCase: true, out var sizeClass) && Enum.IsDefined(sizeClass) && !int.TryParse(value, out _)
            ? sizeClass
            : throw new FormatException($"Sector '{sectorId}': unknown size class '{value}'.");

    private sealed class Document
    {
        public List<SectorDto> Sectors { get; set; } = [];
    }

    private sealed class SectorDto
    {
        public string? Id { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public string? Source { get; set; }
        public List<ClassDto> Classes { get; set; } = [];
    }

    private sealed class ClassDto
    {
        public string? Class { get; set; }
        public int? MinEmployees { get; set; }
        public decimal? MinAnnualRevenueCny { get; set; }
    }
}
