using System.Runtime.CompilerServices;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog.Pool;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Import;

/// <summary>
/// Demonstration cases as a table; the natural key is the Chinese title. The enterprise is named by its credit code
/// (optional), the solution by its provider's credit code and its Chinese title (optional). An anonymised case is
/// exported without the enterprise's credit code.
/// </summary>
internal sealed class CaseTable(PlatformDbContext db, ScenarioLibrary library) : PoolTable
{
    public override PoolKind Kind => PoolKind.Cases;

    public override string? SearchKind => Core.Matching.SearchDocumentKinds.Case;

    public override async Task PlanAsync(Viewer viewer, ImportPlan plan, IReadOnlyList<TabularRow> rows, DateTime now, CancellationToken ct)
    {
        var b = plan.Binding;
        var titles = rows.Select(r => b.Cell(r, PoolFields.TitleZh)).Where(t => t.Length > 0).Distinct().ToList();
        var existing = await db.Cases.Where(c => titles.Contains(c.TitleZh)).ToDictionaryAsync(c => c.TitleZh, ct);
        var enterpriseCodes = rows.Select(r => CreditCode.Normalize(b.Cell(r, PoolColumns.EnterpriseCreditCode))).Where(c => c.Length > 0).Distinct().ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseCodes.Contains(e.CreditCode))
            .ToDictionaryAsync(e => e.CreditCode, e => e.Id, ct);
        var providers = await db.Providers.AsNoTracking().Select(p => new { p.Id, p.CreditCode }).ToDictionaryAsync(p => p.CreditCode, p => p.Id, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            var title = b.Cell(row, PoolFields.TitleZh);
            if (title.Length > 0 && !seen.TryAdd(title, row.RowNumber))
            {
                plan.Duplicate(row, PoolFields.TitleZh, seen[title], title);
                continue;
            }

            existing.TryGetValue(title, out var current);
            var cells = new RowCells(plan, row);
            var enterpriseId = Enterprise(plan, row, enterprises, current);
            var (solutionId, providerId) = await SolutionAsync(plan, row, providers, current, ct);
            var kpis = Kpis(plan, row, current);
            var input = new CaseInput(
                title,
                cells.Text(PoolFields.TitleEn, current?.TitleEn),
                cells.Text(PoolFields.SummaryZh, current?.SummaryZh),
                cells.Text(PoolFields.SummaryEn, current?.SummaryEn),
                enterpriseId,
                cells.Text(PoolFields.EnterpriseName, current?.EnterpriseName),
                cells.Bool(PoolColumns.Anonymised, current?.Anonymised ?? false),
                cells.Text(PoolFields.IndustryCode, current?.IndustryCode),
                cells.Text(PoolFields.RegionCode, current?.RegionCode),
                cells.List(PoolFields.Scenarios, current?.Scenarios),
                cells.Text(PoolFields.Tier, current?.Tier?.ToString()),
                cells.Int(PoolFields.Year, current?.Year),
                solutionId,
                providerId,
                kpis);
            var checkedInput = CaseValidator.Validate(input, library, now.Year);
            plan.ValidatorErrors(row, checkedInput.Errors, PoolFields.TitleZh);
            if (plan.HasErrors(row.RowNumber) || checkedInput.Value is not { } v) continue;

            var target = current ?? new DemonstrationCase { TitleZh = v.TitleZh, CreatedAt = now };
            var change = current is null ? RecordChange.Insert : Same(current, v) ? RecordChange.Unchanged : RecordChange.Update;
            plan.Records.Add(new PlannedRecord([row.RowNumber], change, target.Id, () =>
            {
                PoolRecords.Apply(target, v, now);
                if (current is null) db.Cases.Add(target);
            }));
        }
    }

    private static Guid? Enterprise(ImportPlan plan, TabularRow row, Dictionary<string, Guid> enterprises, DemonstrationCase? current)
    {
        if (!plan.Binding.Has(PoolColumns.EnterpriseCreditCode)) return current?.EnterpriseId;
        var cell = plan.Binding.Cell(row, PoolColumns.EnterpriseCreditCode);
        // an anonymised case is exported without its enterprise, so an empty cell keeps the link it has
        if (cell.Length == 0) return current is { Anonymised: true } ? current.EnterpriseId : null;
        var check = CreditCode.Validate(cell);
        if (check.Error is { } error)
        {
            plan.Error(row, PoolColumns.EnterpriseCreditCode, error);
            return null;
        }

        if (enterprises.TryGetValue(check.NormalizedCode, out var id)) return id;
        plan.Error(row, PoolColumns.EnterpriseCreditCode, new EnterpriseMessage("enterprise.unknown",
            $"平台上没有统一社会信用代码为 {check.NormalizedCode} 的企业；不在平台上的企业请留空此列，只填企业名称",
            $"No enterprise with credit code {check.NormalizedCode} is on the platform; leave this column empty and give only the name for an enterprise that is not"));
        return null;
    }

    private async Task<(Guid? Solution, Guid? Provider)> SolutionAsync(ImportPlan plan, TabularRow row, Dictionary<string, Guid> providers, DemonstrationCase? current, CancellationToken ct)
    {
        var b = plan.Binding;
        if (!b.Has(PoolColumns.SolutionProviderCreditCode) && !b.Has(PoolColumns.SolutionTitleZh)) return (current?.SolutionId, current?.ProviderId);
        var code = b.Cell(row, PoolColumns.SolutionProviderCreditCode);
        var title = b.Cell(row, PoolColumns.SolutionTitleZh);
        if (code.Length == 0)
        {
            if (title.Length > 0)
            {
                plan.Error(row, PoolColumns.SolutionProviderCreditCode, new EnterpriseMessage("solutionProvider.required",
                    "填写了方案标题时，也要填写方案服务商的统一社会信用代码", "A solution title needs the credit code of its provider"));
            }

            return (null, null);
        }

        var check = CreditCode.Validate(code);
        if (check.Error is { } error)
        {
            plan.Error(row, PoolColumns.SolutionProviderCreditCode, error);
            return (null, null);
        }

        if (!providers.TryGetValue(check.NormalizedCode, out var providerId))
        {
            plan.Error(row, PoolColumns.SolutionProviderCreditCode, new EnterpriseMessage("provider.unknown",
                $"资源池中没有统一社会信用代码为 {check.NormalizedCode} 的服务商",
                $"No service provider with credit code {check.NormalizedCode} is in the pool"));
            return (null, null);
        }

        if (title.Length == 0) return (null, providerId);
        var solutionId = await db.Solutions.AsNoTracking().Where(s => s.ProviderId == providerId && s.TitleZh == title).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (solutionId is null)
        {
            plan.Error(row, PoolColumns.SolutionTitleZh, new EnterpriseMessage("solution.unknown",
                $"服务商 {check.NormalizedCode} 没有标题为「{title}」的解决方案",
                $"Provider {check.NormalizedCode} has no solution titled '{title}'"));
        }

        return (solutionId, providerId);
    }

    private static IReadOnlyList<KpiChangeInput>? Kpis(ImportPlan plan, TabularRow row, DemonstrationCase? current)
    {
        if (!plan.Binding.Has(PoolFields.Kpis))
            return current?.Kpis.Select(k => new KpiChangeInput(k.Indicator, k.Before, k.After, k.Unit, k.ChangePercent)).ToList();
        if (KpiCell.TryParse(plan.Binding.Cell(row, PoolFields.Kpis), out var kpis, out var error)) return kpis;
        plan.Error(row, PoolFields.Kpis, error!);
        return [];
    }

    public override async IAsyncEnumerable<IReadOnlyList<string>> ExportAsync(Viewer viewer, bool chinese, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = from c in db.Cases.AsNoTracking()
                    join e in db.Enterprises.AsNoTracking() on c.EnterpriseId equals e.Id into es
                    from e in es.DefaultIfEmpty()
                    join s in db.Solutions.AsNoTracking() on c.SolutionId equals s.Id into ss
                    from s in ss.DefaultIfEmpty()
                    join p in db.Providers.AsNoTracking() on c.ProviderId equals p.Id into ps
                    from p in ps.DefaultIfEmpty()
                    orderby c.TitleZh
                    select new { c, EnterpriseCode = e == null ? null : e.CreditCode, SolutionTitle = s == null ? null : s.TitleZh, ProviderCode = p == null ? null : p.CreditCode };
        await foreach (var x in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            var c = x.c;
            // an anonymised case never shows which enterprise it is
            var enterpriseCode = c.Anonymised ? "" : x.EnterpriseCode ?? "";
            yield return [c.TitleZh, c.TitleEn, c.SummaryZh, c.SummaryEn, enterpriseCode, c.EnterpriseName, CellValues.Show(c.Anonymised, chinese),
                c.IndustryCode, c.RegionCode, ListCell.Join(c.Scenarios), c.Tier is { } t ? (chinese ? t.Name().Zh : t.ToString()) : "",
                CellValues.Show(c.Year), x.ProviderCode ?? "", x.SolutionTitle ?? "",
                KpiCell.Format(c.Kpis.Select(k => (k.Indicator, k.Before, k.After, k.Unit, k.ChangePercent)))];
        }
    }

    private static bool Same(DemonstrationCase c, CaseValues v) =>
        c.TitleEn == v.TitleEn && c.SummaryZh == v.SummaryZh && c.SummaryEn == v.SummaryEn && c.EnterpriseId == v.EnterpriseId
        && c.EnterpriseName == v.EnterpriseName && c.Anonymised == v.Anonymised && c.IndustryCode == v.IndustryCode
        && c.RegionCode == v.RegionCode && c.Scenarios.SequenceEqual(v.Scenarios) && c.Tier == v.Tier && c.Year == v.Year
        && c.SolutionId == v.SolutionId && c.ProviderId == v.ProviderId
        && c.Kpis.Count == v.Kpis.Count
        && c.Kpis.Zip(v.Kpis).All(p => p.First.Indicator == p.Second.Indicator && p.First.Before == p.Second.Before
            && p.First.After == p.Second.After && p.First.Unit == p.Second.Unit && p.First.ChangePercent == p.Second.ChangePercent);
}
