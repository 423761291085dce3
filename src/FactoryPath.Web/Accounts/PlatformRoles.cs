namespace FactoryPath.Web.Accounts;

public static class PlatformRoles
{
    public const string EnterpriseUser = nameof(EnterpriseUser);
    public const string ServiceProvider = nameof(ServiceProvider);
    public const string RegionalAdmin = nameof(RegionalAdmin);
    public const string PlatformAdmin = nameof(PlatformAdmin);

    public static readonly IReadOnlyList<string> All = [EnterpriseUser, ServiceProvider, RegionalAdmin, PlatformAdmin];
}
