using Bogus;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;

namespace FactoryPath.Benchmarks.Matching;

/// <summary>
/// A deterministic synthetic catalog (fixed seed): providers with Chinese company names, regions served and ratings,
/// and solutions whose titles and descriptions combine a scenario's wording in both languages with an industry and
/// a few qualifiers, so text, scenarios, industries, sizes, prices and deployments are spread as in a real pool.
/// </summary>
public static class SyntheticCatalog
{
    public const int Seed = 20_261_123;

    private static readonly (string Scenario, string Zh, string En)[] Topics =
    [
        ("smart-energy-control", "能耗在线监测", "energy monitoring"),
        ("smart-energy-control", "用能优化", "energy optimisation"),
        ("carbon-asset-management", "碳排放核算", "carbon accounting"),
        ("workshop-smart-scheduling", "智能排产", "finite capacity scheduling"),
        ("production-plan-optimization", "生产计划优化", "production planning"),
        ("production-progress-tracking", "MES生产执行", "manufacturing execution"),
        ("sme-production-control", "车间生产管控", "shop floor control"),
        ("equipment-monitoring", "设备联网数采", "machine data acquisition"),
        ("equipment-fault-prediction", "预测性维护", "predictive maintenance"),
        ("equipment-maintenance", "设备点检维修", "equipment maintenance"),
        ("online-smart-inspection", "机器视觉检测", "machine vision inspection"),
        ("quality-traceability", "质量追溯", "quality traceability"),
        ("quality-analysis-improvement", "质量分析改进", "quality analysis"),
        ("smart-warehousing", "仓储管理WMS", "warehouse management"),
        ("precise-material-delivery", "AGV物料配送", "AGV material delivery"),
        ("sme-procurement", "采购管理", "procurement"),
        ("supply-chain-digital-management", "供应链协同", "supply chain collaboration"),
        ("integrated-safety-control", "安全生产管理", "safety management"),
        ("online-pollution-control", "排放在线监测", "emission monitoring"),
        ("product-digital-design", "三维设计PDM", "3D design and PDM"),
        ("remote-operation-service", "远程运维", "remote maintenance"),
        ("smart-business-decision", "经营数据看板", "management dashboard"),
        ("digital-infrastructure", "企业上云", "cloud migration"),
        ("sme-marketing", "客户关系管理", "customer relationship management"),
    ];

    private static readonly string[] Industries = ["13", "14", "17", "18", "21", "22", "26", "27", "29", "30", "31", "33", "34", "35", "36", "38", "39", "40"];
    private static readonly string[] Provinces = ["110000", "310000", "320000", "330000", "340000", "350000", "370000", "410000", "420000", "440000", "500000", "510000"];
    private static readonly string[] QualifiersZh = ["云端", "轻量化", "一体化", "智能", "中小企业", "行业版", "标准版", "私有化"];
    private static readonly string[] QualifiersEn = ["cloud", "lightweight", "integrated", "smart", "SME", "industry edition", "standard", "private"];
    private static readonly string[] IndustryZh = ["食品", "纺织", "服装", "家具", "造纸", "化工", "医药", "塑料", "建材", "钢铁", "金属制品", "通用设备", "专用设备", "汽车零部件", "电气", "电子", "仪器仪表", "农副食品"];

