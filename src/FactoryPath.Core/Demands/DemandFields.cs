namespace FactoryPath.Core.Demands;

/// <summary>Field names (camelCase, as in JSON and forms) and limits of demands, proposals and project completion.</summary>
public static class DemandFields
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Scenarios = "scenarios";
    public const string BudgetMinCny = "budgetMinCny";
    public const string BudgetMaxCny = "budgetMaxCny";
    public const string Deadline = "deadline";
    public const string RegionCode = "regionCode";
    public const string PreferredDeployment = "preferredDeployment";

    public const string PriceCny = "priceCny";
    public const string DurationWeeks = "durationWeeks";
    public const string Approach = "approach";
    public const string SolutionId = "solutionId";

    public const string Rating = "rating";
    public const string Comment = "comment";
    public const string Kpis = "kpis";

    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ApproachMinLength = 10;
    public const int ApproachMaxLength = 4000;
    public const int MinWeeks = 1;
    public const int MaxWeeks = 260;
    public const int CommentMaxLength = 2000;
    public const int MaxKpis = 20;

    /// <summary>The key of one field of one KPI row, e.g. <c>kpis[2].changePercent</c>.</summary>
    public static string Kpi(int index, string field) => $"{Kpis}[{index}].{field}";

    /// <summary>Characters as people count them: a CJK extension character outside the BMP is one, not two UTF-16 units.</summary>
    internal static int LengthOf(string text) => text.EnumerateRunes().Count();
}
