using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Security;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address: <see cref="SecurityOptions.TrustedProxies"/>
/// lists the proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed, so the client's own address reaches the
/// sign-in limit and the logs. Nothing is believed from any other sender.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SecurityOptions>, TrustedProxiesValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // each hop is a trusted proxy or the client: the first untrusted address from the right is the client
            forwarded.ForwardLimit = null;
            foreach (var entry in security.Value.TrustedProxies)
            {
                if (TryParse(entry, out var address, out var network))
                {
                    if (address is not null) forwarded.KnownProxies.Add(address);
                    else forwarded.KnownIPNetworks.Add(network!.Value);
                }
            }
        });
        return services;
    }

    /// <summary>Uses the forwarded headers only when proxies are configured.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var security = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        return security.TrustedProxies.Length == 0 ? app : app.UseForwardedHeaders();
    }

    /// <summary>An address (IPv4 or IPv6) or a network in CIDR notation.</summary>
    public static bool TryParse(string? entry, out IPAddress? address, out System.Net.IPNetwork? network)
    {
        address = null;
        network = null;
        var text = entry?.Trim();
        if (string.IsNullOrEmpty(text)) return false;
        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (!System.Net.IPNetwork.TryParse(text, out var parsed)) return false;
            network = parsed;
            return true;
        }
        if (!IPAddress.TryParse(text, out var single)) return false;
        address = single;
        return true;
    }

    private sealed class TrustedProxiesValidator : IValidateOptions<SecurityOptions>
    {
        public ValidateOptionsResult Validate(string? name, SecurityOptions options)
        {
            var bad = options.TrustedProxies.Where(p => !TryParse(p, out _, out _)).ToList();
            return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(
                $"{SecurityOptions.Section}:TrustedProxies: '{string.Join("', '", bad)}' is not an IP address or a network in CIDR notation (10.0.0.5, 10.0.0.0/8, fd00::/8).");
        }
    }
}
