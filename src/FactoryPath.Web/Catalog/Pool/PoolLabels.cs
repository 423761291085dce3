using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Catalog.Pool;

/// <summary>A code with its name in the current language; the name is null for a code the catalogs do not know.</summary>
public sealed record NamedCode(string Code, string? Name);

/// <summary>Names of scenarios, industries and regions in the current language, for pages and API responses.</summary>
public static class PoolLabels
{
    public static string? Industry(string code) => IndustryCatalog.Find(code) is { } i ? UiText.Pick(i.NameZh, i.NameEn) : null;

    public static string? Region(string code) =>
        (RegionCatalog.Find(code) ?? RegionCatalog.PrefectureOf(code) ?? RegionCatalog.ProvinceOf(code)) is { } r
            ? UiText.Pick(r.NameZh, r.NameEn)
            : null;

    public static string? Scenario(ScenarioLibrary library, string id) => library.Find(id)?.Name.ForCurrentCulture();

    public static List<NamedCode> Industries(IEnumerable<string> codes) => codes.Select(c => new NamedCode(c, Industry(c))).ToList();

    public static List<NamedCode> Regions(IEnumerable<string> codes) => codes.Select(c => new NamedCode(c, Region(c))).ToList();

    public static List<NamedCode> Scenarios(ScenarioLibrary library, IEnumerable<string> ids) =>
        ids.Select(id => new NamedCode(id, Scenario(library, id))).ToList();

    /// <summary>"¥20,000–¥60,000" (or one amount when both ends are equal).</summary>
    public static string Price(long min, long max) =>
        min == max ? $"¥{min:N0}" : $"¥{min:N0}–¥{max:N0}";
}
