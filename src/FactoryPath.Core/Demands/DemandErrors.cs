using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Demands;

/// <summary>The bilingual field errors of demands, proposals and project completion; codes are stable.</summary>
public static class DemandErrors
{
    public const string TitleRequiredCode = "title.required";
    public const string TitleTooLongCode = "title.tooLong";
    public const string DescriptionTooLongCode = "description.tooLong";
    public const string ScenariosRequiredCode = "scenarios.required";
    public const string ScenarioUnknownCode = "scenarios.unknown";
    public const string BudgetMinRequiredCode = "budgetMinCny.required";
    public const string BudgetMinNegativeCode = "budgetMinCny.negative";
    public const string BudgetMinAboveMaxCode = "budgetMinCny.aboveMax";
    public const string BudgetMaxRequiredCode = "budgetMaxCny.required";
    public const string BudgetMaxNotPositiveCode = "budgetMaxCny.notPositive";
    public const string DeadlineRequiredCode = "deadline.required";
    public const string DeadlineNotFutureCode = "deadline.notFuture";
    public const string RegionRequiredCode = "regionCode.required";
    public const string RegionUnknownCode = "regionCode.unknown";
    public const string DeploymentUnknownCode = "preferredDeployment.unknown";

    public const string PriceRequiredCode = "priceCny.required";
    public const string PriceNotPositiveCode = "priceCny.notPositive";
    public const string WeeksRequiredCode = "durationWeeks.required";
    public const string WeeksOutOfRangeCode = "durationWeeks.outOfRange";
    public const string ApproachRequiredCode = "approach.required";
    public const string ApproachTooShortCode = "approach.tooShort";
    public const string ApproachTooLongCode = "approach.tooLong";

    public const string RatingRequiredCode = "rating.required";
    public const string RatingOutOfRangeCode = "rating.outOfRange";
    public const string CommentTooLongCode = "comment.tooLong";
    public const string KpisTooManyCode = "kpis.tooMany";
    public const string KpiIndicatorRequiredCode = "kpi.indicator.required";
    public const string KpiIndicatorUnknownCode = "kpi.indicator.unknown";
    public const string KpiIndicatorDuplicateCode = "kpi.indicator.duplicate";
    public const string KpiChangeRequiredCode = "kpi.changePercent.required";
    public const string KpiChangeOutOfRangeCode = "kpi.changePercent.outOfRange";

    internal static EnterpriseMessage TitleRequired() => new(TitleRequiredCode, "请填写需求标题", "The title is required");

    internal static EnterpriseMessage TitleTooLong(int actual) => new(TitleTooLongCode,
        $"需求标题最多 {DemandFields.TitleMaxLength} 个字符，实际为 {actual} 个",
        $"The title must be at most {DemandFields.TitleMaxLength} characters, got {actual}");

    internal static EnterpriseMessage DescriptionTooLong(int actual) => new(DescriptionTooLongCode,
        $"需求描述最多 {DemandFields.DescriptionMaxLength} 个字符，实际为 {actual} 个",
        $"The description must be at most {DemandFields.DescriptionMaxLength} characters, got {actual}");

    internal static EnterpriseMessage ScenariosRequired() => new(ScenariosRequiredCode, "请至少选择一个场景", "Choose at least one scenario");

    internal static EnterpriseMessage ScenarioUnknown(string id) => new(ScenarioUnknownCode,
        $"场景 '{id}' 不在典型场景库中", $"Scenario '{id}' is not in the typical scenario library");

    internal static EnterpriseMessage BudgetMinRequired() => new(BudgetMinRequiredCode, "请填写预算下限（可以为 0）", "The lower budget limit is required (0 is allowed)");

    internal static EnterpriseMessage BudgetMinNegative() => new(BudgetMinNegativeCode, "预算下限不能为负数", "The lower budget limit must not be negative");

    internal static EnterpriseMessage BudgetMinAboveMax() => new(BudgetMinAboveMaxCode, "预算下限不能高于预算上限", "The lower budget limit must not exceed the upper limit");

    internal static EnterpriseMessage BudgetMaxRequired() => new(BudgetMaxRequiredCode, "请填写预算上限", "The upper budget limit is required");

    internal static EnterpriseMessage BudgetMaxNotPositive() => new(BudgetMaxNotPositiveCode, "预算上限必须大于 0", "The upper budget limit must be more than 0");

    internal static EnterpriseMessage DeadlineRequired() => new(DeadlineRequiredCode, "请填写期望完成日期", "The deadline is required");

