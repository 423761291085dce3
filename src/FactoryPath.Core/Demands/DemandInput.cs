using FactoryPath.Core.Catalog;

namespace FactoryPath.Core.Demands;

/// <summary>A demand as entered, before validation; every field may be missing.</summary>
/// <param name="Scenarios">Ids of typical scenarios from the scenario library.</param>
/// <param name="BudgetMinCny">Lower end of the budget in whole yuan; 0 is allowed.</param>
/// <param name="Deadline">The day by which the work should be done; must lie after today.</param>
/// <param name="RegionCode">GB/T 2260 code where the work is to be done.</param>
public sealed record DemandInput(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Scenarios,
    long? BudgetMinCny,
    long? BudgetMaxCny,
    DateOnly? Deadline,
    string? RegionCode,
    DeploymentMode? PreferredDeployment = null);
