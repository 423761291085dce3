using System.Globalization;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Eligibility;

/// <summary>Checks that rules are well formed, and checks an enterprise's facts against them.</summary>
public static class EligibilityRules
{
    /// <summary>
    /// Every problem of the rules, each naming the rule by its position (1-based) in both languages; empty when all are
    /// usable. <paramref name="knownModel"/> answers whether a model id exists and, given a question id, whether the
    /// model has that question.
    /// </summary>
    public static IReadOnlyList<LocalizedText> Validate(IReadOnlyList<EligibilityRule>? rules, Func<string, string?, bool> knownModel)
    {
        var errors = new List<LocalizedText>();
        if (rules is null) return errors;
        for (var i = 0; i < rules.Count; i++)
        {
            var n = i + 1;
            var rule = rules[i];
            void Error(string zh, string en) => errors.Add(new LocalizedText($"第 {n} 条规则：{zh}", $"Rule {n}: {en}"));
            if (rule is null) { Error("为空。", "is empty."); continue; }
            switch (rule.Kind)
            {
                case EligibilityKinds.SizeClass:
                    if (rule.AnyOf is not { Count: > 0 }) Error("请列出至少一个企业规模。", "list at least one size class.");
                    else foreach (var s in rule.AnyOf.Where(s => ParseSize(s) is null))
                        Error($"“{s}”不是企业规模（micro、small、medium、large）。", $"\"{s}\" is no size class (micro, small, medium, large).");
                    break;
                case EligibilityKinds.Industry:
                    if (rule.AnyOf is not { Count: > 0 }) Error("请列出至少一个行业代码。", "list at least one industry code.");
                    else foreach (var c in rule.AnyOf.Where(c => IndustryCatalog.Find(c) is null))
                        Error($"“{c}”不是 GB/T 4754-2017 的门类或大类代码。", $"\"{c}\" is no GB/T 4754-2017 section or division code.");
                    break;
                case EligibilityKinds.Region:
                    if (rule.AnyOf is not { Count: > 0 }) Error("请列出至少一个行政区划代码。", "list at least one region code.");
                    else foreach (var c in rule.AnyOf.Where(c => !RegionCatalog.IsValidCode(c)))
                        Error($"“{c}”不是 GB/T 2260 行政区划代码。", $"\"{c}\" is no GB/T 2260 region code.");
                    break;
                case EligibilityKinds.MinLevel:
                    RequireModel(rule, knownModel, Error);
                    if (rule.Level is not (>= 1 and <= 10)) Error("最低等级须为 1 到 10。", "the lowest level must be 1 to 10.");
                    break;
                case EligibilityKinds.MinQuestionPercent:
                    if (RequireModel(rule, knownModel, Error))
                    {
                        if (string.IsNullOrWhiteSpace(rule.QuestionId)) Error("请指定题目。", "name the question.");
                        else if (!knownModel(rule.ModelId!, rule.QuestionId)) Error($"模型 {rule.ModelId} 中没有题目 {rule.QuestionId}。", $"model {rule.ModelId} has no question {rule.QuestionId}.");
                    }
                    if (rule.Percent is not (> 0 and <= 100)) Error("得分率须大于 0 且不超过 100。", "the percentage must be above 0 and at most 100.");
                    break;
                case EligibilityKinds.ResultWithinDays:
                    RequireModel(rule, knownModel, Error);
                    if (rule.Days is not (>= 1 and <= 3660)) Error("天数须为 1 到 3660。", "the days must be 1 to 3660.");
                    break;
                default:
                    Error($"未知的规则类型“{rule.Kind}”（可用：{string.Join("、", EligibilityKinds.All)}）。",
                        $"unknown kind \"{rule.Kind}\" (one of {string.Join(", ", EligibilityKinds.All)}).");
                    break;
            }
        }
        return errors;
    }

