using FactoryPath.Core.Enterprises.Data;

namespace FactoryPath.Core.Enterprises;

/// <summary>
/// One sector's size thresholds, largest class first; an enterprise that meets none is micro.
/// Loaded from the embedded <c>size-thresholds.yaml</c>.
/// </summary>
public sealed record SizeThresholds(string SectorId, string NameZh, string NameEn, string Source, IReadOnlyList<SizeThreshold> Classes)
{
    public const string IndustrialSectorId = "industrial";

    private static readonly Lazy<IReadOnlyList<SizeThresholds>> Sectors =
        new(() => SizeThresholdsLoader.Parse(EmbeddedData.ReadText(EmbeddedData.SizeThresholds)));

    /// <summary>Industrial enterprises (工业), 工信部联企业〔2011〕300号.</summary>
    public static SizeThresholds Industrial => ForSector(IndustrialSectorId);

    public static IReadOnlyList<SizeThresholds> All => Sectors.Value;

    public static SizeThresholds ForSector(string sectorId) =>
        Sectors.Value.FirstOrDefault(s => s.SectorId == sectorId)
        ?? throw new KeyNotFoundException($"No size thresholds for sector '{sectorId}'.");

    /// <summary>The threshold of <paramref name="sizeClass"/>; null for <see cref="SizeClass.Micro"/>, which has none.</summary>
    public SizeThreshold? For(SizeClass sizeClass) => Classes.FirstOrDefault(t => t.Class == sizeClass);
}
