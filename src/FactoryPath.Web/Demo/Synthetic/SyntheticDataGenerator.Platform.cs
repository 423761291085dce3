using System.Globalization;
using System.Text.Json;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Demands;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Production;
using static FactoryPath.Web.Demo.Synthetic.SyntheticVocabulary;

namespace FactoryPath.Web.Demo.Synthetic;

/// <summary>A generated account and the role it holds.</summary>
public sealed record SyntheticAccount(PlatformUser User, string Role);

/// <summary>A generated demand with the providers it was matched to, their proposals and the project of the accepted one.</summary>
public sealed record SyntheticDemand(Demand Demand, IReadOnlyList<DemandRecipient> Recipients, IReadOnlyList<Proposal> Proposals, TransformationProject? Project);

/// <summary>A generated gateway and the equipment register it last reported (what the KPI evidence reads).</summary>
public sealed record SyntheticGateway(Gateway Gateway, GatewaySnapshot Register);

/// <summary>One machine over one UTC hour and shift, and its down time by reason in that hour.</summary>
public sealed record SyntheticHour(ProductionHour Hour, IReadOnlyList<ProductionDownHour> Down);

public sealed partial class SyntheticDataGenerator
{
    /// <summary>Domain of every generated account's e-mail address (a reserved test domain, RFC 2606 §2).</summary>
    public const string AccountDomain = "gen.factorypath.test";

    /// <summary>Prefix of every generated gateway id: gw-gen-00001 …</summary>
    public const string GatewayPrefix = "gw-gen-";

    /// <summary>The owner account of enterprise number <paramref name="n"/> (1-based, in generation order).</summary>
    public static string OwnerEmail(int n) => string.Create(CultureInfo.InvariantCulture, $"owner-{n:000000}@{AccountDomain}");

    /// <summary>The account of provider number <paramref name="n"/> (1-based).</summary>
    public static string ProviderEmail(int n) => string.Create(CultureInfo.InvariantCulture, $"provider-{n:000000}@{AccountDomain}");

    /// <summary>The regional administrator of a province or prefecture (GB/T 2260 code).</summary>
    public static string AdminEmail(string regionCode) => $"admin-{regionCode}@{AccountDomain}";

    /// <summary>The password of the generated accounts unless <c>factorypath gen --password</c> gives another.</summary>
    public const string DefaultPassword = "Gen#2026pass";

    /// <summary>The platform operator of a generated data set (one account, so a load test can drive the operator's pages).</summary>
    public const string OperatorEmail = "operator@" + AccountDomain;

    /// <summary>Gateway number <paramref name="n"/> (1-based); it belongs to enterprise number <paramref name="n"/>.</summary>
    public static string GatewayId(int n) => string.Create(CultureInfo.InvariantCulture, $"{GatewayPrefix}{n:00000}");

    /// <summary>
    /// The password hash every generated account (and gateway secret) carries: hashing one password per row would take
    /// hours at 200,000 accounts, so it is hashed once by the caller. Required for accounts and gateways.
    /// </summary>
    public string? PasswordHash { get; init; }

    /// <summary>Production ends here (exclusive, on a whole UTC hour); it covers the days before.</summary>
    public DateTime ProductionUntil { get; init; } = ResultsUntil;

    private Dictionary<Guid, List<SolutionFacts>>? _solutionsByProvider;

    private const string SecurityStampAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>How many accounts <see cref="Accounts"/> yields (known once the enterprises and providers are drawn).</summary>
    public int AccountCount => _enterprises.Count + _providers.Count + AdminRegions().Count + 1;

