namespace FactoryPath.Web.Enterprises.Audit;

/// <summary>One read of an enterprise's detail by a regional administrator or the platform operator.</summary>
public sealed class AdminRead
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTime At { get; set; }
    public Guid EnterpriseId { get; set; }
    public string UserId { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>RegionalAdmin or PlatformAdmin.</summary>
    public string Role { get; set; } = "";
    /// <summary>The administrator's region; null for the operator.</summary>
    public string? RegionCode { get; set; }
    /// <summary>What was read: one of <see cref="AdminReadKinds"/>.</summary>
    public string What { get; set; } = "";
    public string? ResourceId { get; set; }
}