    internal static EnterpriseMessage DeadlineNotFuture(DateOnly today) => new(DeadlineNotFutureCode,
        $"期望完成日期必须晚于今天（{today:yyyy-MM-dd}）", $"The deadline must be after today ({today:yyyy-MM-dd})");

    internal static EnterpriseMessage RegionRequired() => new(RegionRequiredCode, "请选择实施地区", "The region is required");

    internal static EnterpriseMessage RegionUnknown(string code) => new(RegionUnknownCode,
        $"地区代码 '{code}' 不是有效的 GB/T 2260 行政区划代码", $"Region code '{code}' is not a valid GB/T 2260 administrative division code");

    internal static EnterpriseMessage DeploymentUnknown() => new(DeploymentUnknownCode,
        "部署方式只能是云服务、本地部署或混合部署", "The deployment must be SaaS, on-premises or hybrid");

    internal static EnterpriseMessage PriceRequired() => new(PriceRequiredCode, "请填写报价", "The price is required");

    internal static EnterpriseMessage PriceNotPositive() => new(PriceNotPositiveCode, "报价必须大于 0", "The price must be more than 0");

    internal static EnterpriseMessage WeeksRequired() => new(WeeksRequiredCode, "请填写实施周期（周）", "The duration in weeks is required");

    internal static EnterpriseMessage WeeksOutOfRange(int actual) => new(WeeksOutOfRangeCode,
        $"实施周期必须在 {DemandFields.MinWeeks} 到 {DemandFields.MaxWeeks} 周之间，实际为 {actual}",
        $"The duration must be between {DemandFields.MinWeeks} and {DemandFields.MaxWeeks} weeks, got {actual}");

    internal static EnterpriseMessage ApproachRequired() => new(ApproachRequiredCode, "请说明实施方案", "Describe the approach");

    internal static EnterpriseMessage ApproachTooShort(int actual) => new(ApproachTooShortCode,
        $"实施方案至少 {DemandFields.ApproachMinLength} 个字符，实际为 {actual} 个",
        $"The approach must be at least {DemandFields.ApproachMinLength} characters, got {actual}");

    internal static EnterpriseMessage ApproachTooLong(int actual) => new(ApproachTooLongCode,
        $"实施方案最多 {DemandFields.ApproachMaxLength} 个字符，实际为 {actual} 个",
        $"The approach must be at most {DemandFields.ApproachMaxLength} characters, got {actual}");

    internal static EnterpriseMessage RatingRequired() => new(RatingRequiredCode, "请为服务商打分（1–5）", "Rate the provider (1–5)");

    internal static EnterpriseMessage RatingOutOfRange(int actual) => new(RatingOutOfRangeCode,
        $"评分必须在 1 到 5 之间，实际为 {actual}", $"The rating must be between 1 and 5, got {actual}");

    internal static EnterpriseMessage CommentTooLong(int actual) => new(CommentTooLongCode,
        $"评价最多 {DemandFields.CommentMaxLength} 个字符，实际为 {actual} 个",
        $"The comment must be at most {DemandFields.CommentMaxLength} characters, got {actual}");

    internal static EnterpriseMessage KpisTooMany(int actual) => new(KpisTooManyCode,
        $"成效指标最多 {DemandFields.MaxKpis} 项，实际为 {actual} 项", $"At most {DemandFields.MaxKpis} outcome indicators, got {actual}");

    internal static EnterpriseMessage KpiIndicatorRequired() => new(KpiIndicatorRequiredCode, "请填写指标", "The indicator is required");

    internal static EnterpriseMessage KpiIndicatorUnknown(string key) => new(KpiIndicatorUnknownCode,
        $"指标 '{key}' 不在成效指标表中（{string.Join("、", Catalog.Pool.KpiIndicators.All.Select(i => i.Key))}）",
        $"Indicator '{key}' is not in the outcome indicator list ({string.Join(", ", Catalog.Pool.KpiIndicators.All.Select(i => i.Key))})");

    internal static EnterpriseMessage KpiIndicatorDuplicate(string key) => new(KpiIndicatorDuplicateCode,
        $"指标 '{key}' 重复填写", $"Indicator '{key}' is entered twice");

    internal static EnterpriseMessage KpiChangeRequired() => new(KpiChangeRequiredCode, "请填写变化幅度（%）", "The change in percent is required");

    internal static EnterpriseMessage KpiChangeOutOfRange(double actual) => new(KpiChangeOutOfRangeCode,
        $"变化幅度必须在 -100% 到 +{CompletionValidator.MaxChangePercent:0}% 之间，实际为 {actual:0.##}%",
        $"The change must be between -100 % and +{CompletionValidator.MaxChangePercent:0} %, got {actual:0.##} %");
}
