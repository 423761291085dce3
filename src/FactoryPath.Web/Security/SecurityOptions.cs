using System.ComponentModel.DataAnnotations;

namespace FactoryPath.Web.Security;

/// <summary>Sign-in throttling, bound from "FactoryPath:Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "FactoryPath:Security";

    /// <summary>Sign-in and registration attempts one client address may make per window (posts to the login and registration forms and API).</summary>
    [Range(1, 1_000_000)]
    public int LoginPermitsPerClient { get; set; } = 10;

    /// <summary>Sign-in attempts per account name (email) per window, from whatever address they come.</summary>
    [Range(1, 1_000_000)]
    public int LoginPermitsPerAccount { get; set; } = 10;

    /// <summary>Length of the fixed window the permits are counted in, in seconds.</summary>
    [Range(1, 86_400)]
    public int LoginWindowSeconds { get; set; } = 60;

    public TimeSpan LoginWindow => TimeSpan.FromSeconds(LoginWindowSeconds);

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>) of reverse proxies in front of the platform. From
    /// these only, <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> name the client, so that the per-address limit
    /// counts each client and not the proxy. Empty (the default): the headers are ignored, so a client cannot pick its
    /// own address.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
