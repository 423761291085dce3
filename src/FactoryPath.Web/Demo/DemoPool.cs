using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demo;

/// <summary>
/// Seeds the demo resource pool once (when it has no provider yet): providers, solutions, cases and chains from
/// <see cref="DemoPoolData"/>, each checked by the same validators as user input, and binds the demo provider account to
/// the first provider. Dates are fixed so the seed is repeatable.
/// </summary>
internal sealed class DemoPool(PlatformDbContext db, ScenarioLibrary library)
{
    private static readonly DateTime SeededAt = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Providers.AnyAsync(ct)) return;

        var providers = DemoPoolData.Providers.Select((row, i) => Provider(row, i)).ToList();
        db.Providers.AddRange(providers);
        var solutions = DemoPoolData.Solutions.Select(row => Solution(row, providers[row.Provider].Id)).ToList();
        db.Solutions.AddRange(solutions);

        var enterprises = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Name, e => e.Id, ct);
        foreach (var row in DemoPoolData.Cases) db.Cases.Add(Case(row, solutions, enterprises));
        foreach (var (nameZh, nameEn, region, industries, members) in DemoPoolData.Chains)
        {
            // a chain needs its demo enterprises; on a database seeded by an older demo they may be missing
            if (members.Any(m => !enterprises.ContainsKey(m.Enterprise))) continue;
            var chain = new IndustrialChain { NameZh = nameZh, NameEn = nameEn, RegionCode = region, Industries = [.. industries], CreatedAt = SeededAt, UpdatedAt = SeededAt };
            chain.Members = members.Select(m => new ChainMember
            {
                ChainId = chain.Id, EnterpriseId = enterprises[m.Enterprise], Role = m.Tier == 0 ? ChainRole.Leader : ChainRole.Member, Tier = m.Tier,
            }).ToList();
            db.Chains.Add(chain);
        }

        var account = await db.Users.FirstOrDefaultAsync(u => u.Email == DemoAccounts.Provider.Email, ct);
        if (account is { ProviderId: null }) account.ProviderId = providers[0].Id;
        await db.SaveChangesAsync(ct);
    }

    private Provider Provider(DemoPoolData.ProviderRow row, int index)
    {
        var code = $"91{row.Region}MB{index + 1:0000000}";
        var input = new ProviderInput(row.Name, code + CreditCode.ComputeCheckCharacter(code), row.Region, row.Served, row.Industries, row.Scenarios,
            row.Certifications, row.TeamSize, row.Zh, row.En, row.Website);
        var v = Checked(ProviderValidator.Validate(input, library), row.Name);
        return new Provider
        {
            Name = v.Name, CreditCode = v.CreditCode, RegionCode = v.RegionCode, RegionsServed = [.. v.RegionsServed], Industries = [.. v.Industries],
            Scenarios = [.. v.Scenarios], Certifications = [.. v.Certifications], TeamSize = v.TeamSize, DescriptionZh = v.DescriptionZh,
            DescriptionEn = v.DescriptionEn, Website = v.Website, CreatedAt = SeededAt, UpdatedAt = SeededAt,
        };
    }

    private Solution Solution(DemoPoolData.SolutionRow row, Guid providerId)
    {
        var input = new SolutionInput(providerId, row.TitleZh, row.TitleEn, row.Zh, row.En, row.Scenarios, row.Industries, row.Sizes,
            row.Deployment, row.Min, row.Max, row.Weeks, row.Standardised);
        var v = Checked(SolutionValidator.Validate(input, library), row.TitleZh);
        return new Solution
        {
            ProviderId = providerId, TitleZh = v.TitleZh, TitleEn = v.TitleEn, DescriptionZh = v.DescriptionZh, DescriptionEn = v.DescriptionEn,
            Scenarios = [.. v.Scenarios], Industries = [.. v.Industries], SizeClasses = [.. v.SizeClasses], Deployment = v.Deployment,
            PriceMinCny = v.PriceMinCny, PriceMaxCny = v.PriceMaxCny, ImplementationWeeks = v.ImplementationWeeks, Standardised = v.Standardised,
            CreatedAt = SeededAt, UpdatedAt = SeededAt,
        };
    }

    private DemonstrationCase Case(DemoPoolData.CaseRow row, IReadOnlyList<Solution> solutions, IReadOnlyDictionary<string, Guid> enterprises)
    {
        var solution = row.Solution is { } i ? solutions[i] : null;
        Guid? enterpriseId = row.Enterprise is { } name && enterprises.TryGetValue(name, out var id) ? id : null;
        var input = new CaseInput(row.TitleZh, row.TitleEn, row.Zh, row.En, enterpriseId, row.ShownName, row.Anonymised, row.Industry, row.Region,
            row.Scenarios, row.Tier, row.Year, solution?.Id, solution?.ProviderId,
            row.Kpis.Select(k => new KpiChangeInput(k.Indicator, k.Before, k.After, k.Unit, k.Change)).ToList());
        var v = Checked(CaseValidator.Validate(input, library, SeededAt.Year), row.TitleZh);
        return new DemonstrationCase
        {
            TitleZh = v.TitleZh, TitleEn = v.TitleEn, SummaryZh = v.SummaryZh, SummaryEn = v.SummaryEn, EnterpriseId = v.EnterpriseId,
            EnterpriseName = v.EnterpriseName, Anonymised = v.Anonymised, IndustryCode = v.IndustryCode, RegionCode = v.RegionCode,
            Scenarios = [.. v.Scenarios], Tier = v.Tier, Year = v.Year, SolutionId = v.SolutionId, ProviderId = v.ProviderId,
            Kpis = v.Kpis.Select(k => new KpiChange { Indicator = k.Indicator, Before = k.Before, After = k.After, Unit = k.Unit, ChangePercent = k.ChangePercent }).ToList(),
            CreatedAt = SeededAt, UpdatedAt = SeededAt,
        };
    }

    private static T Checked<T>(PoolValidation<T> result, string what) where T : class =>
        result.Value ?? throw new InvalidOperationException($"Demo pool record '{what}' is not valid: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value.En}"))}");
}
