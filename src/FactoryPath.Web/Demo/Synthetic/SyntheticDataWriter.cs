using System.Diagnostics;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demo.Synthetic;

/// <summary>Rows written so far to one table.</summary>
public sealed record SyntheticProgress(string Table, long Done, long Total);

/// <summary>Rows and time per table.</summary>
public sealed record SyntheticTableReport(string Table, int Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Writes a generated data set into the platform database: applies the migrations first, refuses a database that
/// already holds generated rows unless told to replace them, then inserts with one prepared command per table and one
/// transaction per batch of <see cref="BatchSize"/> rows (EF change tracking would cost far more at 100,000 rows).
/// </summary>
public sealed class SyntheticDataWriter(PlatformDbContext db)
{
    public const int BatchSize = 2_000;

    /// <summary>True when any enterprise or provider has a generated credit code, or any account a generated address.</summary>
    public async Task<bool> HoldsGeneratedDataAsync(CancellationToken ct = default) =>
        await db.Enterprises.AnyAsync(e => EF.Functions.Like(e.CreditCode, SyntheticDataGenerator.CreditCodePattern), ct) ||
        await db.Providers.AnyAsync(p => EF.Functions.Like(p.CreditCode, SyntheticDataGenerator.CreditCodePattern), ct) ||
        await db.Users.AnyAsync(u => EF.Functions.Like(u.NormalizedEmail!, GeneratedEmailPattern), ct);

    /// <summary>SQL LIKE pattern of generated accounts' normalised e-mail addresses.</summary>
    private const string GeneratedEmailPattern = "%@" + "GEN.FACTORYPATH.TEST";

    /// <summary>
    /// Deletes earlier generated rows: the generated accounts, the production, gateways, demands (with their recipients,
    /// proposals and projects), results, cases, solutions, providers and enterprises of generated organisations. Other
    /// data stays (demo accounts, user-made enterprises and what they posted).
    /// </summary>
    public async Task DeleteGeneratedAsync(CancellationToken ct = default)
    {
        const string pattern = SyntheticDataGenerator.CreditCodePattern;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var enterprises = db.Enterprises.Where(e => EF.Functions.Like(e.CreditCode, pattern)).Select(e => e.Id);
        var providers = db.Providers.Where(p => EF.Functions.Like(p.CreditCode, pattern)).Select(p => p.Id);
        // children first, each in one statement: a cascade from the enterprises would go row by row
        var users = db.Users.Where(u => EF.Functions.Like(u.NormalizedEmail!, GeneratedEmailPattern)).Select(u => u.Id);
        await db.UserRoles.Where(r => users.Contains(r.UserId)).ExecuteDeleteAsync(ct);
        await db.Users.Where(u => EF.Functions.Like(u.NormalizedEmail!, GeneratedEmailPattern)).ExecuteDeleteAsync(ct);
        await db.ProductionDownHours.Where(h => enterprises.Contains(h.EnterpriseId)).ExecuteDeleteAsync(ct);
        await db.ProductionHours.Where(h => enterprises.Contains(h.EnterpriseId)).ExecuteDeleteAsync(ct);
        var gateways = db.Gateways.Where(g => enterprises.Contains(g.EnterpriseId)).Select(g => g.Id);
        await db.GatewaySnapshots.Where(s => gateways.Contains(s.GatewayId)).ExecuteDeleteAsync(ct);
        await db.Gateways.Where(g => enterprises.Contains(g.EnterpriseId)).ExecuteDeleteAsync(ct);
        await db.Projects.Where(p => enterprises.Contains(p.EnterpriseId) || providers.Contains(p.ProviderId)).ExecuteDeleteAsync(ct);
        var demands = db.Demands.Where(d => enterprises.Contains(d.EnterpriseId)).Select(d => d.Id);
        await db.Proposals.Where(p => demands.Contains(p.DemandId) || providers.Contains(p.ProviderId)).ExecuteDeleteAsync(ct);
        await db.DemandRecipients.Where(r => demands.Contains(r.DemandId) || providers.Contains(r.ProviderId)).ExecuteDeleteAsync(ct);
        await db.Demands.Where(d => enterprises.Contains(d.EnterpriseId)).ExecuteDeleteAsync(ct);
        await db.Results.Where(r => enterprises.Contains(r.EnterpriseId)).ExecuteDeleteAsync(ct);
        await db.AnswerSheets.Where(a => enterprises.Contains(a.EnterpriseId)).ExecuteDeleteAsync(ct);
        await db.Cases.Where(c => db.Providers.Any(p => p.Id == c.ProviderId && EF.Functions.Like(p.CreditCode, pattern))).ExecuteDeleteAsync(ct);
        await db.Solutions.Where(s => providers.Contains(s.ProviderId)).ExecuteDeleteAsync(ct);
        await db.Providers.Where(p => EF.Functions.Like(p.CreditCode, pattern)).ExecuteDeleteAsync(ct);
        await db.Enterprises.Where(e => EF.Functions.Like(e.CreditCode, pattern)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Writes the tables in order (enterprises, providers, solutions, cases, results, accounts, demands, gateways,
    /// production), reporting progress per table (<see cref="SyntheticProgress.Table"/> is the report's table name) and
    /// returning rows and time per table. Rows written together (a result and its sheet, an account and its role, a
    /// demand and its recipients, proposals and project, an hour and its down time) share their pass's time.
    /// </summary>
    public async Task<IReadOnlyList<SyntheticTableReport>> WriteAsync(
        SyntheticDataGenerator generator, SyntheticCounts counts, Action<SyntheticProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (counts.Problem() is { } problem) throw new ArgumentException(problem, nameof(counts));
        var sqlite = db.Database.GetDbConnection() as SqliteConnection;
        var reports = new List<SyntheticTableReport>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // PostgreSQL: binary COPY for results and the tables with a CopyShape (enterprises, accounts, production), EF
            // Core's batched inserts for the others (PostgresSink)
            async Task Pass<T>(string table, IEnumerable<T> items, long total, Action<IRowSink, T> write)
            {
                IRowSink sink = sqlite is not null ? new SqliteSink(sqlite) : new PostgresSink(db);
                reports.AddRange(await RunPassAsync(sink, table, items, total, write, progress, ct));
            }

            await Pass(SyntheticRows.Enterprises.Table, generator.Enterprises(counts.Enterprises), counts.Enterprises, (s, e) => s.Add(SyntheticRows.Enterprises, e));
            await Pass(SyntheticRows.Providers.Table, generator.Providers(counts.Providers), counts.Providers, (s, p) => s.Add(SyntheticRows.Providers, p));
            await Pass(SyntheticRows.Solutions.Table, generator.Solutions(counts.Solutions), counts.Solutions, (s, x) => s.Add(SyntheticRows.Solutions, x));
            await Pass(SyntheticRows.Cases.Table, generator.Cases(counts.Cases), counts.Cases, (s, c) => s.Add(SyntheticRows.Cases, c));
            if (sqlite is null)
            {
                reports.Add(await PostgresCopy.SubmissionsAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), generator.Results(counts.Results), counts.Results, BatchSize, progress, ct));
            }
            else
            {
                await Pass(ResultsTable, generator.Results(counts.Results), counts.Results, (s, x) =>
                {
                    s.Add(SyntheticRows.Sheets, x.Sheet);
                    s.Add(SyntheticRows.Results, x.Result);
                });
            }

            if (counts.Accounts)
            {
                var roles = await RoleIdsAsync(ct);
                await Pass(AccountsTable, generator.Accounts(), generator.AccountCount, (s, a) =>
                {
                    s.Add(SyntheticRows.Users, a.User);
                    s.Add(SyntheticRows.UserRoles, new IdentityUserRole<string> { UserId = a.User.Id, RoleId = roles[a.Role] });
                });
            }

            await Pass(SyntheticRows.Demands.Table, generator.Demands(counts.Demands), counts.Demands, (s, d) =>
            {
                s.Add(SyntheticRows.Demands, d.Demand);
                foreach (var r in d.Recipients) s.Add(SyntheticRows.Recipients, r);
                foreach (var p in d.Proposals) s.Add(SyntheticRows.Proposals, p);
                if (d.Project is { } project) s.Add(SyntheticRows.Projects, project);
            });
            await Pass(SyntheticRows.Gateways.Table, generator.Gateways(counts.Gateways, counts.MachinesPerGateway, counts.ProductionDays), counts.Gateways, (s, g) =>
            {
                s.Add(SyntheticRows.Gateways, g.Gateway);
                s.Add(SyntheticRows.Snapshots, g.Register);
            });
            await Pass(SyntheticRows.Hours.Table, generator.ProductionHours(counts.Gateways, counts.MachinesPerGateway, counts.ProductionDays), counts.ProductionHoursAtMost, (s, h) =>
            {
                s.Add(SyntheticRows.Hours, h.Hour);
                foreach (var d in h.Down) s.Add(SyntheticRows.DownHours, d);
            });
            return reports;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The platform's roles by name, created first when the database has none yet (as the platform creates them at start).</summary>
    private async Task<Dictionary<string, string>> RoleIdsAsync(CancellationToken ct)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        foreach (var name in PlatformRoles.All.Where(n => !roles.ContainsKey(n)))
        {
            var role = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
            db.Roles.Add(role);
            roles[name] = role.Id;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return roles;
    }

    /// <summary>
    /// One pass over generated items: a transaction per <see cref="BatchSize"/> items, progress after each, and a report
    /// per table written (in the order first written; a table with no rows reports the pass's name with 0 rows).
    /// </summary>
    private static async Task<List<SyntheticTableReport>> RunPassAsync<T>(IRowSink sink, string table, IEnumerable<T> items, long total,
        Action<IRowSink, T> write, Action<SyntheticProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long done = 0;
        progress?.Invoke(new SyntheticProgress(table, 0, total));
        try
        {
            foreach (var item in items)
            {
                if (done % BatchSize == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    sink.Begin();
                }

                write(sink, item);
                if (++done % BatchSize == 0)
                {
                    await sink.CommitAsync(ct);
                    progress?.Invoke(new SyntheticProgress(table, done, Math.Max(total, done)));
                }
            }

            if (done % BatchSize != 0) await sink.CommitAsync(ct);
            // a pass may write fewer items than it expected (resting Sundays): the bar ends full
            progress?.Invoke(new SyntheticProgress(table, done, done));
        }
        finally
        {
            sink.Dispose();
        }

        var elapsed = clock.Elapsed;
        var rows = sink.Rows;
        return rows.Count == 0 ? [new SyntheticTableReport(table, 0, elapsed)] : rows.Select(r => new SyntheticTableReport(r.Key, r.Value, elapsed)).ToList();
    }

    /// <summary>The name progress and reports use for results (each with its answer sheet).</summary>
    public const string ResultsTable = "Results";

    /// <summary>The name progress uses for accounts (each with its role).</summary>
    public const string AccountsTable = "AspNetUsers";

    /// <summary>The model whose results most generated submissions are: the SME digital level evaluation.</summary>
    public const string PrimaryModelId = "miit-sme-digital-level";

    /// <summary>
    /// A generator over the shipped scenario library and the newest version of each model (the primary model first);
    /// <paramref name="passwordHash"/> is what accounts and gateways carry, <paramref name="productionUntil"/> where the
    /// production ends (default <see cref="SyntheticDataGenerator.ResultsUntil"/>).
    /// </summary>
    public static SyntheticDataGenerator Generator(int seed, ModelRegistry? models = null, string? passwordHash = null, DateTime? productionUntil = null) =>
        new(seed, ScenarioLibrary.LoadEmbedded(), models is null ? [] :
            models.Models.Select(m => m.Id).Distinct().Select(id => models.Latest(id)!)
                .OrderBy(m => m.Id == PrimaryModelId ? 0 : 1).ThenBy(m => m.Id, StringComparer.Ordinal).ToList())
        {
            PasswordHash = passwordHash,
            ProductionUntil = productionUntil ?? SyntheticDataGenerator.ResultsUntil,
        };

    /// <summary>The hash every generated account and gateway carries, made once (the platform's own password hasher).</summary>
    public static string HashPassword(string password) => new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), password);
}
