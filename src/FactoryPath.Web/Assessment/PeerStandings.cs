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

    /// <summary>Percentile = (peers scoring lower + half of those scoring the same) / peers × 100; one pass over the peer group.</summary>
    public async Task<PeerStanding> ForAsync(StoredResult result, CancellationToken ct = default)
    {
        var score = result.Score;
        var counts = await db.Results.AsNoTracking()
            .Where(r => r.IsLatest && r.ModelId == result.ModelId && r.IndustryCode == result.IndustryCode &&
                r.ProvinceCode == result.ProvinceCode && r.EnterpriseId != result.EnterpriseId)
            .GroupBy(_ => 1)
            .Select(g => new { Peers = g.Count(), Below = g.Count(r => r.Score < score), Equal = g.Count(r => r.Score == score) })
            .FirstOrDefaultAsync(ct);
        var peers = counts?.Peers ?? 0;
        if (peers < MinimumPeers) return new PeerStanding(peers, null, 0, 0, result.IndustryCode, result.ProvinceCode);
        var percentile = Math.Round((counts!.Below + counts.Equal / 2.0) / peers * 100, 1);
        return new PeerStanding(peers, percentile, counts.Below, counts.Equal, result.IndustryCode, result.ProvinceCode);
    }
}
