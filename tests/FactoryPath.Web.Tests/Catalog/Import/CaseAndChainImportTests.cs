using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Tests.Catalog.Import;

public sealed class CaseAndChainImportTests : IDisposable
{
    private const string CaseHeader = "title_zh,title_en,enterprise_credit_code,enterprise_name,anonymised,industry_code,region_code,scenarios,tier,year,solution_provider_credit_code,solution_title_zh,kpis";
    private const string ChainHeader = "产业链名称,产业链英文名称,所在地区代码,行业,成员企业统一社会信用代码,角色,层级";

    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Cases_link_enterprise_and_solution_by_credit_code_and_an_anonymised_case_exports_without_its_enterprise()
    {
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var providerCode = await PoolData.CreditCodeOfAsync(_factory, await PoolData.AddProviderAsync(_factory));
        await client.ImportAsync("solutions", "all", PoolData.Utf8(PoolData.SolutionHeader, PoolData.SolutionRow(providerCode, "设备联网套件")));
        var named = Codes.NewCreditCode();
        var hidden = Codes.NewCreditCode();
        await PoolData.AddEnterpriseAsync(_factory, named);
        await PoolData.AddEnterpriseAsync(_factory, hidden);

        var file = PoolData.Utf8(CaseHeader,
            $"宁波某模具厂设备联网,Mould maker networking,{named},宁波某模具厂,否,34,330212,equipment-monitoring,SmartFactoryBasic,2024,{providerCode},设备联网套件,production_efficiency:+30%;carbon:-12%",
            $"浙江某汽车零部件企业能效提升,Auto parts energy,{hidden},浙江某汽车零部件企业,是,36,330200,smart-energy-control,先进级智能工厂,2025,,,energy_per_unit:-15%:0.82:0.7:吨标煤/万元",
            $"坏案例,Bad case,{Codes.NewCreditCode()},某企业,否,34,330200,equipment-monitoring,Platinum,2024,{providerCode},没有这个方案,speed:+5%");
        var report = await client.ImportAsync("cases", "valid-only", file);

        Assert.Equal(2, report.Int("inserted"));
        var errors = report.Errors().ToList();
        Assert.Contains(errors, e => e is { Row: 4, Column: "enterprise_credit_code", Code: "enterprise.unknown" });
        Assert.Contains(errors, e => e is { Row: 4, Column: "tier", Value: "Platinum" });
        Assert.Contains(errors, e => e is { Row: 4, Column: "solution_title_zh", Code: "solution.unknown" });
        Assert.Contains(errors, e => e is { Row: 4, Column: "kpis" });
        var stored = await PoolData.QueryAsync(_factory, db => db.Cases.OrderBy(c => c.Year).ToListAsync());
        Assert.NotNull(stored[0].SolutionId);
        Assert.Equal(2, stored[0].Kpis.Count);
        Assert.Equal(-15, stored[1].Kpis[0].ChangePercent);
        Assert.Equal("吨标煤/万元", stored[1].Kpis[0].Unit);

        var export = await client.Http.GetByteArrayAsync("/api/v1/pool/cases/export?format=csv");
        var text = System.Text.Encoding.UTF8.GetString(export);
        Assert.Contains(named, text);
        Assert.DoesNotContain(hidden, text);

        var again = await client.ImportAsync("cases", "validate", export);
        Assert.Equal(2, again.Int("unchanged"));
        Assert.Equal(0, again.Int("rejected"));
    }

    [Fact]
    public async Task Chains_import_one_row_per_member_grouped_by_chain_and_a_chain_with_a_bad_row_is_rejected_whole()
    {
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var leader = Codes.NewCreditCode();
        var supplier = Codes.NewCreditCode();
        var other = Codes.NewCreditCode();
        foreach (var code in new[] { leader, supplier, other }) await PoolData.AddEnterpriseAsync(_factory, code);

        var report = await client.ImportAsync("chains", "valid-only", PoolData.Utf8(ChainHeader,
            $"宁波新能源汽车产业链,Ningbo NEV chain,330200,36;38,{leader},链主企业,0",
            $"宁波新能源汽车产业链,,330200,36;38,{supplier},Member,1",
            $"绍兴纺织产业链,Shaoxing textiles,330600,17,{other},Member,1",
            $"绍兴纺织产业链,Shaoxing textiles,330600,17,{Codes.NewCreditCode()},Leader,0"));

        Assert.Equal(2, report.Int("inserted"));
        Assert.Equal(2, report.Int("rejected"));
        var errors = report.Errors().ToList();
        Assert.Contains(errors, e => e is { Row: 5, Column: "成员企业统一社会信用代码", Code: "enterprise.unknown" });
        Assert.Contains(errors, e => e is { Row: 4, Code: "chain.rejectedWithOtherRows" });
        var chain = await PoolData.QueryAsync(_factory, db => db.Chains.Include(c => c.Members).SingleAsync());
        Assert.Equal("宁波新能源汽车产业链", chain.NameZh);
        Assert.Equal(2, chain.Members.Count);

        var export = await client.Http.GetByteArrayAsync("/api/v1/pool/chains/export?format=xlsx");
        var again = await client.ImportAsync("chains", "all", export, "chains.xlsx");
        Assert.Equal(2, again.Int("unchanged"));

        var second = await client.ImportAsync("chains", "all", PoolData.Utf8(ChainHeader, $"宁波新能源汽车产业链,Ningbo NEV chain,330200,36;38,{other},Member,2"));
        Assert.Equal(1, second.Int("inserted"));
        Assert.Equal(3, await PoolData.CountAsync<ChainMember>(_factory));
    }

    [Fact]
    public async Task Chains_export_only_to_administrators_and_a_regional_admin_sees_its_region()
    {
        var op = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var ningbo = Codes.NewCreditCode();
        var shaoxing = Codes.NewCreditCode();
        await PoolData.AddEnterpriseAsync(_factory, ningbo);
        await PoolData.AddEnterpriseAsync(_factory, shaoxing, "330602");
        await op.ImportAsync("chains", "all", PoolData.Utf8(ChainHeader,
            $"宁波模具产业链,Ningbo moulds,330200,34,{ningbo},Leader,0",
            $"绍兴纺织产业链,Shaoxing textiles,330600,17,{shaoxing},Leader,0"));

        var regional = await Users.WithRoleAsync(_factory, PlatformRoles.RegionalAdmin, "330200");
        var text = await regional.Http.GetStringAsync("/api/v1/pool/chains/export?format=csv");
        Assert.Contains("宁波模具产业链", text);
        Assert.DoesNotContain("绍兴纺织产业链", text);

        var enterpriseUser = await Users.WithRoleAsync(_factory, PlatformRoles.EnterpriseUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterpriseUser.Http.GetAsync("/api/v1/pool/chains/export")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enterpriseUser.Http.GetAsync("/api/v1/pool/providers/export")).StatusCode);
    }
}
