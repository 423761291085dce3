using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Enterprises;

namespace FactoryPath.Web.Demands;

/// <summary>
/// Turns a completed project into a demonstration case. Anonymised by default: the enterprise is described by its
/// region and industry, e.g. "浙江省宁波市某汽车制造企业"; with the enterprise's choice, under its own name.
/// </summary>
public static class CaseFromProject
{
    private const int TitleMaxLength = 200;

    public static DemonstrationCase Build(TransformationProject project, Enterprise enterprise, string providerName, ScenarioLibrary library, bool named, DateTime now)
    {
        var nameZh = named ? enterprise.Name : AnonymousNameZh(enterprise.RegionCode, enterprise.IndustryCode);
        var nameEn = named ? enterprise.Name : AnonymousNameEn(enterprise.RegionCode, enterprise.IndustryCode);
        var scenariosZh = string.Join("、", project.Scenarios.Select(s => library.Find(s)?.Name.Zh ?? s));
        var scenariosEn = string.Join(", ", project.Scenarios.Select(s => library.Find(s)?.Name.En ?? s));
        return new DemonstrationCase
        {
            TitleZh = Fit($"{nameZh}：{project.Title}", TitleMaxLength),
            TitleEn = Fit($"{nameEn}: {project.Title}", TitleMaxLength),
            SummaryZh = Fit($"{nameZh}在平台上委托{providerName}实施{scenariosZh}，{now.Year}年完成。", 4000),
            SummaryEn = Fit($"{nameEn} commissioned {providerName} on the platform to implement {scenariosEn}; completed in {now.Year}.", 4000),
            EnterpriseId = enterprise.Id,
            EnterpriseName = Fit(nameZh, 200),
            Anonymised = !named,
            IndustryCode = enterprise.IndustryCode,
            RegionCode = enterprise.RegionCode,
            Scenarios = [.. project.Scenarios],
            Year = (project.CompletedAt ?? now).Year,
            SolutionId = project.SolutionId,
            ProviderId = project.ProviderId,
            ProjectId = project.Id,
            Kpis = project.Outcomes.Select(k => new KpiChange { Indicator = k.Indicator, Before = k.Before, After = k.After, Unit = k.Unit, ChangePercent = k.ChangePercent }).ToList(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>"浙江省宁波市某汽车制造企业": province and city of the region, then the industry division without its closing 业.</summary>
    public static string AnonymousNameZh(string regionCode, string industryCode)
    {
        var industry = IndustryCatalog.Find(industryCode)?.NameZh ?? "制造业";
        var trade = industry.EndsWith('业') ? industry[..^1] : industry;
        return $"{RegionZh(regionCode)}某{trade}企业";
    }

    /// <summary>"An enterprise in Manufacture of Automobiles, 宁波市, Zhejiang" (city names are shipped in Chinese only).</summary>
    public static string AnonymousNameEn(string regionCode, string industryCode)
    {
        var industry = IndustryCatalog.Find(industryCode)?.NameEn ?? "Manufacturing";
        var province = RegionCatalog.ProvinceOf(regionCode);
        var prefecture = RegionCatalog.PrefectureOf(regionCode);
        var place = province is null ? "China"
            : prefecture is null || prefecture.Code == province.Code || DemandNames.IsPlaceholder(prefecture.NameZh) ? province.NameEn
            : $"{prefecture.NameZh}, {province.NameEn}";
        return $"An enterprise in {industry}, {place}";
    }

    internal static string Fit(string text, int max) => text.Length <= max ? text : text[..max];

    private static string RegionZh(string regionCode)
    {
        var province = RegionCatalog.ProvinceOf(regionCode);
        if (province is null) return "";
        var prefecture = RegionCatalog.PrefectureOf(regionCode);
        return prefecture is null || prefecture.Code == province.Code || DemandNames.IsPlaceholder(prefecture.NameZh)
            ? province.NameZh
            : province.NameZh + prefecture.NameZh;
    }
}
