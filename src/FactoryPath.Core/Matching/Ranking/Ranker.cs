using System.Globalization;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Matching.Ranking;

/// <summary>
/// Scores one candidate against a request: each component that applies gets a value in [0, 1] and a sentence, and
/// the score is their weighted mean. Pure: the text relevance (already normalised) and, for a provider, the score of
/// its best solution are handed in.
/// </summary>
public sealed class Ranker(MatchWeights weights)
{
    public MatchWeights Weights { get; } = weights;

    public (double Score, IReadOnlyList<ComponentScore> Components) Score(
        MatchRequest request, CandidateFacts facts, double? textRelevance, IReadOnlyList<MatchedConcept> matched, double? bestSolution = null)
    {
        var parts = Parts(request, facts, textRelevance, matched, bestSolution, explain: true);
        var total = parts.Sum(p => Weights.Weight(p.Component));
        if (total <= 0)
        {
            return (0, []);
        }

        var components = parts
            .Where(p => Weights.Weight(p.Component) > 0)
            .Select(p => new ComponentScore(p.Component, p.Value, Weights.Weight(p.Component), Weights.Weight(p.Component) * p.Value / total, p.Reason!))
            .ToList();
        return (components.Sum(c => c.Contribution), components);
    }

    /// <summary>
    /// The score alone, exactly as <see cref="Score"/> computes it (same components, same order of additions), without
    /// the sentences: re-ranking hundreds of candidates needs only the number, and the sentences are written for the
    /// few that are shown.
    /// </summary>
    public double ScoreOnly(MatchRequest request, CandidateFacts facts, double? textRelevance, double? bestSolution = null)
    {
        var parts = Parts(request, facts, textRelevance, [], bestSolution, explain: false);
        var total = 0.0;
        foreach (var p in parts)
        {
            total += Weights.Weight(p.Component);
        }

        if (total <= 0)
        {
            return 0;
        }

        var score = 0.0;
        foreach (var p in parts)
        {
            var weight = Weights.Weight(p.Component);
            if (weight > 0)
            {
                score += weight * p.Value / total;
            }
        }

        return score;
    }

    /// <summary>The components that apply, in a fixed order; their sentences only when <paramref name="explain"/> is on (null otherwise).</summary>
    private List<(MatchComponent Component, double Value, LocalizedText? Reason)> Parts(
        MatchRequest request, CandidateFacts facts, double? textRelevance, IReadOnlyList<MatchedConcept> matched, double? bestSolution, bool explain)
    {
        var parts = new List<(MatchComponent Component, double Value, LocalizedText? Reason)>(11);
        if (textRelevance is { } text)
        {
            parts.Add((MatchComponent.Text, Clamp(text), explain ? TextReason(matched, text) : null));
        }

        if (request.Scenarios.Count > 0)
        {
            parts.Add(Scenarios(request.Scenarios, facts.Scenarios, explain));
        }

        if (request.RoadmapScenarios.Count > 0)
        {
            parts.Add(Roadmap(request.RoadmapScenarios, facts.Scenarios, explain));
        }

        if (!string.IsNullOrEmpty(request.IndustryCode))
        {
            parts.Add(Industry(request.IndustryCode, facts.Industries, explain));
        }

        if ((request.BudgetMinCny is not null || request.BudgetMaxCny is not null) && facts.PriceMinCny is { } pmin && facts.PriceMaxCny is { } pmax)
        {
            parts.Add(Budget(request.BudgetMinCny ?? 0, request.BudgetMaxCny, pmin, pmax, explain));
        }

        if (request.SizeClass is { } size && facts.Kind != SearchDocumentKinds.Case)
        {
            parts.Add(Size(size, facts.SizeClasses, explain));
        }

        if (!string.IsNullOrEmpty(request.RegionCode) && facts.RegionsServed is { } served)
        {
            parts.Add(Region(request.RegionCode, served, explain));
        }

        if (request.Deployment is { } wanted && facts.Deployment is { } offered)
        {
            parts.Add(Deployment(wanted, offered, explain));
        }

        if (facts.Kind != SearchDocumentKinds.Case)
        {
            parts.Add(Evidence(request, facts, explain));
        }

        if (facts.Kind == SearchDocumentKinds.Solution)
        {
            parts.Add((MatchComponent.Standardised, facts.Standardised ? 1 : 0, !explain ? null : facts.Standardised
                ? new LocalizedText("标准化、可复制的产品，实施快、成本低", "a standardised, reusable product: quicker and cheaper to roll out")
                : new LocalizedText("按项目定制实施", "delivered as a custom project")));
        }

        if (bestSolution is { } best)
        {
            parts.Add((MatchComponent.BestSolution, Clamp(best), !explain ? null : new LocalizedText(
                $"其最匹配的方案得分 {Percent(best)}",
                $"its best-matching solution scores {Percent(best)}")));
        }

        return parts;
    }

