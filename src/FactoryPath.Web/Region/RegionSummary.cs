using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Regional;

/// <summary>The region a set of statistics covers, with its parent when the viewer may go up to it.</summary>
public sealed record RegionRef(string Code, RegionLevel Level, string? NameZh, string? NameEn, string? ParentCode);

/// <summary>One row of a breakdown: a sub-region or an industry division, enterprises registered and assessed.</summary>
public sealed record BreakdownRow(string Code, string? NameZh, string? NameEn, StatCell Registered, StatCell Assessed, bool CanDrillDown);

public sealed record LevelCount(int Level, StatCell Enterprises);

/// <summary>Latest results of one model in the region: how many enterprises, and how many reached each level.</summary>
public sealed record ModelLevels(string ModelId, string? NameZh, string? NameEn, StatCell Assessed, IReadOnlyList<LevelCount> Levels);

/// <summary>A question or indicator below full marks in the latest results of <see cref="Enterprises"/> enterprises.</summary>
public sealed record GapCount(string ModelId, string NodeId, string NameZh, string NameEn, StatCell Enterprises);

/// <summary>Demands of the region's enterprises at one stage, and how many enterprises posted them.</summary>
public sealed record MarketStage(StatCell Demands, StatCell Enterprises);

public sealed record MarketCounts(MarketStage Posted, MarketStage Matched, MarketStage WithProposals, MarketStage Accepted);

/// <summary>
/// A rate indicator of a model (a band question with a rate, e.g. equipment networking) pooled over the region: the sum
/// of the numerators over the sum of the denominators of the latest results that answer it, in percent. Null and
/// suppressed when fewer than five enterprises answered it.
/// </summary>
public sealed record IndicatorRate(string ModelId, string QuestionId, string NameZh, string NameEn, StatCell Enterprises, double? Percent);

public sealed record RegionTotals(StatCell Registered, StatCell Assessed);

/// <summary>
/// One indicator of <see cref="RegionIndicators"/> as one model measures it over the region: the pooled rate, mean score
/// share or share of enterprises at or above <see cref="AtLeast"/> of the node's maximum, in percent; <see cref="Proxy"/>
/// when the model asks no direct question and the closest one stands in (the note says which and why). Null and
/// suppressed when fewer than five enterprises stand behind it.
/// </summary>
public sealed record IndicatorValue(string IndicatorId, string NameZh, string NameEn, string ModelId, string NodeKind, string NodeId, string Method,
    double? AtLeast, bool Proxy, string NoteZh, string NoteEn, StatCell Enterprises, double? Percent);

/// <summary>Enterprises per level of their latest result at the end of one month (yyyy-MM, UTC).</summary>
public sealed record LevelMonth(string Month, StatCell Assessed, IReadOnlyList<LevelCount> Levels);

/// <summary>The level distribution of one model month by month.</summary>
public sealed record LevelTrend(string ModelId, string? NameZh, string? NameEn, IReadOnlyList<int> Levels, IReadOnlyList<LevelMonth> Months);

/// <summary>
/// One cell of the scene × industry heat map: the latest results of a model in one GB/T 4754 division that rate the
/// scene, their mean level as a percentage of the highest level, and the percentage at half the highest level or above.
/// </summary>
public sealed record SceneMaturityCell(string ModelId, string SceneId, string SceneNameZh, string SceneNameEn, string Division,
    string? DivisionNameZh, string? DivisionNameEn, StatCell Enterprises, double? MeanPercent, double? AtHalfPercent);

/// <summary>
/// One typical scenario of the library in a region: the pool's solutions available there (their provider serves the
/// region or the whole country) and how many providers offer them — plain counts, no enterprise data — beside the demands
/// the region's enterprises posted for it and how many enterprises posted them (suppressed like every count of enterprises).
/// </summary>
public sealed record ScenarioSupply(string ScenarioId, string NameZh, string NameEn, int Solutions, int Providers, StatCell Demands, StatCell Enterprises);

/// <summary>Enterprises of the region holding a demonstration tier (an approved application), with who reviews the tier.</summary>
public sealed record RecognitionCount(DemonstrationTier Tier, string NameZh, string NameEn, TierReview Review, string ReviewZh, string ReviewEn, StatCell Enterprises);

public sealed record RegionSummary(
    RegionRef Region, RegionTotals Totals, IReadOnlyList<BreakdownRow> ByDistrict, IReadOnlyList<BreakdownRow> ByIndustry,
    IReadOnlyList<ModelLevels> Levels, IReadOnlyList<GapCount> Gaps, MarketCounts Market, IReadOnlyList<IndicatorRate> Rates, int MinimumCell)
{
    /// <summary>The five indicator rates of the issue, per model (<see cref="RegionIndicators"/>).</summary>
    public IReadOnlyList<IndicatorValue> Indicators { get; init; } = [];

    /// <summary>Level distribution per model at the end of each of the last twelve months.</summary>
    public IReadOnlyList<LevelTrend> LevelTrend { get; init; } = [];

    /// <summary>Scene maturity per industry division (heat map cells).</summary>
    public IReadOnlyList<SceneMaturityCell> SceneMaturity { get; init; } = [];

    /// <summary>Every typical scenario of the library, in its order: solutions available and demands posted.</summary>
    public IReadOnlyList<ScenarioSupply> Solutions { get; init; } = [];

    /// <summary>Recognised enterprises per demonstration tier, in the tier file's order.</summary>
    public IReadOnlyList<RecognitionCount> Recognitions { get; init; } = [];
}
