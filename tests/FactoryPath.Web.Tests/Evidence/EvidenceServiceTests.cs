using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Assessment.Evidence;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static FactoryPath.Web.Tests.Evidence.Registers;

namespace FactoryPath.Web.Tests.Evidence;

/// <summary>The service reads the latest stored reports of an enterprise's gateways (in-memory SQLite, the platform's own model).</summary>
public sealed class EvidenceServiceTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly PlatformDbContext _db;
    private readonly Guid _enterprise;

    public EvidenceServiceTests()
    {
        _connection.Open();
        _db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite(_connection).Options);
        _db.Database.EnsureCreated();
        var enterprise = new Enterprise { Name = "证据测试企业", CreditCode = Codes.NewCreditCode(), IndustryCode = "34", RegionCode = "330212", ProvinceCode = "330000" };
        _db.Enterprises.Add(enterprise);
        _db.SaveChanges();
        _enterprise = enterprise.Id;
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    private EvidenceService Service() => new(_db, EvidenceMaps.None, NullLogger<EvidenceService>.Instance);

    private void AddGateway(string id, bool revoked, EquipmentRegisterReport? register, GatewayHealthReport? health = null)
    {
        _db.Gateways.Add(new Gateway { Id = id, EnterpriseId = _enterprise, Name = id, SecretHash = "x", IssuedAt = Morning, RevokedAt = revoked ? Morning.AddHours(1) : null });
        if (register is not null)
            _db.GatewaySnapshots.Add(new GatewaySnapshot { GatewayId = id, Kind = UplinkKinds.Register, Sequence = 1, ReceivedAt = Morning, Json = JsonSerializer.Serialize(register, UplinkJson.Options) });
        if (health is not null)
            _db.GatewaySnapshots.Add(new GatewaySnapshot { GatewayId = id, Kind = UplinkKinds.Health, Sequence = 2, ReceivedAt = Morning.AddMinutes(2), Json = JsonSerializer.Serialize(health, UplinkJson.Options) });
        _db.SaveChanges();
    }

    [Fact]
    public async Task A_revoked_gateway_is_ignored()
    {
        AddGateway("gw-live", revoked: false, Register("ningbo", ("press-1", true, true), ("saw", false, false)));
        AddGateway("gw-old", revoked: true, Register("cixi", ("cnc-1", true, true), ("cnc-2", true, true)));

        var evidence = await Service().ForEnterpriseAsync(_enterprise);

        Assert.Equal(["gw-live"], evidence.Gateways.Select(g => g.GatewayId));
        Assert.Equal((2, 1, 1), (evidence.Equipment!.Total, evidence.Equipment.Digital, evidence.Equipment.Networked));
        Assert.Equal(DateTimeKind.Utc, evidence.Equipment.MeasuredAt.Kind);
        Assert.Equal(Morning, evidence.Equipment.MeasuredAt);
    }

    [Fact]
    public async Task Only_revoked_gateways_count_as_no_gateway()
    {
        AddGateway("gw-old", revoked: true, Register("cixi", ("cnc-1", true, true)));
        Assert.Equal(EvidenceStatus.NoGateway, (await Service().ForEnterpriseAsync(_enterprise)).Status);
    }

    [Fact]
    public async Task A_gateway_that_sent_only_health_gives_no_register()
    {
        AddGateway("gw-new", revoked: false, null, Health((AssetPathOf("ningbo", "press-1"), TagRole.State, TagQuality.Good)));
        var evidence = await Service().ForEnterpriseAsync(_enterprise);
        Assert.Equal(EvidenceStatus.NoRegister, evidence.Status);
        Assert.Null(evidence.Equipment);
    }

    [Fact]
    public async Task Register_and_health_of_one_gateway_give_the_roles_of_its_networked_machines()
    {
        AddGateway("gw-live", revoked: false, Register("ningbo", ("press-1", true, true)), Health((AssetPathOf("ningbo", "press-1"), TagRole.EnergyKwh, TagQuality.Good)));
        var evidence = await Service().ForEnterpriseAsync(_enterprise);
        Assert.Equal([TagRole.EnergyKwh], evidence.Roles);
        Assert.Equal(Morning.AddMinutes(2), evidence.RolesMeasuredAt);
    }

    [Fact]
    public async Task A_stored_report_that_no_longer_reads_gives_no_evidence_instead_of_failing()
    {
        AddGateway("gw-bad", revoked: false, null);
        _db.GatewaySnapshots.Add(new GatewaySnapshot { GatewayId = "gw-bad", Kind = UplinkKinds.Register, Sequence = 1, ReceivedAt = Morning, Json = "{\"items\": 3}" });
        _db.SaveChanges();
        Assert.Equal(EvidenceStatus.NoRegister, (await Service().ForEnterpriseAsync(_enterprise)).Status);
    }
}