    /// <summary>
    /// An owner per enterprise (<see cref="OwnerEmail"/>, role EnterpriseUser, linked by EnterpriseId as registration
    /// links it), an account per provider (<see cref="ProviderEmail"/>, ServiceProvider), and a regional administrator
    /// per province and prefecture that holds generated enterprises (<see cref="AdminEmail"/>, RegionalAdmin), and one
    /// platform operator (<see cref="OperatorEmail"/>, PlatformAdmin). All share
    /// <see cref="PasswordHash"/>; ids, security and concurrency stamps are drawn per account.
    /// </summary>
    public IEnumerable<SyntheticAccount> Accounts()
    {
        var hash = PasswordHash ?? throw new InvalidOperationException("Accounts need the password hash.");
        var rng = Rng(7);
        for (var i = 0; i < _enterprises.Count; i++)
        {
            var e = _enterprises[i];
            yield return Account(rng, hash, OwnerEmail(i + 1), Trim($"{e.Name}管理员"), PlatformRoles.EnterpriseUser, e.Created, e.Id, null, null);
        }

        for (var i = 0; i < _providers.Count; i++)
        {
            var p = _providers[i];
            yield return Account(rng, hash, ProviderEmail(i + 1), Trim($"{p.Name}客户经理"), PlatformRoles.ServiceProvider, p.Created, null, p.Id, null);
        }

        foreach (var region in AdminRegions())
        {
            var name = RegionCatalog.Find(region)?.NameZh ?? region;
            yield return Account(rng, hash, AdminEmail(region), $"{name}管理员", PlatformRoles.RegionalAdmin, Epoch, null, null, region);
        }

        yield return Account(rng, hash, OperatorEmail, "平台运营（生成数据）", PlatformRoles.PlatformAdmin, Epoch, null, null, null);
    }

    private List<string> AdminRegions() =>
        _enterprises.Select(e => e.ProvinceCode).Concat(_enterprises.Select(e => e.PrefectureCode))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static SyntheticAccount Account(Random rng, string hash, string email, string displayName, string role, DateTime created,
        Guid? enterpriseId, Guid? providerId, string? regionCode)
    {
        Span<char> stamp = stackalloc char[32];
        for (var i = 0; i < stamp.Length; i++) stamp[i] = SecurityStampAlphabet[rng.Next(SecurityStampAlphabet.Length)];
        var user = new PlatformUser
        {
            Id = NewGuid(rng).ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash, SecurityStamp = new string(stamp),
            ConcurrencyStamp = NewGuid(rng).ToString(), LockoutEnabled = true, DisplayName = displayName, EnterpriseId = enterpriseId,
            ProviderId = providerId, RegionCode = regionCode, CreatedAt = created,
        };
        return new SyntheticAccount(user, role);
    }

    private static string Trim(string name) => name.Length <= 100 ? name : name[..100];

