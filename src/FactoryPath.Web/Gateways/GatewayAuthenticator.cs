using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Gateways;

/// <summary>Checks a gateway's MQTT credentials: user name = gateway id, password = its issued secret, not revoked.</summary>
public sealed class GatewayAuthenticator(IServiceScopeFactory scopes)
{
    public async Task<bool> VerifyAsync(string? gatewayId, string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(gatewayId) || string.IsNullOrEmpty(secret) || gatewayId.Length > 40) return false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var gateway = await db.Gateways.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gatewayId, ct);
        return gateway is { IsRevoked: false } && GatewaySecrets.Verify(gateway, secret);
    }
}

/// <summary>Ends a revoked gateway's open MQTT connections (a no-op when an external broker holds them).</summary>
public interface IGatewayConnections
{
    Task DisconnectAsync(string gatewayId, CancellationToken ct = default);
}
