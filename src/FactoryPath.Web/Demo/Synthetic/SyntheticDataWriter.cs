using System.Diagnostics;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Web.Persistence;
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

    /// <summary>True when any enterprise or provider has a generated credit code.</summary>
    public async Task<bool> HoldsGeneratedDataAsync(CancellationToken ct = default) =>
        await db.Enterprises.AnyAsync(e => EF.Functions.Like(e.CreditCode, SyntheticDataGenerator.CreditCodePattern), ct) ||
        await db.Providers.AnyAsync(p => EF.Functions.Like(p.CreditCode, SyntheticDataGenerator.CreditCodePattern), ct);

    /// <summary>Deletes earlier generated rows: their cases, solutions, providers and enterprises. Other data stays.</summary>
    public async Task DeleteGeneratedAsync(CancellationToken ct = default)
    {
        const string pattern = SyntheticDataGenerator.CreditCodePattern;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // results and sheets first, in two statements: a cascade from the enterprises would go row by row
        await db.Results.Where(r => db.Enterprises.Any(e => e.Id == r.EnterpriseId && EF.Functions.Like(e.CreditCode, pattern))).ExecuteDeleteAsync(ct);
        await db.AnswerSheets.Where(a => db.Enterprises.Any(e => e.Id == a.EnterpriseId && EF.Functions.Like(e.CreditCode, pattern))).ExecuteDeleteAsync(ct);
        await db.Cases.Where(c => db.Providers.Any(p => p.Id == c.ProviderId && EF.Functions.Like(p.CreditCode, pattern))).ExecuteDeleteAsync(ct);
        await db.Solutions.Where(s => db.Providers.Any(p => p.Id == s.ProviderId && EF.Functions.Like(p.CreditCode, pattern))).ExecuteDeleteAsync(ct);
        await db.Providers.Where(p => EF.Functions.Like(p.CreditCode, pattern)).ExecuteDeleteAsync(ct);
        await db.Enterprises.Where(e => EF.Functions.Like(e.CreditCode, pattern)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<SyntheticTableReport>> WriteAsync(
        SyntheticDataGenerator generator, SyntheticCounts counts, Action<SyntheticProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (counts.Problem() is { } problem) throw new ArgumentException(problem, nameof(counts));
        if (db.Database.GetDbConnection() is not SqliteConnection connection)
        {
            // PostgreSQL: EF Core's batched inserts (its provider writes the arrays, JSON and date-times); tracking is
            // cleared after every batch so memory stays flat
            return
            [
                await InsertTrackedAsync(SyntheticRows.Enterprises.Table, generator.Enterprises(counts.Enterprises), counts.Enterprises, progress, ct),
                await InsertTrackedAsync(SyntheticRows.Providers.Table, generator.Providers(counts.Providers), counts.Providers, progress, ct),
                await InsertTrackedAsync(SyntheticRows.Solutions.Table, generator.Solutions(counts.Solutions), counts.Solutions, progress, ct),
                await InsertTrackedAsync(SyntheticRows.Cases.Table, generator.Cases(counts.Cases), counts.Cases, progress, ct),
                await PostgresCopy.SubmissionsAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), generator.Results(counts.Results), counts.Results, BatchSize, progress, ct),
            ];
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return
            [
                Insert(connection, SyntheticRows.Enterprises, generator.Enterprises(counts.Enterprises), counts.Enterprises, progress, ct),
                Insert(connection, SyntheticRows.Providers, generator.Providers(counts.Providers), counts.Providers, progress, ct),
                Insert(connection, SyntheticRows.Solutions, generator.Solutions(counts.Solutions), counts.Solutions, progress, ct),
                Insert(connection, SyntheticRows.Cases, generator.Cases(counts.Cases), counts.Cases, progress, ct),
                InsertSubmissions(connection, generator.Results(counts.Results), counts.Results, progress, ct),
            ];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<SyntheticTableReport> InsertTrackedAsync<T>(string table, IEnumerable<T> rows, int total, Action<SyntheticProgress>? progress, CancellationToken ct)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        progress?.Invoke(new SyntheticProgress(table, 0, total));
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            progress?.Invoke(new SyntheticProgress(table, done, total));
        }

        return new SyntheticTableReport(table, done, clock.Elapsed);
    }

    /// <summary>One prepared command reused for every row; a transaction per batch of <see cref="BatchSize"/> rows.</summary>
    private static SyntheticTableReport Insert<T>(SqliteConnection connection, TableShape<T> shape, IEnumerable<T> rows, int total, Action<SyntheticProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        progress?.Invoke(new SyntheticProgress(shape.Table, 0, total));
        using var command = shape.Prepare(connection);
        SqliteTransaction? tx = null;
        try
        {
            foreach (var row in rows)
            {
                if (tx is null)
                {
                    ct.ThrowIfCancellationRequested();
                    tx = connection.BeginTransaction();
                    command.Transaction = tx;
                    command.Prepare();
                }

                shape.Bind(command, row);
                command.ExecuteNonQuery();
                if (++done % BatchSize == 0)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = null;
                    progress?.Invoke(new SyntheticProgress(shape.Table, done, total));
                }
            }

            if (tx is not null)
            {
                tx.Commit();
                progress?.Invoke(new SyntheticProgress(shape.Table, done, total));
            }
        }
        finally
        {
            tx?.Dispose();
        }

        return new SyntheticTableReport(shape.Table, done, clock.Elapsed);
    }

    /// <summary>Each sheet and its result, with two prepared commands in the same transactions (the result refers to the sheet).</summary>
    private static SyntheticTableReport InsertSubmissions(SqliteConnection connection, IEnumerable<SyntheticSubmission> submissions, int total, Action<SyntheticProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        progress?.Invoke(new SyntheticProgress(ResultsTable, 0, total));
        using var sheets = SyntheticRows.Sheets.Prepare(connection);
        using var results = SyntheticRows.Results.Prepare(connection);
        SqliteTransaction? tx = null;
        try
        {
            foreach (var submission in submissions)
            {
                if (tx is null)
                {
                    ct.ThrowIfCancellationRequested();
                    tx = connection.BeginTransaction();
                    sheets.Transaction = tx;
                    results.Transaction = tx;
                    sheets.Prepare();
                    results.Prepare();
                }

                SyntheticRows.Sheets.Bind(sheets, submission.Sheet);
                sheets.ExecuteNonQuery();
                SyntheticRows.Results.Bind(results, submission.Result);
                results.ExecuteNonQuery();
                if (++done % BatchSize == 0)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = null;
                    progress?.Invoke(new SyntheticProgress(ResultsTable, done, total));
                }
            }

            if (tx is not null)
            {
                tx.Commit();
                progress?.Invoke(new SyntheticProgress(ResultsTable, done, total));
            }
        }
        finally
        {
            tx?.Dispose();
        }

        return new SyntheticTableReport(ResultsTable, done, clock.Elapsed);
    }

    /// <summary>The name progress and reports use for results (each with its answer sheet).</summary>
    public const string ResultsTable = "Results";

    /// <summary>The model whose results most generated submissions are: the SME digital level evaluation.</summary>
    public const string PrimaryModelId = "miit-sme-digital-level";

    /// <summary>A generator over the shipped scenario library and the newest version of each model (the primary model first).</summary>
    public static SyntheticDataGenerator Generator(int seed, ModelRegistry? models = null) =>
        new(seed, ScenarioLibrary.LoadEmbedded(), models is null ? [] :
            models.Models.Select(m => m.Id).Distinct().Select(id => models.Latest(id)!)
                .OrderBy(m => m.Id == PrimaryModelId ? 0 : 1).ThenBy(m => m.Id, StringComparer.Ordinal).ToList());
}
