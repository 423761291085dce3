namespace FactoryPath.Web.Programmes;

/// <summary>
/// A support programme of a region (e.g. 数字化转型券, transformation vouchers): a budget in whole yuan, a ceiling per
/// application, a period in which enterprises located in the region may apply, and eligibility rules as data
/// (<see cref="Core.Eligibility.EligibilityRule"/> list, stored as JSON).
/// </summary>
public sealed class SupportProgramme
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>GB/T 2260 code: enterprises located in this region may apply; administrators of it (or above) manage it.</summary>
    public string RegionCode { get; set; } = "";
    public long BudgetCny { get; set; }
    public long MaxPerApplicationCny { get; set; }
    /// <summary>
    /// Sum of the granted amounts of approved applications. Only ever changed by one conditional UPDATE
    /// (<see cref="ProgrammeBudget"/>), never read-modify-written, so that it never exceeds <see cref="BudgetCny"/>.
    /// </summary>
    public long ApprovedCny { get; set; }
    /// <summary>First and last day (inclusive, platform local date) on which applications are taken.</summary>
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// <summary>The eligibility rules as JSON (a list of <see cref="Core.Eligibility.EligibilityRule"/>).</summary>
    public string RulesJson { get; set; } = "[]";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
