using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>
/// The bilingual field errors of the pool validators. A code is the field's base name and the kind of error,
/// e.g. <c>titleZh.required</c>, <c>indicator.unknown</c> (for <c>kpis[0].indicator</c>); codes are stable.
/// </summary>
public static class PoolErrors
{
    public const string Required = "required";
    public const string TooLong = "tooLong";
    public const string Unknown = "unknown";
    public const string OutOfRange = "outOfRange";
    public const string Negative = "negative";
    public const string BelowMin = "belowMin";
    public const string Duplicate = "duplicate";
    public const string NotUrl = "notUrl";
    public const string LeaderCount = "leaderCount";
    public const string LeaderTier = "leaderTier";

    private static readonly Dictionary<string, (string Zh, string En)> Labels = new(StringComparer.Ordinal)
    {
        [PoolFields.Name] = ("名称", "The name"),
        [PoolFields.RegionCode] = ("所在地区", "The region"),
        [PoolFields.RegionsServed] = ("服务地区", "A region served"),
        [PoolFields.Industries] = ("行业", "An industry"),
        [PoolFields.IndustryCode] = ("所属行业", "The industry"),
        [PoolFields.Scenarios] = ("场景", "The scenarios"),
        [PoolFields.Certifications] = ("资质认证", "A certification"),
        [PoolFields.TeamSize] = ("团队人数", "The team size"),
        [PoolFields.DescriptionZh] = ("中文简介", "The Chinese description"),
        [PoolFields.DescriptionEn] = ("英文简介", "The English description"),
        [PoolFields.Website] = ("网站", "The website"),
        [PoolFields.TitleZh] = ("中文标题", "The Chinese title"),
        [PoolFields.TitleEn] = ("英文标题", "The English title"),
        [PoolFields.SizeClasses] = ("适用企业规模", "A size class"),
        [PoolFields.Deployment] = ("部署方式", "The deployment"),
        [PoolFields.PriceMinCny] = ("最低价格", "The minimum price"),
        [PoolFields.PriceMaxCny] = ("最高价格", "The maximum price"),
        [PoolFields.ImplementationWeeks] = ("实施周期", "The implementation time"),
        [PoolFields.SummaryZh] = ("中文摘要", "The Chinese summary"),
        [PoolFields.SummaryEn] = ("英文摘要", "The English summary"),
        [PoolFields.EnterpriseName] = ("企业名称", "The enterprise name"),
        [PoolFields.Tier] = ("示范层级", "The tier"),
        [PoolFields.Year] = ("年份", "The year"),
        [PoolFields.Indicator] = ("指标", "The indicator"),
        [PoolFields.ChangePercent] = ("变化幅度", "The change"),
        [PoolFields.Before] = ("改造前数值", "The value before"),
        [PoolFields.After] = ("改造后数值", "The value after"),
        [PoolFields.Unit] = ("单位", "The unit"),
        [PoolFields.NameZh] = ("中文名称", "The Chinese name"),
        [PoolFields.NameEn] = ("英文名称", "The English name"),
        [PoolFields.Members] = ("成员企业", "The members"),
        [PoolFields.Role] = ("角色", "The role"),
        [PoolFields.EnterpriseId] = ("企业", "The enterprise"),
    };

    /// <summary>The stable code of an error kind about a field (its base name without list position).</summary>
    public static string Code(string field, string kind) => $"{field}.{kind}";

    internal static EnterpriseMessage RequiredError(string field)
    {
        var (zh, en) = Label(field);
        return new(Code(field, Required), $"请填写{zh}", $"{en} is required");
    }

    internal static EnterpriseMessage TooLongError(string field, int max, int actual)
    {
        var (zh, en) = Label(field);
        return new(Code(field, TooLong), $"{zh}最多 {max} 个字符，实际为 {actual} 个", $"{en} must be at most {max} characters, got {actual}");
    }

    internal static EnterpriseMessage IndustryUnknown(string field, string code) => new(
        Code(field, Unknown),
        $"行业代码 '{code}' 不是 GB/T 4754-2017 的行业大类代码",
        $"Industry code '{code}' is not a GB/T 4754-2017 division code");

    internal static EnterpriseMessage RegionUnknown(string field, string code) => new(
        Code(field, Unknown),
        $"地区代码 '{code}' 不是有效的 GB/T 2260 行政区划代码",
        $"Region code '{code}' is not a valid GB/T 2260 administrative division code");

    internal static EnterpriseMessage ScenarioUnknown(string id) => new(
        Code(PoolFields.Scenarios, Unknown),
        $"场景 '{id}' 不在典型场景库中",
        $"Scenario '{id}' is not in the typical scenario library");

    internal static EnterpriseMessage NameUnknown(string field, string text, IEnumerable<string> allowed)
    {
        var (zh, en) = Label(field);
        var list = string.Join(", ", allowed);
        return new(Code(field, Unknown), $"{zh} '{text}' 无效，可选：{list}", $"{en} '{text}' is not valid; use one of: {list}");
    }

    internal static EnterpriseMessage IndicatorUnknown(string text) => new(
        Code(PoolFields.Indicator, Unknown),
        $"指标 '{text}' 无效，可选：{string.Join(", ", KpiIndicators.All.Select(i => i.Key))}",
        $"Indicator '{text}' is not valid; use one of: {string.Join(", ", KpiIndicators.All.Select(i => i.Key))}");

    internal static EnterpriseMessage OutOfRangeError(string field, string min, string max, string actual)
    {
        var (zh, en) = Label(field);
        return new(Code(field, OutOfRange), $"{zh}应在 {min} 到 {max} 之间，实际为 {actual}", $"{en} must be between {min} and {max}, got {actual}");
    }

    internal static EnterpriseMessage NegativeError(string field)
    {
        var (zh, en) = Label(field);
        return new(Code(field, Negative), $"{zh}不能为负数", $"{en} must not be negative");
    }

    internal static EnterpriseMessage PriceBelowMin(long min, long max) => new(
        Code(PoolFields.PriceMaxCny, BelowMin),
        $"最高价格 {max} 元低于最低价格 {min} 元",
        $"The maximum price {max} CNY is below the minimum price {min} CNY");

    internal static EnterpriseMessage DuplicateError(string field, string value)
    {
        var (zh, en) = Label(field);
        return new(Code(field, Duplicate), $"{zh} '{value}' 重复出现", $"{en} '{value}' appears more than once");
    }

    internal static EnterpriseMessage NotUrlError() => new(
        Code(PoolFields.Website, NotUrl),
        "网站应为以 http:// 或 https:// 开头的完整地址",
        "The website must be a full address starting with http:// or https://");

    internal static EnterpriseMessage LeaderCountError(int actual) => new(
        Code(PoolFields.Members, LeaderCount),
        $"产业链应有且只有一家链主企业，实际为 {actual} 家",
        $"A chain needs exactly one leading enterprise, got {actual}");

    internal static EnterpriseMessage LeaderTierError() => new(
        Code(PoolFields.Tier, LeaderTier),
        "链主企业的层级应为 0",
        "The leading enterprise's tier must be 0");

    internal static EnterpriseMessage MemberEnterpriseRequired() => new(
        Code(PoolFields.EnterpriseId, Required),
        "请指定成员企业（平台企业编号或统一社会信用代码）",
        "The member enterprise is required (its platform id or unified social credit code)");

    private static (string Zh, string En) Label(string field) =>
        Labels.TryGetValue(field, out var label) ? label : (field, field);
}