    public static IEnumerable<(CandidateText, CandidateFacts)> Providers(int count, ScenarioLibrary library)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(Seed) };
        for (var i = 0; i < count; i++)
        {
            var topics = faker.PickRandom(Topics, 3).ToList();
            var name = faker.Company.CompanyName() + $"{i:D5}";
            var regions = faker.Random.Bool(0.3f) ? new List<string>() : faker.PickRandom(Provinces, faker.Random.Int(1, 3)).ToList();
            var rated = faker.Random.Int(0, 30);
            yield return (
                CandidateTexts.Compose(name, name, $"专注{string.Join("、", topics.Select(t => t.Zh))}的数字化服务商", $"Provider of {string.Join(", ", topics.Select(t => t.En))}", topics.Select(t => t.Scenario), library),
                new CandidateFacts
                {
                    Id = ProviderId(i),
                    Kind = SearchDocumentKinds.Provider,
                    ProviderId = ProviderId(i),
                    Title = new LocalizedTitle(name, name),
                    Scenarios = topics.Select(t => t.Scenario).Distinct().ToList(),
                    Industries = faker.Random.Bool(0.4f) ? [] : faker.PickRandom(Industries, faker.Random.Int(1, 4)).ToList(),
                    RegionsServed = regions,
                    ProviderRating = rated == 0 ? null : Math.Round(faker.Random.Double(3.2, 5.0), 1),
                    ProviderRatedProjects = rated,
                });
        }
    }

    public static IEnumerable<(CandidateText, CandidateFacts)> Solutions(int count, int providers, ScenarioLibrary library)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(Seed + 1) };
        for (var i = 0; i < count; i++)
        {
            var topic = faker.PickRandom(Topics);
            var second = faker.Random.Bool(0.4f) ? faker.PickRandom(Topics) : topic;
            var q = faker.Random.Int(0, QualifiersZh.Length - 1);
            var industry = faker.Random.Int(0, Industries.Length - 1);
            var generic = faker.Random.Bool(0.35f);
            var titleZh = generic ? $"{QualifiersZh[q]}{topic.Zh}系统{i}" : $"{IndustryZh[industry]}行业{topic.Zh}方案{i}";
            var titleEn = generic ? $"{QualifiersEn[q]} {topic.En} system {i}" : $"{topic.En} for industry {Industries[industry]} no. {i}";
            var min = faker.Random.Int(1, 200) * 5_000L;
            var sizes = Enum.GetValues<SizeClass>().Where(_ => faker.Random.Bool(0.5f)).ToList();
            var scenarios = new[] { topic.Scenario, second.Scenario }.Distinct().ToList();
            yield return (
                CandidateTexts.Compose(titleZh, titleEn, $"{topic.Zh}与{second.Zh}，{faker.Lorem.Sentence(8)}", $"{topic.En} and {second.En} for factories.", scenarios, library),
                new CandidateFacts
                {
                    Id = $"s{i:D6}",
                    Kind = SearchDocumentKinds.Solution,
                    ProviderId = ProviderId(faker.Random.Int(0, providers - 1)),
                    Title = new LocalizedTitle(titleZh, titleEn),
                    Scenarios = scenarios,
                    Industries = generic ? [] : [Industries[industry]],
                    SizeClasses = sizes,
                    RegionsServed = faker.Random.Bool(0.5f) ? [] : [faker.PickRandom(Provinces)],
                    Deployment = faker.PickRandom<DeploymentMode>(),
                    PriceMinCny = min,
                    PriceMaxCny = min * faker.Random.Int(2, 4),
                    ImplementationWeeks = faker.Random.Int(1, 40),
                    Standardised = faker.Random.Bool(0.6f),
                    ProviderRating = faker.Random.Bool(0.7f) ? Math.Round(faker.Random.Double(3.2, 5.0), 1) : null,
                    ProviderRatedProjects = faker.Random.Int(0, 30),
                    Cases = Enumerable.Range(0, faker.Random.Int(0, 2)).Select(_ => new CaseFact(faker.PickRandom(Industries), scenarios)).ToList(),
                });
        }
    }

    /// <summary>Twelve demands of the kinds the platform sees: Chinese and English pain points, scenario picks, roadmaps, filters.</summary>
    public static IReadOnlyList<MatchRequest> Demands() =>
    [
        new() { Text = "用能太高，想实时监测各车间的电耗", IndustryCode = "34", SizeClass = SizeClass.Small, BudgetMinCny = 80_000, BudgetMaxCny = 120_000, RegionCode = "330212" },
        new() { Text = "插单多，排程靠人工", SizeClass = SizeClass.Medium, Deployment = DeploymentMode.Saas },
        new() { Text = "need a manufacturing execution system with traceability", IndustryCode = "39", SizeClass = SizeClass.Medium },
        new() { Text = "数采 设备互联 OEE", RegionCode = "440300", Hard = new() { RegionServed = true } },
        new() { Text = "predictive maintenance for compressors", BudgetMaxCny = 200_000, Hard = new() { MaxBudget = true } },
        new() { Text = "视觉检测 表面缺陷", IndustryCode = "38", Hard = new() { Industry = true } },
        new() { Scenarios = ["workshop-smart-scheduling", "production-progress-tracking"], IndustryCode = "34", SizeClass = SizeClass.Small },
        new() { RoadmapScenarios = ["digital-infrastructure", "equipment-monitoring", "production-progress-tracking", "quality-traceability"], IndustryCode = "33", SizeClass = SizeClass.Small, RegionCode = "320500" },
        new() { Text = "仓库管理混乱，库存不准", SizeClass = SizeClass.Micro, BudgetMaxCny = 60_000 },
        new() { Text = "carbon footprint report for export customers", Deployment = DeploymentMode.Saas, Hard = new() { Deployment = true } },
        new() { Text = "质量追溯 一物一码", Scenarios = ["quality-traceability"], IndustryCode = "14", RegionCode = "370200" },
        new() { Text = "生产执行系统", RoadmapScenarios = ["production-progress-tracking", "equipment-monitoring"], IndustryCode = "35", SizeClass = SizeClass.Medium, BudgetMinCny = 100_000, BudgetMaxCny = 400_000 },
    ];

    private static string ProviderId(int i) => $"p{i:D5}";
}