    private static LocalizedText TextReason(IReadOnlyList<MatchedConcept> matched, double relevance)
    {
        if (matched.Count == 0)
        {
            return relevance > 0
                ? new LocalizedText("描述与您的文字相关", "its text relates to what you wrote")
                : new LocalizedText("描述与您的文字不相关", "its text does not match what you wrote");
        }

        var terms = string.Join("、", matched.Select(m => m.Forms.Any(f => !string.Equals(f, m.QueryText, StringComparison.OrdinalIgnoreCase))
            ? $"{m.QueryText}（{string.Join("/", m.Forms)}）" : m.QueryText));
        var termsEn = string.Join(", ", matched.Select(m => m.Forms.Any(f => !string.Equals(f, m.QueryText, StringComparison.OrdinalIgnoreCase))
            ? $"{m.QueryText} (as {string.Join("/", m.Forms)})" : m.QueryText));
        return new LocalizedText($"文字匹配：{terms}", $"text matches: {termsEn}");
    }

    private static (MatchComponent, double, LocalizedText?) Scenarios(IReadOnlyList<string> wanted, IReadOnlyList<string> offered, bool explain)
    {
        var covered = wanted.Count(offered.Contains);
        var value = (double)covered / wanted.Count;
        return (MatchComponent.Scenarios, value, !explain ? null : covered == 0
            ? new LocalizedText("不覆盖所选场景", "covers none of the chosen scenarios")
            : new LocalizedText($"覆盖所选 {wanted.Count} 个场景中的 {covered} 个", $"covers {covered} of the {wanted.Count} chosen scenarios"));
    }

    /// <summary>Step k of n weighs 1/k: the first step counts as much as the second and third together, nearly.</summary>
    private static (MatchComponent, double, LocalizedText?) Roadmap(IReadOnlyList<string> steps, IReadOnlyList<string> offered, bool explain)
    {
        double all = 0, got = 0;
        var coveredSteps = new List<int>();
        for (var k = 0; k < steps.Count; k++)
        {
            var weight = 1.0 / (k + 1);
            all += weight;
            if (offered.Contains(steps[k]))
            {
                got += weight;
                coveredSteps.Add(k + 1);
            }
        }

        if (!explain)
        {
            return (MatchComponent.Roadmap, got / all, null);
        }

        LocalizedText reason;
        if (coveredSteps.Count == 0)
        {
            reason = new LocalizedText("不覆盖路线图中的场景", "covers none of the roadmap's scenarios");
        }
        else if (coveredSteps.Count == 1 && coveredSteps[0] == 1)
        {
            reason = new LocalizedText("覆盖路线图第一步的场景", "covers the first roadmap step");
        }
        else if (coveredSteps.SequenceEqual(Enumerable.Range(1, coveredSteps.Count)))
        {
            reason = new LocalizedText($"覆盖路线图前{ChineseCount(coveredSteps.Count)}步的场景", $"covers the first {EnglishCount(coveredSteps.Count)} roadmap steps");
        }
        else
        {
            reason = new LocalizedText(
                $"覆盖路线图第 {string.Join("、", coveredSteps)} 步的场景",
                coveredSteps.Count == 1 ? $"covers roadmap step {coveredSteps[0]}" : $"covers roadmap steps {string.Join(", ", coveredSteps)}");
        }

        return (MatchComponent.Roadmap, got / all, reason);
    }

    private (MatchComponent, double, LocalizedText?) Industry(string wanted, IReadOnlyList<string> offered, bool explain)
    {
        if (!explain)
        {
            return (MatchComponent.Industry, offered.Count == 0 ? Weights.AnyIndustryFit : offered.Contains(wanted) ? 1 : 0, null);
        }

        if (offered.Count == 0)
        {
            return (MatchComponent.Industry, Weights.AnyIndustryFit, new LocalizedText("通用方案，不限行业", "general purpose, not made for one industry"));
        }

        return offered.Contains(wanted)
            ? (MatchComponent.Industry, 1, new LocalizedText($"适用于您的行业（{wanted}）", $"made for your industry ({wanted})"))
            : (MatchComponent.Industry, 0, new LocalizedText($"面向其他行业（{string.Join("、", offered.Take(3))}）", $"made for other industries ({string.Join(", ", offered.Take(3))})"));
    }

    /// <summary>
    /// Inside the price range (or the whole price range inside the budget) is 1; a partial overlap is graded by how
    /// much of the narrower range overlaps; no overlap is 0. An open budget maximum compares only the minimum.
    /// </summary>
    internal static double BudgetFit(long budgetMin, long? budgetMax, long priceMin, long priceMax)
    {
        var bMax = budgetMax ?? long.MaxValue;
        var low = Math.Max(budgetMin, priceMin);
        var high = Math.Min(bMax, priceMax);
        if (low > high)
        {
            return 0;
        }

        var narrower = Math.Min((double)bMax - budgetMin, (double)priceMax - priceMin);
        return narrower <= 0 ? 1 : Clamp((high - low) / narrower);
    }