    private static bool RequireModel(EligibilityRule rule, Func<string, string?, bool> knownModel, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(rule.ModelId)) { error("请指定评估模型。", "name the assessment model."); return false; }
        if (!knownModel(rule.ModelId, null)) { error($"没有评估模型 {rule.ModelId}。", $"there is no assessment model {rule.ModelId}."); return false; }
        return true;
    }

    /// <summary>Checks every rule (rules are assumed valid: see <see cref="Validate"/>) against the facts at <paramref name="now"/>.</summary>
    public static EligibilityReport Evaluate(IReadOnlyList<EligibilityRule> rules, EligibilityFacts facts, DateTimeOffset now)
    {
        var outcomes = rules.Select(r => Check(r, facts, now)).ToList();
        return new EligibilityReport(outcomes.All(o => o.Met), outcomes);
    }

    private static RuleOutcome Check(EligibilityRule rule, EligibilityFacts facts, DateTimeOffset now)
    {
        var any = rule.AnyOf ?? [];
        RuleOutcome Outcome(bool met, string reqZh, string reqEn, string actZh, string actEn) =>
            new(rule, met, rule.Label ?? new LocalizedText(reqZh, reqEn), new LocalizedText(actZh, actEn));
        switch (rule.Kind)
        {
            case EligibilityKinds.SizeClass:
            {
                var allowed = any.Select(ParseSize).OfType<SizeClass>().ToList();
                return Outcome(facts.SizeClass is { } s && allowed.Contains(s),
                    "企业规模为" + string.Join("或", allowed.Select(a => a.Zh())), "Size class " + string.Join(" or ", allowed.Select(a => a.En().ToLowerInvariant())),
                    facts.SizeClass?.Zh() ?? "未划型", facts.SizeClass?.En() ?? "not classified");
            }
            case EligibilityKinds.Industry:
            {
                var division = IndustryCatalog.Find(facts.IndustryCode);
                var section = IndustryCatalog.Parent(facts.IndustryCode);
                var met = any.Any(c => IndustryCatalog.Find(c) is { } i && (i.Code == division?.Code || i.Code == section?.Code));
                var names = any.Select(c => IndustryCatalog.Find(c)).OfType<Industry>().ToList();
                return Outcome(met, "所属行业为" + string.Join("、", names.Select(i => i.NameZh)), "Industry: " + string.Join(", ", names.Select(i => i.NameEn)),
                    division?.NameZh ?? facts.IndustryCode, division?.NameEn ?? facts.IndustryCode);
            }
            case EligibilityKinds.Region:
            {
                var met = any.Any(c => RegionScope.Contains(c, facts.RegionCode));
                var own = RegionCatalog.Find(facts.RegionCode) ?? RegionCatalog.PrefectureOf(facts.RegionCode) ?? RegionCatalog.ProvinceOf(facts.RegionCode);
                return Outcome(met, "注册地位于" + string.Join("、", any.Select(c => RegionName(c, zh: true))), "Located in " + string.Join(", ", any.Select(c => RegionName(c, zh: false))),
                    own is null ? facts.RegionCode : $"{own.NameZh}（{facts.RegionCode}）", own is null ? facts.RegionCode : $"{RegionName(own.Code, zh: false)} ({facts.RegionCode})");
            }
            case EligibilityKinds.MinLevel:
            {
                var latest = facts.Latest(rule.ModelId ?? "");
                return Outcome(latest is not null && latest.Level >= rule.Level,
                    $"{rule.ModelId} 最新评估达到 {rule.Level} 级及以上", $"Latest {rule.ModelId} result at level {rule.Level} or above",
                    latest is null ? "尚无评估结果" : $"{latest.Level} 级", latest is null ? "no result yet" : $"level {latest.Level}");
            }
            case EligibilityKinds.MinQuestionPercent:
            {
                var latest = facts.Latest(rule.ModelId ?? "");
                decimal? value = latest is not null && latest.QuestionPercent.TryGetValue(rule.QuestionId ?? "", out var p) ? p : null;
                var text = value?.ToString("0.#", CultureInfo.InvariantCulture);
                var req = rule.Percent?.ToString("0.#", CultureInfo.InvariantCulture);
                return Outcome(value >= rule.Percent,
                    $"{rule.ModelId} 题目 {rule.QuestionId} 得分率不低于 {req}%", $"{rule.ModelId} question {rule.QuestionId} scores at least {req} %",
                    value is null ? (latest is null ? "尚无评估结果" : "未作答或不适用") : $"{text}%",
                    value is null ? (latest is null ? "no result yet" : "not answered or not applicable") : $"{text} %");
            }
            case EligibilityKinds.ResultWithinDays:
            {
                var latest = facts.Latest(rule.ModelId ?? "");
                var age = latest is null ? (int?)null : (int)Math.Floor((now - latest.SubmittedAt).TotalDays);
                return Outcome(age is not null && age <= rule.Days,
                    $"{rule.ModelId} 最新评估在 {rule.Days} 天内提交", $"Latest {rule.ModelId} result submitted within {rule.Days} days",
                    age is null ? "尚无评估结果" : $"{age} 天前提交", age is null ? "no result yet" : $"submitted {age} days ago");
            }
            default:
                return Outcome(false, $"未知规则 {rule.Kind}", $"Unknown rule {rule.Kind}", "—", "—");
        }
    }

    private static string RegionName(string code, bool zh) =>
        RegionCatalog.Find(code) is { } r ? (zh || string.IsNullOrEmpty(r.NameEn) ? r.NameZh : r.NameEn) : code;

    /// <summary>A size class by its English name, any letter case; null if none.</summary>
    public static SizeClass? ParseSize(string? name) =>
        Enum.TryParse<SizeClass>(name?.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(name, out _) ? s : null;
}
