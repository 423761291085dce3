using System.Globalization;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Enterprises;
using static FactoryPath.Web.Demo.Synthetic.SyntheticVocabulary;

namespace FactoryPath.Web.Demo.Synthetic;

/// <summary>
/// How many rows of each table to generate. <paramref name="Accounts"/> adds an owner account per enterprise, an account
/// per provider and a regional administrator per province and prefecture holding generated enterprises;
/// <paramref name="Demands"/> are posted by enterprises (with their recipients, proposals and projects);
/// <paramref name="Gateways"/> go to the first enterprises, one each, with <paramref name="MachinesPerGateway"/> machines
/// and <paramref name="ProductionDays"/> days of hourly production.
/// </summary>
public sealed record SyntheticCounts(int Enterprises, int Providers, int Solutions, int Cases, int Results = 0,
    int Demands = 0, int Gateways = 0, int MachinesPerGateway = 3, int ProductionDays = 30, bool Accounts = false)
{
    /// <summary>At most this many results per enterprise on average (history included).</summary>
    public const int MaxResultsPerEnterprise = 20;

    /// <summary>At most this many demands per enterprise on average.</summary>
    public const int MaxDemandsPerEnterprise = 20;

    /// <summary>Machines of one generated gateway: 1 … this.</summary>
    public const int MaxMachinesPerGateway = 50;

    /// <summary>Days of production: 0 … this (the dashboards' longest range by default).</summary>
    public const int MaxProductionDays = 92;

    /// <summary>Credit codes number generated organisations 0 … 9,999,999, so enterprises and providers together stay below that.</summary>
    public const int MaxOrganisations = 9_999_999;

    /// <summary>Why the counts cannot be generated, or null when they can.</summary>
    public string? Problem() =>
        Enterprises < 0 || Providers < 0 || Solutions < 0 || Cases < 0 || Results < 0 || Demands < 0 || Gateways < 0 ? "every count must be 0 or more"
        : (long)Enterprises + Providers > MaxOrganisations ? $"enterprises and providers together must be at most {MaxOrganisations:N0}"
        : Solutions > 0 && Providers == 0 ? "solutions need at least one provider"
        : Cases > 0 && (Enterprises == 0 || Solutions == 0) ? "cases need at least one enterprise and one solution"
        : Results > 0 && Enterprises == 0 ? "results need at least one enterprise"
        : (long)Results > (long)Enterprises * MaxResultsPerEnterprise ? $"at most {MaxResultsPerEnterprise} results per enterprise on average"
        : Demands > 0 && Enterprises == 0 ? "demands need at least one enterprise"
        : (long)Demands > (long)Enterprises * MaxDemandsPerEnterprise ? $"at most {MaxDemandsPerEnterprise} demands per enterprise on average"
        : Gateways > Enterprises ? "gateways go one to an enterprise: at most as many gateways as enterprises"
        : MachinesPerGateway is < 1 or > MaxMachinesPerGateway ? $"machines per gateway must lie between 1 and {MaxMachinesPerGateway}"
        : ProductionDays is < 0 or > MaxProductionDays ? $"production days must lie between 0 and {MaxProductionDays}"
        : null;

    /// <summary>Hour rows the production will have: gateways × machines × 24 × days, less the Sundays some factories rest.</summary>
    public long ProductionHoursAtMost => (long)Gateways * MachinesPerGateway * 24 * ProductionDays;
}

/// <summary>
/// A realistic synthetic data set: enterprises, providers, solutions and demonstration cases. Everything, ids and
/// dates included, comes from one seeded <see cref="Random"/> per table, so the same seed and counts give the same
/// rows. Tables must be drawn in order (enterprises, providers, solutions, cases, results): later tables refer to earlier ones.
/// Generated organisations carry credit codes whose organisation part starts with <see cref="CreditCodeMarker"/>.
/// </summary>
public sealed partial class SyntheticDataGenerator
{
    /// <summary>First two characters of the 9-character organisation code of every generated credit code.</summary>
    public const string CreditCodeMarker = "GN";