    private static (MatchComponent, double, LocalizedText?) Budget(long budgetMin, long? budgetMax, long priceMin, long priceMax, bool explain)
    {
        var fit = BudgetFit(budgetMin, budgetMax, priceMin, priceMax);
        if (!explain)
        {
            return (MatchComponent.Budget, fit, null);
        }

        var budgetZh = budgetMax is { } bmax ? $"¥{Wan(budgetMin)}–{Wan(bmax)}万" : $"¥{Wan(budgetMin)}万以上";
        var budgetEn = budgetMax is { } bmaxEn ? $"¥{Thousands(budgetMin)}–{Thousands(bmaxEn)}" : $"from ¥{Thousands(budgetMin)}";
        var priceZh = $"¥{Wan(priceMin)}–{Wan(priceMax)}万";
        var priceEn = $"¥{Thousands(priceMin)}–{Thousands(priceMax)}";
        LocalizedText reason = fit switch
        {
            >= 1 => new LocalizedText($"预算 {budgetZh} 与报价 {priceZh} 吻合", $"budget {budgetEn} fits the price range {priceEn}"),
            > 0 => new LocalizedText($"预算 {budgetZh} 与报价 {priceZh} 部分重叠", $"budget {budgetEn} partly overlaps the price range {priceEn}"),
            _ => priceMin > (budgetMax ?? long.MaxValue)
                ? new LocalizedText($"报价 {priceZh} 高于预算 {budgetZh}", $"price {priceEn} is above the budget {budgetEn}")
                : new LocalizedText($"报价 {priceZh} 低于预算 {budgetZh}", $"price {priceEn} is below the budget {budgetEn}"),
        };
        return (MatchComponent.Budget, fit, reason);
    }

    private (MatchComponent, double, LocalizedText?) Size(SizeClass wanted, IReadOnlyList<SizeClass> offered, bool explain)
    {
        if (!explain)
        {
            var fit = offered.Count == 0 ? Weights.AnySizeFit
                : offered.Contains(wanted) ? 1
                : offered.Any(s => Math.Abs((int)s - (int)wanted) == 1) ? Weights.AdjacentSizeFit : 0;
            return (MatchComponent.Size, fit, null);
        }

        if (offered.Count == 0)
        {
            return (MatchComponent.Size, Weights.AnySizeFit, new LocalizedText("不限企业规模", "for any size of enterprise"));
        }

        if (offered.Contains(wanted))
        {
            return (MatchComponent.Size, 1, new LocalizedText($"适合{SizeZh(wanted)}企业", $"fits {SizeEn(wanted)} enterprises"));
        }

        return offered.Any(s => Math.Abs((int)s - (int)wanted) == 1)
            ? (MatchComponent.Size, Weights.AdjacentSizeFit, new LocalizedText($"面向相邻规模（{string.Join("、", offered.Select(SizeZh))}）", $"made for a neighbouring size ({string.Join(", ", offered.Select(SizeEn))})"))
            : (MatchComponent.Size, 0, new LocalizedText($"面向其他规模（{string.Join("、", offered.Select(SizeZh))}）", $"made for other sizes ({string.Join(", ", offered.Select(SizeEn))})"));
    }

    private static (MatchComponent, double, LocalizedText?) Region(string wanted, IReadOnlyList<string> served, bool explain)
    {
        if (!explain)
        {
            var fit = served.Count == 0 || served.Any(s => RegionScope.Contains(s, wanted)) ? 1
                : served.Any(s => RegionScope.Contains(wanted, s)) ? 0.5 : 0;
            return (MatchComponent.Region, fit, null);
        }

        if (served.Count == 0)
        {
            return (MatchComponent.Region, 1, new LocalizedText("服务全国", "serves all of China"));
        }

        if (served.Any(s => RegionScope.Contains(s, wanted)))
        {
            return (MatchComponent.Region, 1, new LocalizedText($"服务您所在地区（{wanted}）", $"serves your region ({wanted})"));
        }

        // serves part of the requested area (a city inside the requested province)
        return served.Any(s => RegionScope.Contains(wanted, s))
            ? (MatchComponent.Region, 0.5, new LocalizedText("服务您所选地区的一部分", "serves part of the region you chose"))
            : (MatchComponent.Region, 0, new LocalizedText("不服务您所在地区", "does not serve your region"));
    }

