namespace FactoryPath.Core.Enterprises;

/// <summary>The bilingual field errors of <see cref="EnterpriseProfileValidator"/>; codes are stable.</summary>
public static class EnterpriseProfileErrors
{
    public const string NameRequiredCode = "name.required";
    public const string NameTooLongCode = "name.tooLong";
    public const string IndustryRequiredCode = "industryCode.required";
    public const string IndustryUnknownCode = "industryCode.unknown";
    public const string RegionRequiredCode = "regionCode.required";
    public const string RegionUnknownCode = "regionCode.unknown";
    public const string EmployeesRequiredCode = "employees.required";
    public const string EmployeesNegativeCode = "employees.negative";
    public const string RevenueRequiredCode = "annualRevenueCny.required";
    public const string RevenueNegativeCode = "annualRevenueCny.negative";

    internal static EnterpriseMessage NameRequired() => new(NameRequiredCode, "请填写企业名称", "The enterprise name is required");

    internal static EnterpriseMessage NameTooLong(int actual) => new(
        NameTooLongCode,
        $"企业名称最多 {EnterpriseProfileFields.NameMaxLength} 个字符，实际为 {actual} 个",
        $"The enterprise name must be at most {EnterpriseProfileFields.NameMaxLength} characters, got {actual}");

    internal static EnterpriseMessage IndustryRequired() => new(IndustryRequiredCode, "请选择所属行业", "The industry is required");

    internal static EnterpriseMessage IndustryUnknown(string code) => new(
        IndustryUnknownCode,
        $"行业代码 '{code}' 不是 GB/T 4754-2017 的行业大类代码",
        $"Industry code '{code}' is not a GB/T 4754-2017 division code");

    internal static EnterpriseMessage RegionRequired() => new(RegionRequiredCode, "请选择所在地区", "The region is required");

    internal static EnterpriseMessage RegionUnknown(string code) => new(
        RegionUnknownCode,
        $"地区代码 '{code}' 不是有效的 GB/T 2260 行政区划代码",
        $"Region code '{code}' is not a valid GB/T 2260 administrative division code");

    internal static EnterpriseMessage EmployeesRequired() => new(EmployeesRequiredCode, "请填写从业人员数", "The number of employees is required");

    internal static EnterpriseMessage NegativeEmployees() => new(
        EmployeesNegativeCode, "从业人员数不能为负数", "The number of employees must not be negative");

    internal static EnterpriseMessage RevenueRequired() => new(RevenueRequiredCode, "请填写年营业收入", "The annual operating revenue is required");

    internal static EnterpriseMessage NegativeRevenue() => new(
        RevenueNegativeCode, "年营业收入不能为负数", "The annual operating revenue must not be negative");
}