    /// <summary>SQL LIKE pattern matching generated credit codes ("91" + 6-digit region + marker + …).</summary>
    public const string CreditCodePattern = "________" + CreditCodeMarker + "%";

    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly int _seed;
    private readonly IReadOnlyList<TypicalScenario> _scenarios;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<(string Province, string Prefecture, string Short, string[] Counties)> _prefectures = [];
    private readonly int[] _prefectureWeights;
    private readonly List<EnterpriseFacts> _enterprises = [];
    private readonly List<ProviderFacts> _providers = [];
    private readonly List<SolutionFacts> _solutions = [];
    private readonly IReadOnlyList<AssessmentModel> _models;
    private int _organisations;

    public SyntheticDataGenerator(int seed, ScenarioLibrary library, IReadOnlyList<AssessmentModel>? models = null)
    {
        _seed = seed;
        _models = models ?? [];
        _scenarios = library.Scenarios.Where(s => s.Source == ScenarioSources.Guide2025).ToList();
        var weights = new List<int>();
        foreach (var (code, weight) in Provinces)
        {
            var province = RegionCatalog.Find(code) ?? throw new InvalidOperationException($"Unknown province {code}.");
            var prefectures = RegionCatalog.ChildrenOf(code).Where(r => r.Level == RegionLevel.Prefecture).ToList();
            foreach (var prefecture in prefectures)
            {
                var name = prefecture.NameZh is "市辖区" or "县" ? province.NameZh : prefecture.NameZh;
                var counties = RegionCatalog.ChildrenOf(prefecture.Code).Where(c => c.NameZh != "市辖区").Select(c => c.Code).ToArray();
                _prefectures.Add((code, prefecture.Code, Short(name), counties));
                // a province's weight is shared by its prefectures; ×100 keeps small shares above zero
                weights.Add(Math.Max(1, weight * 100 / prefectures.Count));
            }
        }

        _prefectureWeights = [.. weights];
    }

    public IEnumerable<Enterprise> Enterprises(int count)
    {
        var rng = Rng(1);
        for (var i = 0; i < count; i++)
        {
            var (province, prefecture, place, counties) = _prefectures[Pick(rng, _prefectureWeights)];
            var division = Divisions[Pick(rng, DivisionWeights)];
            var name = UniqueName(rng, place, division.Words[rng.Next(division.Words.Length)]);
            var employees = (int)Math.Clamp(Math.Round(Math.Exp(Normal(rng, 3.3, 1.1))), 1, 20_000);
            var perEmployee = 150_000 + rng.Next(0, 1_050_000);
            var revenue = Math.Round((decimal)employees * perEmployee / 10_000m) * 10_000m;
            var region = counties.Length > 0 && rng.NextDouble() < 0.7 ? counties[rng.Next(counties.Length)] : prefecture;
            var created = Date(rng);
            var enterprise = new Enterprise
            {
                Id = NewGuid(rng), Name = name, CreditCode = NewCreditCode(prefecture), IndustryCode = division.Code,
                RegionCode = region, ProvinceCode = province, Employees = employees, AnnualRevenueCny = revenue,
                SizeClass = SizeClassifier.Classify(employees, revenue), CreatedAt = created, UpdatedAt = created,
            };
            _enterprises.Add(new EnterpriseFacts(enterprise.Id, name, division.Code, division.Words[0], region, province, place, created, enterprise.SizeClass, prefecture));
            yield return enterprise;
        }
    }

