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
