using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Programmes;

/// <summary>
/// The only writes of a programme's budget figures. Each is one conditional UPDATE of the programme row, so the check
/// and the change are one statement in the database: two approvals at once cannot both see room that only one fits in
/// (PostgreSQL re-checks the condition on the row the first one committed; SQLite runs writers one at a time).
/// </summary>
public static class ProgrammeBudget
{
    /// <summary>Adds <paramref name="amount"/> to the approved total if it still fits the budget; false when it does not.</summary>
    public static async Task<bool> TryReserveAsync(PlatformDbContext db, Guid programmeId, long amount, CancellationToken ct) =>
        await db.Programmes
            .Where(p => p.Id == programmeId && p.ApprovedCny + amount <= p.BudgetCny)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ApprovedCny, p => p.ApprovedCny + amount), ct) == 1;

    /// <summary>What is left: budget minus approved (read fresh, for messages and pages).</summary>
    public static async Task<long?> RemainingAsync(PlatformDbContext db, Guid programmeId, CancellationToken ct) =>
        await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => (long?)(p.BudgetCny - p.ApprovedCny)).FirstOrDefaultAsync(ct);
}
