using FactoryPath.Core.Eligibility;

namespace FactoryPath.Web.Programmes;

/// <summary>A programme as created or edited (API body and page form alike); amounts in whole yuan.</summary>
public sealed record ProgrammeInput(
    string? NameZh, string? NameEn, string? DescriptionZh, string? DescriptionEn, string? RegionCode,
    long? BudgetCny, long? MaxPerApplicationCny, DateOnly? OpensOn, DateOnly? ClosesOn, List<EligibilityRule>? Rules);

/// <summary>An application as an enterprise sends it; the amount in whole yuan.</summary>
public sealed record ApplicationInput(long? RequestedCny, string? Purpose, string? ScenarioId = null, Guid? ProjectId = null);

/// <summary>An approval, optionally granting less than was requested.</summary>
public sealed record ApprovalInput(long? GrantedCny = null, string? Comment = null);

/// <summary>A rejection; the comment is required so the enterprise learns why.</summary>
public sealed record RejectionInput(string? Comment);

/// <summary>The JSON names of the fields, used as keys of the validation errors.</summary>
public static class ProgrammeFields
{
    public const string NameZh = "nameZh";
    public const string NameEn = "nameEn";
    public const string DescriptionZh = "descriptionZh";
    public const string DescriptionEn = "descriptionEn";
    public const string RegionCode = "regionCode";
    public const string BudgetCny = "budgetCny";
    public const string MaxPerApplicationCny = "maxPerApplicationCny";
    public const string OpensOn = "opensOn";
    public const string ClosesOn = "closesOn";
    public const string Rules = "rules";
    public const string RequestedCny = "requestedCny";
    public const string Purpose = "purpose";
    public const string ScenarioId = "scenarioId";
    public const string ProjectId = "projectId";
    public const string GrantedCny = "grantedCny";
    public const string Comment = "comment";
}
