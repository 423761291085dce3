using System.Diagnostics;
using FactoryPath.Web.Assessment;
using Npgsql;
using NpgsqlTypes;

namespace FactoryPath.Web.Demo.Synthetic;

/// <summary>
/// Generated submissions into PostgreSQL with binary COPY (EF Core's batched inserts manage a few thousand rows a
/// second; COPY is the server's bulk path). Per batch the sheets go first, then their results (which refer to them),
/// in one transaction. Date-times are written as UTC timestamptz, as <see cref="Persistence.PostgresPlatformDbContext"/> maps them.
/// </summary>
internal static class PostgresCopy
{
    public static async Task<SyntheticTableReport> SubmissionsAsync(NpgsqlConnection connection, IEnumerable<SyntheticSubmission> submissions, int total,
        int batchSize, Action<SyntheticProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        progress?.Invoke(new SyntheticProgress(SyntheticDataWriter.ResultsTable, 0, total));
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            foreach (var batch in submissions.Chunk(batchSize))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using (var sheets = await connection.BeginBinaryImportAsync(
                    "COPY \"AnswerSheets\" (\"Id\", \"EnterpriseId\", \"ModelId\", \"ModelVersion\", \"Status\", \"AnswersJson\", \"EvidenceJson\", \"CreatedAt\", \"UpdatedAt\", \"SubmittedAt\", \"CreatedByUserId\") FROM STDIN (FORMAT BINARY)", ct))
                {
                    foreach (var s in batch.Select(b => b.Sheet)) await WriteSheetAsync(sheets, s, ct);
                    await sheets.CompleteAsync(ct);
                }

                await using (var results = await connection.BeginBinaryImportAsync(
                    "COPY \"Results\" (\"Id\", \"AnswerSheetId\", \"EnterpriseId\", \"ModelId\", \"ModelVersion\", \"Score\", \"Level\", \"IndustryCode\", \"ProvinceCode\", \"RegionCode\", \"IsLatest\", \"SubmittedAt\", \"ResultJson\") FROM STDIN (FORMAT BINARY)", ct))
                {
                    foreach (var r in batch.Select(b => b.Result)) await WriteResultAsync(results, r, ct);
                    await results.CompleteAsync(ct);
                }

                await tx.CommitAsync(ct);
                done += batch.Length;
                progress?.Invoke(new SyntheticProgress(SyntheticDataWriter.ResultsTable, done, total));
            }
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }

        return new SyntheticTableReport(SyntheticDataWriter.ResultsTable, done, clock.Elapsed);
    }

    private static async Task WriteSheetAsync(NpgsqlBinaryImporter copy, AnswerSheet s, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(s.EnterpriseId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(s.ModelId, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(s.ModelVersion, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(s.Status.ToString(), NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(s.AnswersJson, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(s.EvidenceJson, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(Utc(s.CreatedAt), NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(Utc(s.UpdatedAt), NpgsqlDbType.TimestampTz, ct);
        if (s.SubmittedAt is { } at) await copy.WriteAsync(Utc(at), NpgsqlDbType.TimestampTz, ct); else await copy.WriteNullAsync(ct);
        if (s.CreatedByUserId is { } user) await copy.WriteAsync(user, NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
    }

    private static async Task WriteResultAsync(NpgsqlBinaryImporter copy, StoredResult r, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(r.AnswerSheetId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(r.EnterpriseId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(r.ModelId, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(r.ModelVersion, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(r.Score, NpgsqlDbType.Double, ct);
        await copy.WriteAsync(r.Level, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(r.IndustryCode, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(r.ProvinceCode, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(r.RegionCode, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(r.IsLatest, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(Utc(r.SubmittedAt), NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(r.ResultJson, NpgsqlDbType.Text, ct);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>A table's columns for binary COPY: name, server type and how one entity gives the value (null writes NULL).</summary>
internal sealed class CopyShape<T>(string table, (string Column, NpgsqlDbType Type, Func<T, object?> Value)[] columns)
{
    public string Table { get; } = table;

    public async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<T> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"{Table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var (_, type, value) in columns)
            {
                if (value(row) is { } v) await copy.WriteAsync(v, type, ct); else await copy.WriteNullAsync(ct);
            }
        }

        await copy.CompleteAsync(ct);
    }
}

/// <summary>
/// The generated tables written with COPY on PostgreSQL (scalar columns only; tables with arrays or JSON columns go
/// through EF Core). Date-times are UTC timestamptz as <see cref="Persistence.PostgresPlatformDbContext"/> maps them.
/// </summary>
internal static class CopyShapes
{
    private static readonly Dictionary<string, object> ByTable = new(StringComparer.Ordinal);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static CopyShape<T> Add<T>(CopyShape<T> shape)
    {
        ByTable[shape.Table] = shape;
        return shape;
    }

    public static CopyShape<T>? For<T>(string table) => ByTable.TryGetValue(table, out var shape) ? shape as CopyShape<T> : null;

    public static readonly CopyShape<Enterprises.Enterprise> Enterprises = Add(new CopyShape<Enterprises.Enterprise>("Enterprises",
    [
        ("Id", NpgsqlDbType.Uuid, e => e.Id), ("Name", NpgsqlDbType.Varchar, e => e.Name), ("CreditCode", NpgsqlDbType.Varchar, e => e.CreditCode),
        ("IndustryCode", NpgsqlDbType.Varchar, e => e.IndustryCode), ("RegionCode", NpgsqlDbType.Varchar, e => e.RegionCode),
        ("ProvinceCode", NpgsqlDbType.Varchar, e => e.ProvinceCode), ("Employees", NpgsqlDbType.Integer, e => e.Employees),
        ("AnnualRevenueCny", NpgsqlDbType.Numeric, e => e.AnnualRevenueCny), ("SizeClass", NpgsqlDbType.Varchar, e => e.SizeClass.ToString()),
        ("CreatedAt", NpgsqlDbType.TimestampTz, e => Utc(e.CreatedAt)), ("UpdatedAt", NpgsqlDbType.TimestampTz, e => Utc(e.UpdatedAt)),
    ]));

    public static readonly CopyShape<Accounts.PlatformUser> Users = Add(new CopyShape<Accounts.PlatformUser>("AspNetUsers",
    [
        ("Id", NpgsqlDbType.Text, u => u.Id), ("DisplayName", NpgsqlDbType.Varchar, u => u.DisplayName), ("EnterpriseId", NpgsqlDbType.Uuid, u => u.EnterpriseId),
        ("ProviderId", NpgsqlDbType.Uuid, u => u.ProviderId), ("RegionCode", NpgsqlDbType.Varchar, u => u.RegionCode),
        ("CreatedAt", NpgsqlDbType.TimestampTz, u => Utc(u.CreatedAt)), ("UserName", NpgsqlDbType.Varchar, u => u.UserName),
        ("NormalizedUserName", NpgsqlDbType.Varchar, u => u.NormalizedUserName), ("Email", NpgsqlDbType.Varchar, u => u.Email),
        ("NormalizedEmail", NpgsqlDbType.Varchar, u => u.NormalizedEmail), ("EmailConfirmed", NpgsqlDbType.Boolean, u => u.EmailConfirmed),
        ("PasswordHash", NpgsqlDbType.Text, u => u.PasswordHash), ("SecurityStamp", NpgsqlDbType.Text, u => u.SecurityStamp),
        ("ConcurrencyStamp", NpgsqlDbType.Text, u => u.ConcurrencyStamp), ("PhoneNumberConfirmed", NpgsqlDbType.Boolean, u => u.PhoneNumberConfirmed),
        ("TwoFactorEnabled", NpgsqlDbType.Boolean, u => u.TwoFactorEnabled), ("LockoutEnabled", NpgsqlDbType.Boolean, u => u.LockoutEnabled),
        ("AccessFailedCount", NpgsqlDbType.Integer, u => u.AccessFailedCount),
    ]));

    public static readonly CopyShape<Microsoft.AspNetCore.Identity.IdentityUserRole<string>> UserRoles = Add(new CopyShape<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>("AspNetUserRoles",
        [("UserId", NpgsqlDbType.Text, r => r.UserId), ("RoleId", NpgsqlDbType.Text, r => r.RoleId)]));

    public static readonly CopyShape<Production.ProductionHour> Hours = Add(new CopyShape<Production.ProductionHour>("ProductionHours",
    [
        ("GatewayId", NpgsqlDbType.Varchar, h => h.GatewayId), ("EnterpriseId", NpgsqlDbType.Uuid, h => h.EnterpriseId), ("AssetPath", NpgsqlDbType.Varchar, h => h.AssetPath),
        ("HourStart", NpgsqlDbType.TimestampTz, h => Utc(h.HourStart)), ("Shift", NpgsqlDbType.Varchar, h => h.Shift),
        ("FirstMinute", NpgsqlDbType.TimestampTz, h => Utc(h.FirstMinute)), ("Minutes", NpgsqlDbType.Integer, h => h.Minutes),
        ("PlannedBusyMs", NpgsqlDbType.Bigint, h => h.PlannedBusyMs), ("RunningMs", NpgsqlDbType.Bigint, h => h.RunningMs), ("DownMs", NpgsqlDbType.Bigint, h => h.DownMs),
        ("SetupMs", NpgsqlDbType.Bigint, h => h.SetupMs), ("IdleMs", NpgsqlDbType.Bigint, h => h.IdleMs), ("UnknownMs", NpgsqlDbType.Bigint, h => h.UnknownMs),
        ("Good", NpgsqlDbType.Bigint, h => h.Good), ("Scrap", NpgsqlDbType.Bigint, h => h.Scrap), ("EnergyKwh", NpgsqlDbType.Double, h => h.EnergyKwh),
        ("IdealProductionSeconds", NpgsqlDbType.Double, h => h.IdealProductionSeconds),
    ]));

    public static readonly CopyShape<Production.ProductionDownHour> DownHours = Add(new CopyShape<Production.ProductionDownHour>("ProductionDownHours",
    [
        ("GatewayId", NpgsqlDbType.Varchar, d => d.GatewayId), ("EnterpriseId", NpgsqlDbType.Uuid, d => d.EnterpriseId), ("AssetPath", NpgsqlDbType.Varchar, d => d.AssetPath),
        ("HourStart", NpgsqlDbType.TimestampTz, d => Utc(d.HourStart)), ("Reason", NpgsqlDbType.Integer, d => d.Reason), ("DownMs", NpgsqlDbType.Bigint, d => d.DownMs),
    ]));
}
