using FactoryPath.Web.Gateways;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demo;

/// <summary>
/// The demo enterprise's gateway record, so the gateway pages have something to show and an in-process demo gateway
/// can connect to the embedded broker: user name <see cref="Id"/>, password the configured demo password.
/// </summary>
public static class DemoGateway
{
    public const string Id = "gw-demo-ningbo";
    public const string Name = "宁波示范工厂网关";

    public static async Task SeedAsync(PlatformDbContext db, string secret, DateTime now, CancellationToken ct = default)
    {
        if (await db.Gateways.AnyAsync(g => g.Id == Id, ct)) return;
        var enterprise = await db.Enterprises.Where(e => e.CreditCode == DemoSeeder.DemoCreditCode).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (enterprise is null) return;
        var gateway = new Gateway { Id = Id, EnterpriseId = enterprise.Value, Name = Name, IssuedAt = now };
        gateway.SecretHash = GatewaySecrets.Hash(gateway, secret);
        db.Gateways.Add(gateway);
        await db.SaveChangesAsync(ct);
    }
}
