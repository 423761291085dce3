using Microsoft.AspNetCore.Identity;

namespace FactoryPath.Web.Accounts;

/// <summary>A person who signs in. An enterprise user belongs to one enterprise; a regional admin is bound to one region code.</summary>
public sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    /// <summary>The provider a service-provider account speaks for.</summary>
    public Guid? ProviderId { get; set; }

    /// <summary>GB/T 2260 code of the region a regional administrator oversees (province, city or county).</summary>
    public string? RegionCode { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
