using System.Globalization;

namespace FactoryPath.Web.Regional;

/// <summary>The console tables of the supply per typical scenario and of the recognised demonstration tiers.</summary>
public static partial class RegionTables
{
    /// <summary>Every typical scenario in the library's order: solutions and providers available in the region, demands and the enterprises posting them.</summary>
    private static RegionTableDefinition SolutionsTable() => new("solutions", Text("region.solutions"),
        [new("scenario", Text("region.solutions.scenario"), RegionColumnKind.Label), new("solutions", Text("region.solutions.solutions"), RegionColumnKind.Count),
         new("providers", Text("region.solutions.providers"), RegionColumnKind.Count), new("demands", Text("region.market.demands"), RegionColumnKind.Count),
         new("enterprises", Text("region.solutions.enterprises"), RegionColumnKind.Count)],
        (s, zh) => RegionTableGroup.Single(s.Solutions.Select(r => new RegionTableRow(r.ScenarioId,
            [RegionCell.Label(Pick(zh, r.NameZh, r.NameEn)), Plain(r.Solutions), Plain(r.Providers), RegionCell.Of(r.Demands), RegionCell.Of(r.Enterprises)]))))
    {
        Lead = Text("region.solutions.lead"),
    };

    /// <summary>Every tier of the tier file: who reviews it and how many of the region's enterprises hold it; the tier links to the approved applications of the review list.</summary>
    private static RegionTableDefinition RecognitionsTable() => new("recognitions", Text("region.recognitions"),
        [new("tier", Text("region.recognitions.tier"), RegionColumnKind.Label), new("review", Text("region.recognitions.review"), RegionColumnKind.Label),
         new("enterprises", Text("region.recognitions.enterprises"), RegionColumnKind.Count)],
        (s, zh) => RegionTableGroup.Single(s.Recognitions.Select(r => new RegionTableRow(r.Tier.ToString(),
            [RegionCell.Linked(Pick(zh, r.NameZh, r.NameEn), $"/admin/demonstration?status=Approved&tier={r.Tier}"), RegionCell.Label(Pick(zh, r.ReviewZh, r.ReviewEn)),
             RegionCell.Of(r.Enterprises)]))))
    {
        Lead = Text("region.recognitions.lead"),
    };

    /// <summary>A count that describes no enterprise (solutions, providers): shown as it is, zero included.</summary>
    private static RegionCell Plain(int count) => new(count.ToString(CultureInfo.InvariantCulture), count, false);
}
