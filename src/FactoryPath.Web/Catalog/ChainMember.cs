using FactoryPath.Core.Catalog;

namespace FactoryPath.Web.Catalog;

/// <summary>An enterprise in an industrial chain: its role and, for a supplier, its tier (1 = direct supplier of the leader).</summary>
public sealed class ChainMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ChainId { get; set; }
    public Guid EnterpriseId { get; set; }
    public ChainRole Role { get; set; }
    /// <summary>0 for the leader; 1, 2, 3 … for suppliers by distance from it.</summary>
    public int Tier { get; set; }
}
