using FactoryPath.Web.Assessment;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Api;

/// <summary>Peer percentile = (peers below + half the peers level with us) / peers × 100, shown from 5 peers on.</summary>
public sealed class PeerStandingTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<StoredResult> AddAsync(PlatformDbContext db, double score, string industry = "34", string province = "330000", bool latest = true, string model = "m")
    {
        var e = new Enterprise { Name = "x", CreditCode = Guid.NewGuid().ToString("N")[..18].ToUpperInvariant(), IndustryCode = industry, RegionCode = province, ProvinceCode = province };
        db.Enterprises.Add(e);
        var sheet = new AnswerSheet { EnterpriseId = e.Id, ModelId = model, ModelVersion = "1" };
        db.AnswerSheets.Add(sheet);
        var r = new StoredResult { EnterpriseId = e.Id, AnswerSheetId = sheet.Id, ModelId = model, ModelVersion = "1", Score = score, IndustryCode = industry, ProvinceCode = province, IsLatest = latest };
        db.Results.Add(r);
        await db.SaveChangesAsync();
        return r;
    }

    [Fact]
    public async Task Six_peers_give_the_hand_computed_percentile()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var s in new[] { 10.0, 20, 30, 30, 40, 50 }) await AddAsync(db, s);
        // not peers: other industry, other province, other model, an older result
        await AddAsync(db, 5, industry: "35");
        await AddAsync(db, 5, province: "440000");
        await AddAsync(db, 5, model: "other");
        await AddAsync(db, 5, latest: false);
        var mine = await AddAsync(db, 30);

        var standing = await scope.ServiceProvider.GetRequiredService<PeerStandings>().ForAsync(mine);

        // peers 10, 20, 30, 30, 40, 50: below = 2 (10, 20), level = 2 (30, 30) → (2 + 2/2) / 6 × 100 = 50 %
        Assert.Equal(6, standing.Peers);
        Assert.Equal(2, standing.Below);
        Assert.Equal(2, standing.Equal);
        Assert.Equal(50.0, standing.Percentile);
    }

    [Fact]
    public async Task With_four_peers_no_percentile_is_shown()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var s in new[] { 10.0, 20, 30, 40 }) await AddAsync(db, s);
        var mine = await AddAsync(db, 35);
        var standing = await scope.ServiceProvider.GetRequiredService<PeerStandings>().ForAsync(mine);
        Assert.Equal(4, standing.Peers);
        Assert.Null(standing.Percentile);
        Assert.False(standing.IsShown);
    }

    [Fact]
    public async Task The_top_of_five_peers_stands_at_100()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var s in new[] { 10.0, 20, 30, 40, 50 }) await AddAsync(db, s);
        var mine = await AddAsync(db, 90);
        var standing = await scope.ServiceProvider.GetRequiredService<PeerStandings>().ForAsync(mine);
        // 5 below, 0 level → 5 / 5 × 100 = 100 %
        Assert.Equal(100.0, standing.Percentile);
    }
}
