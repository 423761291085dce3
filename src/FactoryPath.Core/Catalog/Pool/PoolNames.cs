using FactoryPath.Core.Assessment;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>Bilingual names of the pool's enumerations, and parsing from either the value's name or its Chinese name.</summary>
public static class PoolNames
{
    public static LocalizedText Name(this DeploymentMode mode) => mode switch
    {
        DeploymentMode.Saas => new("云服务（SaaS）", "SaaS"),
        DeploymentMode.OnPremises => new("本地部署", "On-premises"),
        DeploymentMode.Hybrid => new("混合部署", "Hybrid"),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static LocalizedText Name(this DemonstrationTier tier) => tier switch
    {
        DemonstrationTier.SmartFactoryBasic => new("基础级智能工厂", "Smart factory, basic"),
        DemonstrationTier.SmartFactoryAdvanced => new("先进级智能工厂", "Smart factory, advanced"),
        DemonstrationTier.SmartFactoryExcellent => new("卓越级智能工厂", "Smart factory, excellent"),
        DemonstrationTier.SmartFactoryLeading => new("领航级智能工厂", "Smart factory, leading"),
        DemonstrationTier.NationalDemonstration => new("国家智能制造示范工厂", "National intelligent-manufacturing demonstration factory"),
        DemonstrationTier.ProvincialDemonstration => new("省级智能制造示范工厂", "Provincial intelligent-manufacturing demonstration factory"),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };

    public static LocalizedText Name(this ChainRole role) => role switch
    {
        ChainRole.Leader => new("链主企业", "Leading enterprise"),
        ChainRole.Member => new("配套企业", "Member enterprise"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out DeploymentMode mode) => TryParse(text, m => m.Name().Zh, out mode);

    public static bool TryParse(string? text, out DemonstrationTier tier) => TryParse(text, t => t.Name().Zh, out tier);

    public static bool TryParse(string? text, out ChainRole role) => TryParse(text, r => r.Name().Zh, out role);

    public static bool TryParse(string? text, out SizeClass sizeClass) => TryParse(text, s => s.Zh(), out sizeClass);

    /// <summary>Accepts the value's name in any letter case (<c>OnPremises</c>, <c>saas</c>) or its Chinese name; never a number.</summary>
    private static bool TryParse<TEnum>(string? text, Func<TEnum, string> zh, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase) || zh(candidate) == trimmed)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }
}
