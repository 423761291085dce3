using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Demo;

/// <summary>The demo accounts seeded on an empty database, one per role; all share the configured demo password.</summary>
public static class DemoAccounts
{
    public sealed record Account(string Email, string Role, string DisplayName, string? RegionCode);

    public static readonly Account Enterprise = new("owner@demo.factorypath.cn", PlatformRoles.EnterpriseUser, "王经理", null);
    public static readonly Account Provider = new("provider@demo.factorypath.cn", PlatformRoles.ServiceProvider, "服务商演示", null);
    public static readonly Account ProvinceAdmin = new("zhejiang-admin@demo.factorypath.cn", PlatformRoles.RegionalAdmin, "浙江省管理员", "330000");
    public static readonly Account CityAdmin = new("ningbo-admin@demo.factorypath.cn", PlatformRoles.RegionalAdmin, "宁波市管理员", "330200");
    public static readonly Account Operator = new("operator@demo.factorypath.cn", PlatformRoles.PlatformAdmin, "平台运营", null);

    public static IReadOnlyList<Account> All { get; } = [Enterprise, Provider, ProvinceAdmin, CityAdmin, Operator];
}
