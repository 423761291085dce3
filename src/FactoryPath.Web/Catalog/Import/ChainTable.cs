using System.Runtime.CompilerServices;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Import;

/// <summary>
/// Industrial chains as a table of one row per member, grouped by the chain's Chinese name; the natural key is chain
/// name and member enterprise. A chain is checked whole (members already stored count too, so exactly one leader), and
/// a chain with an error in any row is rejected whole. Members a file does not name are left as they are.
/// </summary>
internal sealed class ChainTable(PlatformDbContext db) : PoolTable
{
    private static readonly string[] ChainColumns = [PoolFields.NameEn, PoolFields.DescriptionZh, PoolFields.DescriptionEn, PoolFields.RegionCode, PoolFields.Industries];

    public override PoolKind Kind => PoolKind.Chains;

    public override string? SearchKind => null;

    public override async Task PlanAsync(Viewer viewer, ImportPlan plan, IReadOnlyList<TabularRow> rows, DateTime now, CancellationToken ct)
    {
        var b = plan.Binding;
        var names = rows.Select(r => b.Cell(r, PoolFields.NameZh)).Where(n => n.Length > 0).Distinct().ToList();
        var chains = await db.Chains.Include(c => c.Members).Where(c => names.Contains(c.NameZh)).ToDictionaryAsync(c => c.NameZh, ct);
        var codes = rows.Select(r => CreditCode.Normalize(b.Cell(r, PoolColumns.MemberCreditCode))).Where(c => c.Length > 0).Distinct().ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => codes.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, e => e.Id, ct);

        foreach (var row in rows.Where(r => b.Cell(r, PoolFields.NameZh).Length == 0))
            plan.Error(row, PoolFields.NameZh, new EnterpriseMessage("nameZh.required",
                "请填写产业链名称：各行按名称归入产业链", "The chain name is required: rows are grouped into chains by it"));