    public IEnumerable<Provider> Providers(int count)
    {
        var rng = Rng(2);
        for (var i = 0; i < count; i++)
        {
            var (province, prefecture, place, _) = _prefectures[Pick(rng, _prefectureWeights)];
            var trade = Trade(rng);
            var name = UniqueName(rng, place, ProviderWords[rng.Next(ProviderWords.Length)], trade);
            var served = rng.NextDouble() < 0.35 ? [] : Distinct(rng, 1 + rng.Next(3), () => Provinces[Pick(rng, ProvinceWeights)].Code, province);
            var industries = rng.NextDouble() < 0.3 ? [] : Distinct(rng, 1 + rng.Next(4), () => Divisions[Pick(rng, DivisionWeights)].Code);
            var scenarios = Distinct(rng, 2 + rng.Next(5), () => _scenarios[rng.Next(_scenarios.Count)].Id);
            var names = scenarios.Select(id => _scenarios.First(s => s.Id == id).Name).ToList();
            var rated = rng.NextDouble() < 0.6;
            var created = Date(rng);
            var provider = new Provider
            {
                Id = NewGuid(rng), Name = name, CreditCode = NewCreditCode(prefecture), RegionCode = prefecture,
                RegionsServed = served, Industries = industries, Scenarios = scenarios,
                Certifications = Distinct(rng, rng.Next(4), () => Certifications[rng.Next(Certifications.Length)]),
                TeamSize = (int)Math.Clamp(Math.Round(Math.Exp(Normal(rng, 3.7, 1.0))), 3, 3_000),
                DescriptionZh = $"{name}专注于{string.Join("、", names.Select(n => n.Zh))}，服务{(served.Count == 0 ? "全国" : "区域内")}制造企业。",
                DescriptionEn = $"Digital transformation provider covering {string.Join(", ", names.Select(n => n.En.ToLowerInvariant()))} for manufacturers {(served.Count == 0 ? "nationwide" : "in its region")}.",
                Website = rng.NextDouble() < 0.7 ? $"https://www.provider{_organisations}.example.cn" : null,
                Rating = rated ? Math.Round(3.0 + rng.NextDouble() * 2.0, 1) : null,
                RatedProjects = rated ? 1 + rng.Next(80) : 0,
                CreatedAt = created, UpdatedAt = created,
            };
            _providers.Add(new ProviderFacts(provider.Id, name, trade, scenarios, industries, created));
            yield return provider;
        }
    }

    public IEnumerable<Solution> Solutions(int count)
    {
        var rng = Rng(3);
        var titles = new HashSet<(Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var provider = _providers[rng.Next(_providers.Count)];
            var scenarios = Distinct(rng, Math.Min(provider.Scenarios.Count, 1 + rng.Next(2)), () => provider.Scenarios[rng.Next(provider.Scenarios.Count)]);
            var lead = _scenarios.First(s => s.Id == scenarios[0]).Name;
            var roll = rng.Next(100);
            var deployment = roll < 50 ? DeploymentMode.Saas : roll < 70 ? DeploymentMode.Hybrid : DeploymentMode.OnPremises;
            var terms = deployment switch { DeploymentMode.Saas => SaasTerms, DeploymentMode.Hybrid => HybridTerms, _ => OnPremisesTerms };
            var term = terms[rng.Next(terms.Length)];
            var titleZh = $"{provider.Trade}{lead.Zh}{term.Zh}";
            var titleEn = $"{lead.En} {term.En}";
            for (var version = 2; !titles.Add((provider.Id, titleZh)); version++)
            {
                titleZh = $"{provider.Trade}{lead.Zh}{term.Zh} V{version}.0";
                titleEn = $"{lead.En} {term.En} v{version}.0";
            }

            var (minLow, minHigh, stretch, weeksLow, weeksHigh, standard) = deployment switch
            {
                DeploymentMode.Saas => (5_000, 80_000, 2.0, 1, 6, 0.9),
                DeploymentMode.Hybrid => (50_000, 400_000, 1.5, 4, 16, 0.6),
                _ => (150_000, 2_000_000, 2.0, 8, 40, 0.25),
            };
            var min = (long)Math.Round((minLow + rng.NextDouble() * (minHigh - minLow)) / 1000) * 1000;
            var max = (long)Math.Round(min * (1.3 + rng.NextDouble() * stretch) / 1000) * 1000;
            var industries = rng.NextDouble() < 0.3 ? [] : provider.Industries.Count > 0
                ? Distinct(rng, 1 + rng.Next(Math.Min(2, provider.Industries.Count)), () => provider.Industries[rng.Next(provider.Industries.Count)])
                : [Divisions[Pick(rng, DivisionWeights)].Code];
            var created = Date(rng);
            var solution = new Solution
            {
                Id = NewGuid(rng), ProviderId = provider.Id, TitleZh = titleZh, TitleEn = titleEn,
                DescriptionZh = $"面向{(industries.Count == 0 ? "各类" : IndustryCatalog.Find(industries[0])!.NameZh)}企业的{lead.Zh}{term.Zh}，{(deployment == DeploymentMode.Saas ? "按年订阅、开箱即用" : "现场实施、按需定制")}。",
                DescriptionEn = $"{lead.En} as a {term.En} for {(industries.Count == 0 ? "any manufacturer" : IndustryCatalog.Find(industries[0])!.NameEn.ToLowerInvariant())}; {(deployment == DeploymentMode.Saas ? "yearly subscription, ready to use" : "implemented on site and tailored")}.",
                Scenarios = scenarios, Industries = industries, SizeClasses = SizesFor(rng, deployment), Deployment = deployment,
                PriceMinCny = min, PriceMaxCny = Math.Max(min, max), ImplementationWeeks = weeksLow + rng.Next(weeksHigh - weeksLow + 1),
                Standardised = rng.NextDouble() < standard, CreatedAt = created, UpdatedAt = created,
            };
            _solutions.Add(new SolutionFacts(solution.Id, provider.Id, scenarios, solution.PriceMinCny, solution.PriceMaxCny, solution.ImplementationWeeks));
            yield return solution;
        }
    }

