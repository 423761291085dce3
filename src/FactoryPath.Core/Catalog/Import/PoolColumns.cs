using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Core.Catalog.Import;

/// <summary>
/// The columns of each kind's import and export table, with their Chinese and English headers (either is accepted on
/// import). Keys are the field names of <see cref="PoolFields"/> where a column holds such a field, so validator errors
/// land on their column.
/// </summary>
public static class PoolColumns
{
    public const string ProviderCreditCode = "providerCreditCode";
    public const string Standardised = "standardised";
    public const string EnterpriseCreditCode = "enterpriseCreditCode";
    public const string Anonymised = "anonymised";
    public const string SolutionProviderCreditCode = "solutionProviderCreditCode";
    public const string SolutionTitleZh = "solutionTitleZh";
    public const string MemberCreditCode = "memberCreditCode";

    public static TabularSchema Providers { get; } = new([
        new(PoolFields.CreditCode, "统一社会信用代码", "credit_code", Required: true),
        new(PoolFields.Name, "名称", "name", Required: true),
        new(PoolFields.RegionCode, "所在地区代码", "region_code", Required: true),
        new(PoolFields.RegionsServed, "服务地区", "regions_served", IsList: true),
        new(PoolFields.Industries, "行业", "industries", IsList: true),
        new(PoolFields.Scenarios, "场景", "scenarios", IsList: true),
        new(PoolFields.Certifications, "资质认证", "certifications", IsList: true),
        new(PoolFields.TeamSize, "团队人数", "team_size", Required: true),
        new(PoolFields.DescriptionZh, "中文简介", "description_zh"),
        new(PoolFields.DescriptionEn, "英文简介", "description_en"),
        new(PoolFields.Website, "网站", "website"),
    ]);

    public static TabularSchema Solutions { get; } = new([
        new(ProviderCreditCode, "服务商统一社会信用代码", "provider_credit_code", Required: true),
        new(PoolFields.TitleZh, "中文标题", "title_zh", Required: true),
        new(PoolFields.TitleEn, "英文标题", "title_en", Required: true),
        new(PoolFields.DescriptionZh, "中文简介", "description_zh"),
        new(PoolFields.DescriptionEn, "英文简介", "description_en"),
        new(PoolFields.Scenarios, "场景", "scenarios", Required: true, IsList: true),
        new(PoolFields.Industries, "行业", "industries", IsList: true),
        new(PoolFields.SizeClasses, "适用企业规模", "size_classes", IsList: true),
        new(PoolFields.Deployment, "部署方式", "deployment", Required: true),
        new(PoolFields.PriceMinCny, "最低价格（元）", "price_min_cny", Required: true),
        new(PoolFields.PriceMaxCny, "最高价格（元）", "price_max_cny", Required: true),
        new(PoolFields.ImplementationWeeks, "实施周期（周）", "implementation_weeks", Required: true),
        new(Standardised, "标准化可复制", "standardised"),
    ]);

    public static TabularSchema Cases { get; } = new([
        new(PoolFields.TitleZh, "中文标题", "title_zh", Required: true),
        new(PoolFields.TitleEn, "英文标题", "title_en", Required: true),
        new(PoolFields.SummaryZh, "中文摘要", "summary_zh"),
        new(PoolFields.SummaryEn, "英文摘要", "summary_en"),
        new(EnterpriseCreditCode, "企业统一社会信用代码", "enterprise_credit_code"),
        new(PoolFields.EnterpriseName, "企业名称", "enterprise_name", Required: true),
        new(Anonymised, "匿名", "anonymised"),
        new(PoolFields.IndustryCode, "所属行业", "industry_code", Required: true),
        new(PoolFields.RegionCode, "所在地区代码", "region_code", Required: true),
        new(PoolFields.Scenarios, "场景", "scenarios", Required: true, IsList: true),
        new(PoolFields.Tier, "示范层级", "tier"),
        new(PoolFields.Year, "年份", "year", Required: true),
        new(SolutionProviderCreditCode, "方案服务商统一社会信用代码", "solution_provider_credit_code"),
        new(SolutionTitleZh, "方案中文标题", "solution_title_zh"),
        new(PoolFields.Kpis, "成效指标", "kpis", IsList: true),
    ]);

    public static TabularSchema Chains { get; } = new([
        new(PoolFields.NameZh, "产业链名称", "chain_name_zh", Required: true),
        new(PoolFields.NameEn, "产业链英文名称", "chain_name_en", Required: true),
        new(PoolFields.DescriptionZh, "产业链中文简介", "chain_description_zh"),
        new(PoolFields.DescriptionEn, "产业链英文简介", "chain_description_en"),
        new(PoolFields.RegionCode, "所在地区代码", "region_code", Required: true),
        new(PoolFields.Industries, "行业", "industries", IsList: true),
        new(MemberCreditCode, "成员企业统一社会信用代码", "member_credit_code", Required: true),
        new(PoolFields.Role, "角色", "role", Required: true),
        new(PoolFields.Tier, "层级", "tier", Required: true),
    ]);

    public static TabularSchema For(PoolKind kind) => kind switch
    {
        PoolKind.Providers => Providers,
        PoolKind.Solutions => Solutions,
        PoolKind.Cases => Cases,
        PoolKind.Chains => Chains,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