    private (MatchComponent, double, LocalizedText?) Deployment(DeploymentMode wanted, DeploymentMode offered, bool explain)
    {
        if (wanted == offered)
        {
            return (MatchComponent.Deployment, 1, !explain ? null : new LocalizedText($"部署方式为{DeploymentZh(offered)}，符合偏好", $"deployed {DeploymentEn(offered)}, as preferred"));
        }

        var half = wanted == DeploymentMode.Hybrid || offered == DeploymentMode.Hybrid;
        return (MatchComponent.Deployment, half ? Weights.HybridDeploymentFit : 0, !explain ? null : new LocalizedText(
            $"部署方式为{DeploymentZh(offered)}（偏好{DeploymentZh(wanted)}）",
            $"deployed {DeploymentEn(offered)} (you prefer {DeploymentEn(wanted)})"));
    }

    /// <summary>Rating pulled towards the prior mean (Bayesian mean), then scaled from 1–5 to 0–1.</summary>
    internal double RatingFit(double? rating, int projects)
    {
        var n = rating is null ? 0 : Math.Max(projects, 0);
        var mean = (Weights.RatingPriorProjects * Weights.RatingPriorMean + n * (rating ?? 0)) / (Weights.RatingPriorProjects + n);
        if (double.IsNaN(mean))
        {
            mean = Weights.RatingPriorMean;
        }

        return Clamp((mean - 1) / 4);
    }

    private (MatchComponent, double, LocalizedText?) Evidence(MatchRequest request, CandidateFacts facts, bool explain)
    {
        var sameIndustry = string.IsNullOrEmpty(request.IndustryCode) ? 0 : facts.Cases.Count(c => c.IndustryCode == request.IndustryCode);
        var sameScenario = facts.Cases.Count(c => c.IndustryCode != request.IndustryCode && c.Scenarios.Any(s => request.Scenarios.Contains(s) || request.RoadmapScenarios.Contains(s)));
        var caseFit = Clamp((sameIndustry + 0.5 * sameScenario) / Weights.CasesForFullEvidence);
        var ratingFit = RatingFit(facts.ProviderRating, facts.ProviderRatedProjects);
        var value = Weights.CaseShareOfEvidence * caseFit + (1 - Weights.CaseShareOfEvidence) * ratingFit;
        if (!explain)
        {
            return (MatchComponent.Evidence, value, null);
        }

        var casesZh = sameIndustry > 0 ? $"同行业案例 {sameIndustry} 个" : sameScenario > 0 ? $"同场景案例 {sameScenario} 个" : "暂无相关案例";
        var casesEn = sameIndustry > 0 ? $"{sameIndustry} case(s) in your industry" : sameScenario > 0 ? $"{sameScenario} case(s) in the same scenarios" : "no related cases yet";
        var ratingZh = facts.ProviderRating is { } r && facts.ProviderRatedProjects > 0
            ? $"服务商评分 {r.ToString("0.0", CultureInfo.InvariantCulture)}（{facts.ProviderRatedProjects} 个项目）" : "服务商尚无评分";
        var ratingEn = facts.ProviderRating is { } re && facts.ProviderRatedProjects > 0
            ? $"provider rated {re.ToString("0.0", CultureInfo.InvariantCulture)} over {facts.ProviderRatedProjects} project(s)" : "provider not rated yet";
        return (MatchComponent.Evidence, value, new LocalizedText($"{casesZh}；{ratingZh}", $"{casesEn}; {ratingEn}"));
    }

    private static double Clamp(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);

    private static string Percent(double value) => ((int)Math.Round(Clamp(value) * 100)).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Wan(long yuan) => (yuan / 10000.0).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Thousands(long yuan) => yuan >= 1_000_000
        ? (yuan / 1_000_000.0).ToString("0.##", CultureInfo.InvariantCulture) + "M"
        : (yuan / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k";

    private static string ChineseCount(int n) => n switch { 2 => "两", 3 => "三", 4 => "四", 5 => "五", _ => n.ToString(CultureInfo.InvariantCulture) };

    private static string EnglishCount(int n) => n switch { 2 => "two", 3 => "three", 4 => "four", 5 => "five", _ => n.ToString(CultureInfo.InvariantCulture) };

    private static string SizeZh(SizeClass size) => size switch
    {
        SizeClass.Micro => "微型",
        SizeClass.Small => "小型",
        SizeClass.Medium => "中型",
        _ => "大型",
    };

    private static string SizeEn(SizeClass size) => size.ToString().ToLowerInvariant();

    private static string DeploymentZh(DeploymentMode mode) => mode switch
    {
        DeploymentMode.Saas => "云服务（SaaS）",
        DeploymentMode.OnPremises => "本地部署",
        _ => "混合部署",
    };

    private static string DeploymentEn(DeploymentMode mode) => mode switch
    {
        DeploymentMode.Saas => "as SaaS",
        DeploymentMode.OnPremises => "on premises",
        _ => "hybrid",
    };
}
