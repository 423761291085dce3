using FactoryPath.Core.Assessment;
using FactoryPath.Core.Eligibility;

namespace FactoryPath.Core.Catalog.Tiers;

/// <summary>Which level of administration decides on an application for a tier.</summary>
public enum TierReview
{
    /// <summary>A prefecture (city) administrator of the enterprise's city, or its province's administrator.</summary>
    Prefecture,
    /// <summary>A province administrator of the enterprise's province.</summary>
    Province,
    /// <summary>The platform operator only.</summary>
    National,
}

/// <summary>One rule of a tier and whether its figure is our judgement rather than a published requirement.</summary>
public sealed record TierRule(EligibilityRule Rule, bool Judgement);

/// <summary>A demonstration tier an enterprise may apply for: its names, who reviews it and what it must meet first.</summary>
/// <param name="Judgement">True when the review level or the tier's description is our judgement.</param>
public sealed record TierDefinition(DemonstrationTier Tier, LocalizedText Name, LocalizedText Summary, TierReview Review, bool Judgement, IReadOnlyList<TierRule> Rules)
{
    public IReadOnlyList<EligibilityRule> EligibilityRules => Rules.Select(r => r.Rule).ToList();

    public static LocalizedText ReviewName(TierReview review) => review switch
    {
        TierReview.Prefecture => new("地市级主管部门", "City authority"),
        TierReview.Province => new("省级主管部门", "Provincial authority"),
        _ => new("国家级（平台运营方）", "National (platform operator)"),
    };
}

/// <summary>The tiers read from <c>Catalog/Data/demonstration-tiers.yaml</c>, in file order.</summary>
public sealed class DemonstrationTierCatalog(IReadOnlyList<TierDefinition> tiers)
{
    internal const string EmbeddedResource = "FactoryPath.Core.Catalog.Data.demonstration-tiers.yaml";

    public IReadOnlyList<TierDefinition> Tiers { get; } = tiers;

    public TierDefinition? Find(DemonstrationTier tier) => Tiers.FirstOrDefault(t => t.Tier == tier);
}
