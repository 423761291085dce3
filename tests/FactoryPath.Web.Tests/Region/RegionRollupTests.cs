using FactoryPath.Core.Assessment;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Regional;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Region;

/// <summary>
/// The rollups kept at submission (<see cref="RegionRollupWriter"/>) against a rebuild from the stored results: after
/// first submissions, resubmissions under two models and an enterprise that moves county and division, both give the
/// same rows; the rows kept for a prefecture and a province are the sums of their counties' rows.
/// </summary>
public sealed class RegionRollupTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Rows_kept_at_submission_equal_a_rebuild_after_submissions_resubmissions_and_a_move()
    {
        var enterprises = new List<Enterprise>();
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            foreach (var (region, industry, i) in new[] { ("350102", "34"), ("350102", "34"), ("350102", "39"), ("350203", "34"), ("350203", "2611"), ("330102", "34") }.Select((x, i) => (x.Item1, x.Item2, i)))
            {
                var e = new Enterprise
                {
                    Name = $"汇总{i}", CreditCode = Codes.NewCreditCode(), IndustryCode = industry, RegionCode = region, ProvinceCode = region[..2] + "0000",
                    Employees = 50, AnnualRevenueCny = 20_000_000, SizeClass = SizeClass.Small,
                };
                db.Enterprises.Add(e);
                enterprises.Add(e);
            }
            await db.SaveChangesAsync();
        }

        var rng = new Random(11);
        foreach (var e in enterprises) await SubmitAsync(e, "miit-sme-digital-level", rng);
        foreach (var e in enterprises.Take(4)) await SubmitAsync(e, "miit-sme-digital-level", rng); // resubmissions
        foreach (var e in enterprises.Skip(2)) await SubmitAsync(e, "cmmm-selfcheck", rng);
        await SubmitAsync(enterprises[0], "miit-sme-digital-level", rng); // a third result

        // the first enterprise moves to another county and division; then submits once more there
        using (var scope = _factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<EnterpriseService>();
            var e = enterprises[0];
            var moved = await service.UpdateAsync(ViewerOf(e), e.Id, new EnterpriseProfileInput(e.Name, e.CreditCode, "26", "350203", 50, 20_000_000));
            Assert.True(moved.IsOk, moved.Message);
        }
        await SubmitAsync(enterprises[0], "cmmm-selfcheck", rng);

        var (nodes, levels, assessed) = await SnapshotAsync();
        Assert.NotEmpty(nodes);
        Assert.Contains(nodes, n => n.StartsWith("350203|26|miit-sme-digital-level|", StringComparison.Ordinal));
        // six assessed enterprises; the first moved to 350203 and division 26, where the one of industry 2611 already is
        Assert.Equal(["330102|34|1", "350102|34|1", "350102|39|1", "350203|26|2", "350203|34|1"], assessed);
        await AssertPrefixRowsAreCountySumsAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            await RegionStatsRebuild.RunAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), scope.ServiceProvider.GetRequiredService<ModelRegistry>());
        }
        var (rebuiltNodes, rebuiltLevels, rebuiltAssessed) = await SnapshotAsync();
        Assert.True(nodes.SequenceEqual(rebuiltNodes), string.Join("\n", nodes.Except(rebuiltNodes).Concat(rebuiltNodes.Except(nodes).Select(n => "rebuilt " + n))));
        Assert.Equal(rebuiltLevels, levels);
        Assert.Equal(rebuiltAssessed, assessed);

        // and a second rebuild changes nothing
        using (var scope = _factory.Services.CreateScope())
        {
            await RegionStatsRebuild.RunAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), scope.ServiceProvider.GetRequiredService<ModelRegistry>());
        }
        var again = await SnapshotAsync();
        Assert.Equal(rebuiltNodes, again.Nodes);
        Assert.Equal(rebuiltAssessed, again.Assessed);
    }

    [Fact]
    public async Task The_latest_results_of_a_county_are_counted_once_per_enterprise_and_model()
    {
        Enterprise e;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            e = new Enterprise { Name = "单家", CreditCode = Codes.NewCreditCode(), IndustryCode = "34", RegionCode = "350102", ProvinceCode = "350000" };
            db.Enterprises.Add(e);
            await db.SaveChangesAsync();
        }
        var rng = new Random(5);
        for (var i = 0; i < 3; i++) await SubmitAsync(e, "miit-sme-digital-level", rng);
        using var check = _factory.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<RegionNodeStat>().AsNoTracking()
            .Where(s => s.RegionCode == "350102" && s.NodeKind == RegionNodeStat.QuestionKind && s.Answered != 0).ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(1, r.Answered));
        var levels = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<RegionLevelChange>().AsNoTracking().Where(c => c.RegionCode == "350102").ToListAsync();
        Assert.Equal(1, levels.Sum(l => l.Delta));
    }

    private static Viewer ViewerOf(Enterprise e) => new("u-" + e.Id, "e@example.cn", new HashSet<string> { PlatformRoles.EnterpriseUser }, e.Id, null);

    private async Task SubmitAsync(Enterprise e, string modelId, Random rng)
    {
        using var scope = _factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var model = scope.ServiceProvider.GetRequiredService<ModelRegistry>().Latest(modelId)!;
        var viewer = ViewerOf(e);
        var sheet = await service.StartAsync(viewer, e.Id, modelId, null);
        Assert.True(sheet.IsOk, sheet.Message);
        var saved = await service.SaveDraftAsync(viewer, sheet.Value!.Id, DemoAnswers.Generate(model, rng, rng.NextDouble()));
        Assert.True(saved.IsOk, saved.Message);
        var submitted = await service.SubmitAsync(viewer, sheet.Value.Id);
        Assert.True(submitted.IsOk, submitted.Message + string.Join("; ", submitted.Errors?.Select(x => x.Key + ": " + string.Join(",", x.Value)) ?? []));
    }

    /// <summary>Every row kept under a prefecture's or province's prefix equals the sum of the rows of the six-digit codes it covers.</summary>
    private async Task AssertPrefixRowsAreCountySumsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var nodes = await db.Set<RegionNodeStat>().AsNoTracking().ToListAsync();
        var prefixes = nodes.Where(n => n.RegionCode.Length < 6).ToList();
        Assert.Contains(prefixes, n => n.RegionCode == "35");
        Assert.Contains(prefixes, n => n.RegionCode == "3502");
        foreach (var p in prefixes)
        {
            var counties = nodes.Where(n => n.RegionCode.Length == 6 && n.RegionCode.StartsWith(p.RegionCode, StringComparison.Ordinal)
                && n.Division == p.Division && n.ModelId == p.ModelId && n.NodeKind == p.NodeKind && n.NodeId == p.NodeId).ToList();
            Assert.Equal(counties.Sum(c => c.Answered), p.Answered);
            Assert.Equal(counties.Sum(c => c.AtHalf), p.AtHalf);
            Assert.Equal(counties.Sum(c => c.RateEnterprises), p.RateEnterprises);
            Assert.Equal(counties.Sum(c => c.ShareSum), p.ShareSum, 6);
        }
        var levels = await db.Set<RegionLevelChange>().AsNoTracking().ToListAsync();
        Assert.Contains(levels, l => l.RegionCode == "3501");
        foreach (var p in levels.Where(l => l.RegionCode.Length < 6))
        {
            Assert.Equal(levels.Where(l => l.RegionCode.Length == 6 && l.RegionCode.StartsWith(p.RegionCode, StringComparison.Ordinal)
                && l.ModelId == p.ModelId && l.Month == p.Month && l.Level == p.Level).Sum(l => l.Delta), p.Delta);
        }
    }

    /// <summary>The rows that describe at least one result, as text (sums rounded to 6 decimals).</summary>
    private async Task<(List<string> Nodes, List<string> Levels, List<string> Assessed)> SnapshotAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var nodes = (await db.Set<RegionNodeStat>().AsNoTracking().ToListAsync())
            .Where(s => s.Answered != 0 || s.RateEnterprises != 0)
            .Select(s => string.Join('|', s.RegionCode, s.Division, s.ModelId, s.NodeKind, s.NodeId, s.Answered, s.AtFull, s.AtThreeQuarters, s.AtHalf, s.AtQuarter,
                R(s.ShareSum), s.RateEnterprises, R(s.RateNumerator), R(s.RateDenominator)))
            .Order(StringComparer.Ordinal).ToList();
        var levels = (await db.Set<RegionLevelChange>().AsNoTracking().ToListAsync()).Where(c => c.Delta != 0)
            .Select(c => string.Join('|', c.RegionCode, c.ModelId, c.Month, c.Level, c.Delta)).Order(StringComparer.Ordinal).ToList();
        var assessed = (await db.Set<RegionAssessedCount>().AsNoTracking().ToListAsync()).Where(a => a.Enterprises != 0)
            .Select(a => string.Join('|', a.RegionCode, a.Division, a.Enterprises)).Order(StringComparer.Ordinal).ToList();
        return (nodes, levels, assessed);
    }

    // + 0.0 turns a negative zero left by a subtraction into zero
    private static string R(double v) => (Math.Round(v, 6) + 0.0).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