    /// <summary>
    /// <paramref name="count"/> demands posted by randomly chosen enterprises between 2025 and <see cref="ResultsUntil"/>:
    /// one or two scenarios, pain points in Chinese (about one in six in English), a budget, a deadline. Each is matched to
    /// two to five providers (when there are providers), some of which propose; about a third of the demands with
    /// proposals are awarded (one proposal accepted, the others declined) and become a project that is planned, in
    /// progress, completed (with outcome KPIs and a rating) or cancelled. Open demands have a deadline after
    /// <see cref="ResultsUntil"/>; the others are closed.
    /// </summary>
    public IEnumerable<SyntheticDemand> Demands(int count)
    {
        if (count <= 0) yield break;
        if (_enterprises.Count == 0) throw new InvalidOperationException("Generate the enterprises before their demands.");
        _solutionsByProvider ??= _solutions.GroupBy(s => s.ProviderId).ToDictionary(g => g.Key, g => g.ToList());
        var rng = Rng(8);
        var from = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var e = _enterprises[rng.Next(_enterprises.Count)];
            var start = e.Created > from ? e.Created : from;
            var created = start.AddMinutes(rng.NextDouble() * Math.Max(1, (ResultsUntil - start).TotalMinutes - 60));
            var scenarios = Distinct(rng, 1 + rng.Next(2), () => _scenarios[rng.Next(_scenarios.Count)].Id);
            var lead = _scenarios.First(s => s.Id == scenarios[0]).Name;
            var pains = Distinct(rng, 2, () => PainPoints[rng.Next(PainPoints.Length)].Zh).Select(z => PainPoints.First(p => p.Zh == z)).ToList();
            var english = rng.NextDouble() < 1.0 / 6;
            var budgetMin = rng.NextDouble() < 0.3 ? 0 : (long)Math.Round((20_000 + rng.NextDouble() * 480_000) / 10_000) * 10_000;
            var budgetMax = Math.Max(50_000, (long)Math.Round(Math.Max(budgetMin, 30_000) * (1.5 + rng.NextDouble() * 2) / 10_000) * 10_000);
            var deadline = created.AddDays(30 + rng.Next(150)).Date;
            var roll = rng.Next(100);
            var demand = new Demand
            {
                Id = NewGuid(rng), EnterpriseId = e.Id,
                Title = english ? $"Seeking a {lead.En.ToLowerInvariant()} solution" : $"寻求{lead.Zh}解决方案",
                Description = english
                    ? $"Pain points: {pains[0].En}; {pains[1].En}. We expect {lead.En.ToLowerInvariant()} to address them within the budget."
                    : $"痛点：{pains[0].Zh}；{pains[1].Zh}。希望通过{lead.Zh}在预算内解决。",
                Scenarios = scenarios, BudgetMinCny = budgetMin, BudgetMaxCny = budgetMax, Deadline = DateTime.SpecifyKind(deadline, DateTimeKind.Utc),
                RegionCode = e.RegionCode, IndustryCode = e.IndustryCode, SizeClass = e.SizeClass,
                PreferredDeployment = roll < 50 ? null : roll < 75 ? DeploymentMode.Saas : roll < 90 ? DeploymentMode.Hybrid : DeploymentMode.OnPremises,
                Status = deadline > ResultsUntil ? DemandStatus.Open : DemandStatus.Closed, CreatedAt = created, UpdatedAt = created,
            };

            var recipients = new List<DemandRecipient>();
            var proposals = new List<Proposal>();
            TransformationProject? project = null;
            if (_providers.Count > 0)
            {
                var chosen = new List<ProviderFacts>();
                for (var tries = 0; chosen.Count < Math.Min(_providers.Count, 2 + rng.Next(4)) && tries < 20; tries++)
                {
                    var p = _providers[rng.Next(_providers.Count)];
                    if (!chosen.Contains(p)) chosen.Add(p);
                }

                foreach (var p in chosen)
                {
                    var shared = p.Scenarios.Intersect(scenarios).Count();
                    var matched = created.AddMinutes(1 + rng.Next(60));
                    recipients.Add(new DemandRecipient
                    {
                        Id = NewGuid(rng), DemandId = demand.Id, ProviderId = p.Id, Score = Math.Round(0.3 + 0.2 * shared + rng.NextDouble() * 0.3, 3),
                        ReasonZh = shared > 0 ? $"覆盖需求场景：{lead.Zh}" : "服务区域与行业相符",
                        ReasonEn = shared > 0 ? $"Covers the scenario {lead.En.ToLowerInvariant()}" : "Serves the region and industry",
                        MatchedAt = matched, ReadAt = rng.NextDouble() < 0.7 ? matched.AddHours(1 + rng.Next(72)) : null,
                    });
                    if (rng.NextDouble() >= 0.5) continue;
                    var solution = _solutionsByProvider.TryGetValue(p.Id, out var own) ? own[rng.Next(own.Count)] : null;
                    var price = solution is null
                        ? (long)Math.Round((budgetMin + rng.NextDouble() * (budgetMax - budgetMin)) / 1_000) * 1_000
                        : (long)Math.Round((solution.PriceMin + rng.NextDouble() * (solution.PriceMax - solution.PriceMin)) / 1_000) * 1_000;
                    var at = matched.AddHours(2 + rng.Next(240));
                    proposals.Add(new Proposal
                    {
                        Id = NewGuid(rng), DemandId = demand.Id, ProviderId = p.Id, SolutionId = solution?.Id, PriceCny = Math.Max(1_000, price),
                        DurationWeeks = solution?.Weeks ?? 2 + rng.Next(25),
                        Approach = english
                            ? $"{p.Name} proposes {lead.En.ToLowerInvariant()} in three phases: survey, pilot line, roll-out."
                            : $"{p.Name}建议分三期实施{lead.Zh}：现场调研、试点产线、全面推广。",
                        Status = rng.NextDouble() < 0.1 ? ProposalStatus.Withdrawn : ProposalStatus.Submitted, CreatedAt = at, UpdatedAt = at,
                    });
                }

                var live = proposals.Where(p => p.Status == ProposalStatus.Submitted).ToList();
                if (live.Count > 0 && rng.NextDouble() < 0.35)
                {
                    var accepted = live[rng.Next(live.Count)];
                    var decided = proposals.Max(p => p.CreatedAt).AddDays(1 + rng.Next(14));
                    foreach (var p in live)
                    {
                        p.Status = p == accepted ? ProposalStatus.Accepted : ProposalStatus.Declined;
                        p.UpdatedAt = decided;
                    }

                    demand.Status = DemandStatus.Awarded;
                    demand.UpdatedAt = decided;
                    project = Project(rng, demand, accepted, decided);
                }
            }

            yield return new SyntheticDemand(demand, recipients, proposals, project);
        }
    }

    private static TransformationProject Project(Random rng, Demand demand, Proposal accepted, DateTime started)
    {
        var roll = rng.Next(100);
        var status = roll < 20 ? ProjectStatus.Planned : roll < 60 ? ProjectStatus.InProgress : roll < 95 ? ProjectStatus.Completed : ProjectStatus.Cancelled;
        var completed = status == ProjectStatus.Completed ? started.AddDays(7 * Math.Max(1, accepted.DurationWeeks)) : (DateTime?)null;
        if (completed > ResultsUntil) completed = ResultsUntil.AddDays(-1 - rng.Next(10));
        if (completed < started) completed = started.AddDays(1);
        var outcomes = status != ProjectStatus.Completed ? [] : Distinct(rng, 2 + rng.Next(2), () => Kpis[rng.Next(Kpis.Length)].Indicator)
            .Select(k => Kpis.First(x => x.Indicator == k))
            .Select(k => new KpiChange { Indicator = k.Indicator, ChangePercent = Math.Round(k.Min + rng.NextDouble() * (k.Max - k.Min), 1) })
            .ToList();
        var rating = status == ProjectStatus.Completed ? 3 + rng.Next(3) : (int?)null;
        return new TransformationProject
        {
            Id = NewGuid(rng), DemandId = demand.Id, ProposalId = accepted.Id, EnterpriseId = demand.EnterpriseId, ProviderId = accepted.ProviderId,
            SolutionId = accepted.SolutionId, Title = demand.Title, Scenarios = [.. demand.Scenarios], PriceCny = accepted.PriceCny, Status = status,
            CreatedAt = started, UpdatedAt = completed ?? started, CompletedAt = completed, Outcomes = outcomes, Rating = rating,
            RatingComment = rating is null ? null : rating >= 4 ? "实施团队专业，按期交付。" : "基本达到预期，部分功能仍需完善。",
        };
    }

    /// <summary>
    /// Gateways of the first <paramref name="count"/> enterprises, one each (<see cref="GatewayId"/>), issued before the
    /// production period, secret <see cref="PasswordHash"/> (the generated accounts' password), each with the equipment
    /// register it last reported: its <paramref name="machinesPerGateway"/> machines (digital and networked, the same
    /// paths as <see cref="ProductionHours"/>) and one to three manual machines (neither).
    /// </summary>
    public IEnumerable<SyntheticGateway> Gateways(int count, int machinesPerGateway, int productionDays)
    {
        if (count <= 0) yield break;
        var hash = PasswordHash ?? throw new InvalidOperationException("Gateways need the password hash (their secret).");
        if (count > _enterprises.Count) throw new InvalidOperationException("Generate the enterprises before their gateways.");
        var rng = Rng(9);
        for (var i = 0; i < count; i++)
        {
            var e = _enterprises[i];
            var issued = ProductionUntil.AddDays(-productionDays - 1 - rng.Next(60));
            var gateway = new Gateway
            {
                Id = GatewayId(i + 1), EnterpriseId = e.Id, Name = $"{e.Place}{1 + rng.Next(3)}号车间网关", SecretHash = hash, IssuedAt = issued,
                StartedAt = issued, LastSeenAt = productionDays > 0 ? ProductionUntil.AddMinutes(-1) : null, Version = "1.0.0",
            };
            var items = Machines(i + 1, machinesPerGateway).Select(m => new RegisteredEquipment(m, m[(m.LastIndexOf('/') + 1)..], m.Split('/')[2].Split('-')[0], true, true))
                .Concat(Enumerable.Range(1, 1 + rng.Next(3)).Select(k => new RegisteredEquipment($"site-1/assembly/manual-{k}", $"manual-{k}", "manual", false, false)))
                .ToList();
            yield return new SyntheticGateway(gateway, new GatewaySnapshot
            {
                GatewayId = gateway.Id, Kind = UplinkKinds.Register, Sequence = 1, ReceivedAt = issued.AddMinutes(5),
                Json = JsonSerializer.Serialize(new EquipmentRegisterReport(items), UplinkJson.Options),
            });
        }
    }

    /// <summary>
    /// The asset paths of gateway number <paramref name="number"/>'s machines (site-1/line-1/cnc-1 …), drawn from the seed
    /// and the number alone, so the register and the production name the same machines.
    /// </summary>
    private List<string> Machines(int number, int count)
    {
        var rng = new Random(unchecked((_seed * 31 + 11) * 7919 + number));
        return Enumerable.Range(0, count)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"site-1/line-{1 + m / 4}/{MachineKinds[rng.Next(MachineKinds.Length)].Kind}-{m + 1}"))
            .ToList();
    }

    /// <summary>Machine kinds of generated gateways: path word, ideal cycle seconds (range) and power in kW (range).</summary>
    private static readonly (string Kind, int CycleMin, int CycleMax, double KwMin, double KwMax)[] MachineKinds =
    [
        ("cnc", 40, 180, 8, 25), ("press", 4, 12, 15, 60), ("injection", 20, 60, 20, 80), ("robot-cell", 15, 45, 5, 15), ("packer", 2, 6, 3, 8),
    ];

    /// <summary>
    /// Hourly production of every generated gateway's machines over <paramref name="days"/> days before
    /// <see cref="ProductionUntil"/>, as the platform keeps it from uplinked minutes (<see cref="ProductionHour"/> and
    /// <see cref="ProductionDownHour"/>). Factories work two twelve-hour shifts of the simulator's calendar (day 08:00–20:00,
    /// night 20:00–08:00 at +08:00, i.e. UTC 00–12 and 12–24) with half-hour meal stops at 12:00 and 00:00; about
    /// half of them rest on Sundays. Each machine has its own availability, performance and quality levels; an hour
    /// may hold a breakdown (one of five reason codes) or a changeover, so OEE lands between about 0.45 and 0.9.
    /// </summary>
    public IEnumerable<SyntheticHour> ProductionHours(int gateways, int machinesPerGateway, int days)
    {
        if (gateways <= 0 || days <= 0) yield break;
        var rng = Rng(10);
        var until = new DateTime(ProductionUntil.Ticks - ProductionUntil.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var from = until.AddDays(-days);
        var zone = TimeSpan.FromHours(8);
        for (var g = 0; g < gateways; g++)
        {
            var e = _enterprises[g];
            var gatewayId = GatewayId(g + 1);
            var restsOnSunday = rng.NextDouble() < 0.5;
            var paths = Machines(g + 1, machinesPerGateway);
            var machines = Enumerable.Range(0, machinesPerGateway).Select(m =>
            {
                var kind = MachineKinds.First(k => paths[m].Split('/')[2].StartsWith(k.Kind + "-", StringComparison.Ordinal));
                return new
                {
                    Path = paths[m],
                    Cycle = kind.CycleMin + rng.NextDouble() * (kind.CycleMax - kind.CycleMin),
                    Kw = kind.KwMin + rng.NextDouble() * (kind.KwMax - kind.KwMin),
                    Breakdowns = 0.03 + rng.NextDouble() * 0.15,
                    Performance = 0.75 + rng.NextDouble() * 0.22,
                    Quality = 0.95 + rng.NextDouble() * 0.045,
                };
            }).ToList();
            for (var hour = from; hour < until; hour = hour.AddHours(1))
            {
                var local = hour + zone;
                // a shift belongs to the day it starts on: a resting factory skips Sunday's day and night shifts (the one
                // starting on Saturday evening runs into Sunday morning)
                var shift = hour.Hour < 12 ? "day" : "night";
                var shiftDay = local.Hour >= 8 ? local.Date : local.Date.AddDays(-1);
                if (restsOnSunday && shiftDay.DayOfWeek == DayOfWeek.Sunday) continue;
                var busy = hour.Hour is 4 or 16 ? 30 * 60_000L : 60 * 60_000L; // lunch 12:00 and supper 00:00 local
                foreach (var m in machines)
                {
                    var down = new List<ProductionDownHour>();
                    long downMs = 0, setupMs = 0;
                    if (rng.NextDouble() < m.Breakdowns)
                    {
                        downMs = Math.Min(busy, (5 + rng.Next(41)) * 60_000L);
                        down.Add(new ProductionDownHour
                        {
                            GatewayId = gatewayId, EnterpriseId = e.Id, AssetPath = m.Path, HourStart = hour, Reason = Reasons[Pick(rng, ReasonWeights)], DownMs = downMs,
                        });
                    }

                    if (rng.NextDouble() < 0.06) setupMs = Math.Min(busy - downMs, (10 + rng.Next(21)) * 60_000L);
                    var idleMs = Math.Min(busy - downMs - setupMs, rng.Next(0, 5) * 60_000L);
                    var runningMs = busy - downMs - setupMs - idleMs;
                    var units = (long)Math.Floor(runningMs / 1000.0 * Math.Clamp(m.Performance + (rng.NextDouble() - 0.5) * 0.06, 0.5, 1) / m.Cycle);
                    var scrap = (long)Math.Round(units * (1 - m.Quality) * (0.5 + rng.NextDouble()));
                    var running = runningMs / 3_600_000.0;
                    yield return new SyntheticHour(new ProductionHour
                    {
                        GatewayId = gatewayId, EnterpriseId = e.Id, AssetPath = m.Path, HourStart = hour, Shift = shift, FirstMinute = hour, Minutes = 60,
                        PlannedBusyMs = busy, RunningMs = runningMs, DownMs = downMs, SetupMs = setupMs, IdleMs = idleMs, UnknownMs = 0,
                        Good = units - scrap, Scrap = scrap, IdealProductionSeconds = Math.Round(units * m.Cycle, 3),
                        EnergyKwh = Math.Round(m.Kw * running + m.Kw * 0.15 * (1 - running), 3),
                    }, down);
                }
            }
        }
    }

    /// <summary>Down reason codes of generated breakdowns and how often each occurs (a Pareto with a clear first bar).</summary>
    private static readonly int[] Reasons = [1, 2, 3, 4, 5];
    private static readonly int[] ReasonWeights = [40, 25, 15, 12, 8];
}
