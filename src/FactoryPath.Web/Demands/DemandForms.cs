using System.Globalization;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Demands;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Demands;

/// <summary>
/// The demand, proposal and completion forms of the pages as typed. Amounts are entered in 万元 (ten thousand yuan), as
/// Chinese owners state them; numbers arrive as text so a wrong entry gets a message beside its field instead of a silent zero.
/// </summary>
public static class DemandForms
{
    private const decimal MaxWan = 100_000_000m;

    public static string Value(IFormCollection form, string name) => form.TryGetValue(name, out var v) ? v.ToString().Trim() : "";

    /// <summary>A sum typed in 万元, in whole yuan; null when empty (the validator then says it is required).</summary>
    public static long? Wan(IFormCollection form, string name, string field, Dictionary<string, string> errors, UiText t)
    {
        var text = Value(form, name);
        if (text.Length == 0) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var wan) && Math.Abs(wan) <= MaxWan)
            return (long)Math.Round(wan * 10_000m, MidpointRounding.AwayFromZero);
        errors.TryAdd(field, t["demands.notAmount"]);
        return null;
    }

    public static int? Whole(IFormCollection form, string name, string field, Dictionary<string, string> errors, UiText t)
    {
        var text = Value(form, name);
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.TryAdd(field, t["demands.notWhole"]);
        return null;
    }

    public static double? Number(IFormCollection form, string name, string field, Dictionary<string, string> errors, UiText t)
    {
        var text = Value(form, name);
        if (text.Length == 0) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
        errors.TryAdd(field, t["demands.notNumber"]);
        return null;
    }

    public static DemandInput ReadDemand(IFormCollection form, Dictionary<string, string> errors, UiText t)
    {
        DateOnly? deadline = null;
        var deadlineText = Value(form, "deadline");
        if (deadlineText.Length > 0)
        {
            if (DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) deadline = d;
            else errors.TryAdd(DemandFields.Deadline, t["demands.notDate"]);
        }
        DeploymentMode? deployment = Enum.TryParse<DeploymentMode>(Value(form, "deployment"), ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : null;
        return new DemandInput(
            Value(form, "title"), Value(form, "description"), form["scenarios"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList(),
            Wan(form, "budgetMin", DemandFields.BudgetMinCny, errors, t), Wan(form, "budgetMax", DemandFields.BudgetMaxCny, errors, t),
            deadline, Value(form, "regionCode"), deployment);
    }

    public static ProposalInput ReadProposal(IFormCollection form, Dictionary<string, string> errors, UiText t)
    {
        Guid? solution = Guid.TryParse(Value(form, "solutionId"), out var id) ? id : null;
        return new ProposalInput(Wan(form, "price", DemandFields.PriceCny, errors, t), Whole(form, "weeks", DemandFields.DurationWeeks, errors, t),
            Value(form, "approach"), solution);
    }

    /// <summary>
    /// The completion form: rating, comment, up to <see cref="KpiRows"/> KPI rows (empty rows are skipped), consent and
    /// naming. <paramref name="rows"/> gives the form row of each KPI sent, so errors can be shown on the right row.
    /// </summary>
    public static CompletionRequest ReadCompletion(IFormCollection form, Dictionary<string, string> errors, UiText t, out List<int> rows)
    {
        var kpis = new List<KpiOutcomeInput>();
        rows = [];
        for (var row = 0; row < KpiRows; row++)
        {
            var indicator = Value(form, $"kpi{row}.indicator");
            var changeText = Value(form, $"kpi{row}.change");
            if (indicator.Length == 0 && changeText.Length == 0) continue;
            var change = Number(form, $"kpi{row}.change", DemandFields.Kpi(row, "changePercent"), errors, t);
            kpis.Add(new KpiOutcomeInput(indicator, change));
            rows.Add(row);
        }
        return new CompletionRequest(Whole(form, "rating", DemandFields.Rating, errors, t), Value(form, "comment"), kpis,
            form.ContainsKey("consent"), Value(form, "named") == "1");
    }

    /// <summary>Field errors keyed by KPI position (kpis[i].x) moved to the form row that KPI came from.</summary>
    public static void AddByRow(Dictionary<string, string> errors, IReadOnlyDictionary<string, string[]>? fields, List<int> rows)
    {
        foreach (var (field, messages) in fields ?? new Dictionary<string, string[]>())
        {
            var key = field;
            var match = System.Text.RegularExpressions.Regex.Match(field, @"^kpis\[(\d+)\]\.(\w+)$");
            if (match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var i) && i < rows.Count)
                key = DemandFields.Kpi(rows[i], match.Groups[2].Value);
            errors.TryAdd(key, messages[0]);
        }
    }

    public const int KpiRows = 5;

    /// <summary>Validator errors in the reader's language, kept only where the form has no message of its own yet.</summary>
    public static void Add(Dictionary<string, string> errors, DemandValidation check)
    {
        foreach (var (field, message) in check.Errors) errors.TryAdd(field, UiText.Pick(message.Zh, message.En));
    }

    public static void Add(Dictionary<string, string> errors, IReadOnlyDictionary<string, string[]>? fields)
    {
        foreach (var (field, messages) in fields ?? new Dictionary<string, string[]>()) errors.TryAdd(field, messages[0]);
    }

    /// <summary>"12.5 万元" or "CNY 125,000".</summary>
    public static string Money(long yuan) => UiText.IsChinese()
        ? yuan >= 10_000 ? $"{(yuan / 10_000m).ToString("0.####", CultureInfo.InvariantCulture)} 万元" : $"{yuan} 元"
        : $"CNY {yuan.ToString("N0", CultureInfo.InvariantCulture)}";

    public static string Wan(long yuan) => (yuan / 10_000m).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Budget(long min, long max) => $"{Money(min)} – {Money(max)}";

    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