        foreach (var group in rows.Where(r => b.Cell(r, PoolFields.NameZh).Length > 0).GroupBy(r => b.Cell(r, PoolFields.NameZh)))
        {
            chains.TryGetValue(group.Key, out var current);
            PlanChain(plan, group.Key, group.ToList(), current, enterprises, now);
        }
    }

    private void PlanChain(ImportPlan plan, string name, List<TabularRow> rows, IndustrialChain? current, Dictionary<string, Guid> enterprises, DateTime now)
    {
        var b = plan.Binding;
        var first = rows[0];
        foreach (var row in rows.Skip(1))
        {
            foreach (var column in ChainColumns.Where(c => b.Has(c) && b.Cell(row, c).Length > 0 && b.Cell(row, c) != b.Cell(first, c)))
            {
                plan.Error(row, column, new EnterpriseMessage("chain.inconsistent",
                    $"同一产业链的各行此列应相同，与第 {first.RowNumber} 行不一致", $"Differs from row {first.RowNumber} of the same chain; chain columns must agree"));
            }
        }

        // members in the file, then stored members the file does not name (so the leader rule sees the whole chain)
        var fileRows = new List<(TabularRow Row, Guid? EnterpriseId)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<ChainMemberInput>();
        foreach (var row in rows)
        {
            var code = CreditCode.Normalize(b.Cell(row, PoolColumns.MemberCreditCode));
            if (code.Length > 0 && !seen.TryAdd(code, row.RowNumber))
            {
                plan.Duplicate(row, PoolColumns.MemberCreditCode, seen[code], $"{name} / {code}");
                continue;
            }

            Guid? enterpriseId = null;
            if (CreditCode.Validate(code).Error is null)
            {
                if (enterprises.TryGetValue(code, out var id)) enterpriseId = id;
                else plan.Error(row, PoolColumns.MemberCreditCode, new EnterpriseMessage("enterprise.unknown",
                    $"平台上没有统一社会信用代码为 {code} 的企业", $"No enterprise with credit code {code} is on the platform"));
            }

            var tier = new RowCells(plan, row).Int(PoolFields.Tier, null);
            fileRows.Add((row, enterpriseId));
            members.Add(new ChainMemberInput(null, code, b.Cell(row, PoolFields.Role), tier));
        }

        var named = fileRows.Where(f => f.EnterpriseId is not null).Select(f => f.EnterpriseId!.Value).ToHashSet();
        var kept = current?.Members.Where(m => !named.Contains(m.EnterpriseId)).ToList() ?? [];
        members.AddRange(kept.Select(m => new ChainMemberInput(m.EnterpriseId, null, m.Role.ToString(), m.Tier)));

        var cells = new RowCells(plan, first);
        var input = new ChainInput(name, cells.Text(PoolFields.NameEn, current?.NameEn), cells.Text(PoolFields.DescriptionZh, current?.DescriptionZh),
            cells.Text(PoolFields.DescriptionEn, current?.DescriptionEn), cells.List(PoolFields.Industries, current?.Industries),
            cells.Text(PoolFields.RegionCode, current?.RegionCode), members);
        var result = ChainValidator.Validate(input);
        foreach (var (key, message) in result.Errors)
        {
            var index = MemberIndex(key);
            var row = index is { } i && i < fileRows.Count ? fileRows[i].Row : first;
            var column = key == PoolFields.Members ? PoolFields.Role : plan.ColumnOf(key, PoolColumns.MemberCreditCode);
            if (column is PoolFields.EnterpriseId or PoolFields.CreditCode) column = PoolColumns.MemberCreditCode;
            plan.Error(row, column, message);
        }

        var bad = rows.Where(r => plan.HasErrors(r.RowNumber)).Select(r => r.RowNumber).ToList();
        if (bad.Count > 0 || result.Value is not { } v)
        {
            foreach (var row in rows.Where(r => !plan.HasErrors(r.RowNumber)))
            {
                plan.Error(row, PoolFields.NameZh, new EnterpriseMessage("chain.rejectedWithOtherRows",
                    $"同一产业链的其他行有错误（第 {string.Join("、", bad)} 行），整条产业链未导入",
                    $"Other rows of this chain have errors (row {string.Join(", ", bad)}), so the chain is not imported"));
            }

            return;
        }

        var chain = current ?? new IndustrialChain { NameZh = v.NameZh, CreatedAt = now };
        var chainChanged = current is null || current.NameEn != v.NameEn || current.DescriptionZh != v.DescriptionZh || current.DescriptionEn != v.DescriptionEn
            || current.RegionCode != v.RegionCode || !current.Industries.SequenceEqual(v.Industries);
        var applied = false;
        void ApplyChain()
        {
            if (applied) return;
            applied = true;
            chain.NameEn = v.NameEn;
            chain.DescriptionZh = v.DescriptionZh;
            chain.DescriptionEn = v.DescriptionEn;
            chain.RegionCode = v.RegionCode;
            chain.Industries = [.. v.Industries];
            chain.UpdatedAt = now;
            if (current is null) db.Chains.Add(chain);
        }

        for (var i = 0; i < fileRows.Count; i++)
        {
            var (row, enterpriseId) = fileRows[i];
            var values = v.Members[i];
            var member = current?.Members.FirstOrDefault(m => m.EnterpriseId == enterpriseId);
            var change = current is null || member is null ? RecordChange.Insert
                : chainChanged || member.Role != values.Role || member.Tier != values.Tier ? RecordChange.Update
                : RecordChange.Unchanged;
            plan.Records.Add(new PlannedRecord([row.RowNumber], change, chain.Id, () =>
            {
                ApplyChain();
                if (member is null)
                {
                    var added = new ChainMember { ChainId = chain.Id, EnterpriseId = enterpriseId!.Value, Role = values.Role, Tier = values.Tier };
                    chain.Members.Add(added);
                    if (current is not null) db.ChainMembers.Add(added);
                }
                else
                {
                    member.Role = values.Role;
                    member.Tier = values.Tier;
                }
            }));
        }
    }

    private static int? MemberIndex(string key)
    {
        var prefix = PoolFields.Members + "[";
        if (!key.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var end = key.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(key.AsSpan(prefix.Length, end - prefix.Length), out var i) ? i : null;
    }

    public override async IAsyncEnumerable<IReadOnlyList<string>> ExportAsync(Viewer viewer, bool chinese, [EnumeratorCancellation] CancellationToken ct)
    {
        var chains = db.Chains.AsNoTracking();
        if (!viewer.IsPlatformAdmin)
        {
            if (!viewer.IsRegionalAdmin) yield break;
            var prefix = RegionScope.PrefixOf(viewer.RegionCode!);
            chains = chains.Where(c => c.RegionCode.StartsWith(prefix));
        }

        var query = from c in chains
                    from m in c.Members
                    join e in db.Enterprises.AsNoTracking() on m.EnterpriseId equals e.Id
                    orderby c.NameZh, m.Tier, e.CreditCode
                    select new { c.NameZh, c.NameEn, c.DescriptionZh, c.DescriptionEn, c.RegionCode, c.Industries, e.CreditCode, m.Role, m.Tier };
        await foreach (var x in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [x.NameZh, x.NameEn, x.DescriptionZh, x.DescriptionEn, x.RegionCode, ListCell.Join(x.Industries), x.CreditCode,
                chinese ? x.Role.Name().Zh : x.Role.ToString(), CellValues.Show(x.Tier)];
        }
    }
}
