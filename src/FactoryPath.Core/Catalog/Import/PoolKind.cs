namespace FactoryPath.Core.Catalog.Import;

/// <summary>The kinds of records in the resource pool that are imported and exported as tables.</summary>
public enum PoolKind
{
    Providers,
    Solutions,
    Cases,
    Chains,
}

public static class PoolKinds
{
    /// <summary>The kind named in a route (<c>providers</c>, <c>solutions</c>, <c>cases</c>, <c>chains</c>).</summary>
    public static PoolKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "providers" => PoolKind.Providers,
        "solutions" => PoolKind.Solutions,
        "cases" => PoolKind.Cases,
        "chains" => PoolKind.Chains,
        _ => null,
    };

    public static string RouteName(this PoolKind kind) => kind.ToString().ToLowerInvariant();

    public static (string Zh, string En) Names(this PoolKind kind) => kind switch
    {
        PoolKind.Providers => ("服务商", "Service providers"),
        PoolKind.Solutions => ("解决方案", "Solutions"),
        PoolKind.Cases => ("示范案例", "Demonstration cases"),
        PoolKind.Chains => ("产业链", "Industrial chains"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