    public IEnumerable<DemonstrationCase> Cases(int count)
    {
        var rng = Rng(4);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var enterprise = _enterprises[rng.Next(_enterprises.Count)];
            var solution = _solutions[rng.Next(_solutions.Count)];
            var lead = _scenarios.First(s => s.Id == solution.Scenarios[0]).Name;
            var anonymised = rng.NextDouble() < 0.3;
            var shown = anonymised ? $"{enterprise.Place}某{enterprise.IndustryWord}企业" : enterprise.Name;
            var titleZh = anonymised ? $"{shown}{lead.Zh}实践（案例{i + 1}）" : $"{shown}{lead.Zh}实践";
            for (var phase = 2; !titles.Add(titleZh); phase++)
            {
                titleZh = $"{shown}{lead.Zh}实践（{phase}期）";
            }

            var roll = rng.Next(100);
            DemonstrationTier? tier = roll < 40 ? null : roll < 75 ? DemonstrationTier.SmartFactoryBasic : roll < 90 ? DemonstrationTier.SmartFactoryAdvanced
                : roll < 96 ? DemonstrationTier.SmartFactoryExcellent : roll < 98 ? DemonstrationTier.SmartFactoryLeading : DemonstrationTier.NationalDemonstration;
            var kpis = Distinct(rng, 2 + rng.Next(3), () => Kpis[rng.Next(Kpis.Length)].Indicator)
                .Select(k => Kpis.First(x => x.Indicator == k))
                .Select(k => new KpiChange { Indicator = k.Indicator, ChangePercent = Math.Round(k.Min + rng.NextDouble() * (k.Max - k.Min), 1) })
                .ToList();
            var created = Date(rng);
            yield return new DemonstrationCase
            {
                Id = NewGuid(rng), TitleZh = titleZh, TitleEn = $"{lead.En} in {IndustryCatalog.Find(enterprise.IndustryCode)!.NameEn.ToLowerInvariant()} (case {i + 1})",
                SummaryZh = string.Create(CultureInfo.InvariantCulture, $"{shown}实施{lead.Zh}，{string.Join("，", kpis.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Indicator} {k.ChangePercent:+0.#;-0.#}%")))}。"),
                SummaryEn = string.Create(CultureInfo.InvariantCulture, $"{lead.En}: {string.Join(", ", kpis.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Indicator} {k.ChangePercent:+0.#;-0.#} %")))}."),
                EnterpriseId = anonymised ? null : enterprise.Id, EnterpriseName = shown, Anonymised = anonymised,
                IndustryCode = enterprise.IndustryCode, RegionCode = enterprise.RegionCode, Scenarios = [.. solution.Scenarios],
                Tier = tier, Year = 2019 + rng.Next(7), SolutionId = solution.Id, ProviderId = solution.ProviderId, Kpis = kpis,
                CreatedAt = created, UpdatedAt = created,
            };
        }
    }

    private static readonly int[] ProvinceWeights = Provinces.Select(p => p.Weight).ToArray();
    private static readonly int[] DivisionWeights = Divisions.Select(d => d.Weight).ToArray();

    private Random Rng(int table) => new(unchecked(_seed * 31 + table));

    /// <summary>"91" (enterprise registered with market regulation) + region + organisation code + check character.</summary>
    private string NewCreditCode(string regionCode)
    {
        // n -> n × 1,000,003 + seed mod 10^7 is one-to-one, so codes are unique but not sequential
        var n = (int)(((long)_organisations++ * 1_000_003 + (uint)_seed) % 10_000_000);
        var first17 = $"91{regionCode}{CreditCodeMarker}{n:0000000}";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    private string UniqueName(Random rng, string place, string word, string? trade = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var t = attempt == 0 && trade is not null ? trade : attempt < 40 ? Trade(rng) : Trade(rng) + TradeChars[rng.Next(TradeChars.Length)];
            var name = $"{place}{t}{word}有限公司";
            if (_names.Add(name)) return name;
        }
    }

    private static string Trade(Random rng) => $"{TradeChars[rng.Next(TradeChars.Length)]}{TradeChars[rng.Next(TradeChars.Length)]}";

    private static List<SizeClass> SizesFor(Random rng, DeploymentMode deployment)
    {
        var roll = rng.Next(100);
        return deployment switch
        {
            DeploymentMode.Saas => roll < 40 ? [SizeClass.Micro, SizeClass.Small] : roll < 70 ? [SizeClass.Micro, SizeClass.Small, SizeClass.Medium] : [],
            DeploymentMode.Hybrid => roll < 50 ? [SizeClass.Small, SizeClass.Medium] : roll < 80 ? [SizeClass.Small, SizeClass.Medium, SizeClass.Large] : [],
            _ => roll < 60 ? [SizeClass.Medium, SizeClass.Large] : roll < 80 ? [SizeClass.Large] : [],
        };
    }

    private static List<string> Distinct(Random rng, int count, Func<string> next, string? first = null)
    {
        var items = new List<string>();
        if (first is not null) items.Add(first);
        for (var tries = 0; items.Count < count && tries < count * 10; tries++)
        {
            var item = next();
            if (!items.Contains(item)) items.Add(item);
        }

        return items;
    }

    private static int Pick(Random rng, int[] weights)
    {
        var total = 0;
        foreach (var w in weights) total += w;
        var roll = rng.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0) return i;
        }

        return weights.Length - 1;
    }

    private static double Normal(Random rng, double mean, double sd) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static DateTime Date(Random rng) => Epoch.AddMinutes(-rng.Next(0, 3 * 365 * 24 * 60));

    private static Guid NewGuid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string Short(string name) =>
        name.EndsWith("自治州", StringComparison.Ordinal) || name.EndsWith("自治县", StringComparison.Ordinal) ? name[..2]
        : name.EndsWith("地区", StringComparison.Ordinal) ? name[..^2]
        : name.Length > 2 && (name.EndsWith('市') || name.EndsWith('盟')) ? name[..^1]
        : name;

    private sealed record EnterpriseFacts(Guid Id, string Name, string IndustryCode, string IndustryWord, string RegionCode, string ProvinceCode, string Place, DateTime Created,
        SizeClass SizeClass, string PrefectureCode);

    private sealed record ProviderFacts(Guid Id, string Name, string Trade, List<string> Scenarios, List<string> Industries, DateTime Created);

    private sealed record SolutionFacts(Guid Id, Guid ProviderId, List<string> Scenarios, long PriceMin, long PriceMax, int Weeks);
}
