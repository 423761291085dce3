using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Assessment;

/// <summary>
/// Where a score stands among peers: the latest results, under the same model, of the other enterprises in the same
/// industry division and province. Shown only when there are at least <see cref="MinimumPeers"/> peers.
/// </summary>
public sealed record PeerStanding(int Peers, double? Percentile, int Below, int Equal, string IndustryCode, string ProvinceCode)
{
    public bool IsShown => Percentile is not null;
}

public sealed class PeerStandings(PlatformDbContext db)
{
    public const int MinimumPeers = 5;

    /// <summary>Percentile = (peers scoring lower + half of those scoring the same) / peers × 100.</summary>
    public async Task<PeerStanding> ForAsync(StoredResult result, CancellationToken ct = default)
    {
        var peers = db.Results.AsNoTracking().Where(r =>
            r.IsLatest && r.ModelId == result.ModelId && r.IndustryCode == result.IndustryCode &&
            r.ProvinceCode == result.ProvinceCode && r.EnterpriseId != result.EnterpriseId);
        var count = await peers.CountAsync(ct);
        if (count < MinimumPeers) return new PeerStanding(count, null, 0, 0, result.IndustryCode, result.ProvinceCode);
        var below = await peers.CountAsync(r => r.Score < result.Score, ct);
        var equal = await peers.CountAsync(r => r.Score == result.Score, ct);
        var percentile = Math.Round((below + equal / 2.0) / count * 100, 1);
        return new PeerStanding(count, percentile, below, equal, result.IndustryCode, result.ProvinceCode);
    }
}
