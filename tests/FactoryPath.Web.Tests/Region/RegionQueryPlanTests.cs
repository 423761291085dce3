using System.Data.Common;
using System.Text.RegularExpressions;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Demands;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Regional;
using FactoryPath.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FactoryPath.Web.Tests.Region;

/// <summary>
/// Every query of the regional dashboard (a province, a city, a county) goes through an index: the plans the database
/// makes for the exact SQL and parameters the statistics sent may not scan a whole big table. SQLite: EXPLAIN QUERY
/// PLAN, where a "SCAN alias" of a big table (even "USING COVERING INDEX", which reads the whole index) fails.
/// PostgreSQL: EXPLAIN with <c>enable_seqscan = off</c>, so that on a small data set a "Seq Scan" is left only where no
/// index can serve the query.
/// </summary>
public sealed class RegionQueryPlanTests
{
    private static readonly HashSet<string> BigTables = new(StringComparer.Ordinal)
    {
        "Enterprises", "Results", "AnswerSheets", "RegionNodeStats", "RegionLevelChanges", "RegionAssessedCounts", "Demands", "DemandRecipients", "Proposals",
    };

    private static readonly Viewer Operator = new("op", "op@example.cn", new HashSet<string> { PlatformRoles.PlatformAdmin }, null, null);

    [Fact]
    public Task Dashboard_queries_use_indexes_on_sqlite() => OnSqliteAsync(async (db, capture) =>
    {
        var problems = await CheckAsync(db, capture, async (connection, sql, parameters) =>
        {
            var lines = await ReadAsync(connection, "EXPLAIN QUERY PLAN " + sql, parameters, reader => reader.GetString(3));
            var aliases = Regex.Matches(sql, "(?:FROM|JOIN)\\s+\"(\\w+)\"\\s+AS\\s+\"(\\w+)\"").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
            return lines.Where(l => Regex.Match(l, "^SCAN (\\w+)") is { Success: true } m && BigTables.Contains(aliases.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value))).ToList();
        });
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    });

    [PostgresFact]
    public async Task Dashboard_queries_use_indexes_on_postgres()
    {
        var dir = Directory.CreateTempSubdirectory("fp-plans-").FullName;
        try
        {
            var capture = new Capture();
            var options = new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql(TestPostgres.ConnectionStringFor(dir)).AddInterceptors(capture).Options;
            await using var db = new PostgresPlatformDbContext(options);
            await db.Database.MigrateAsync();
            var problems = await CheckAsync(db, capture, async (connection, sql, parameters) =>
            {
                await using (var off = connection.CreateCommand())
                {
                    off.CommandText = "SET enable_seqscan = off";
                    await off.ExecuteNonQueryAsync();
                }
                var lines = await ReadAsync(connection, "EXPLAIN " + sql, parameters, reader => reader.GetString(0));
                return lines.Where(l => Regex.Match(l, "Seq Scan on \"?(\\w+)\"?") is { Success: true } m && BigTables.Contains(m.Groups[1].Value)).ToList();
            });
            Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        }
        finally
        {
            TestPostgres.DropFor(dir);
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The enterprise list pages in name order along an index: the operator's and a province admin's pages never sort all
    /// the enterprises they may see (no temporary B-tree: at 200,000 enterprises that sort cost 50–100 ms a page), and a
    /// regional admin's queries read only its region's part of an index (no SCAN).
    /// </summary>
    [Fact]
    public Task Enterprise_list_queries_page_along_an_index_on_sqlite() => OnSqliteAsync(async (db, capture) =>
    {
        await SeedAsync(db);
        var models = ModelRegistry.LoadDirectory(PlatformFactory.ModelsDirectory).Registry;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var problems = new List<string>();
        foreach (var (viewer, mayNotSort, mayNotScan) in new[]
        {
            (Operator, true, false), (Admin("330000"), true, true), (Admin("330200"), false, true), (Admin("330212"), false, true),
        })
        {
            capture.Commands.Clear();
            capture.On = true;
            var list = await new EnterpriseService(db, TimeProvider.System, models).ListAsync(viewer, new EnterpriseFilter(), new FactoryPath.Web.Api.Paging(2, 5));
            capture.On = false;
            Assert.True(list.Total > 0, $"{viewer.RegionCode ?? "operator"} sees enterprises");
            Assert.Equal(2, capture.Commands.Count);
            foreach (var (sql, parameters) in capture.Commands)
            {
                var plan = await ReadAsync(connection, "EXPLAIN QUERY PLAN " + sql, parameters, reader => reader.GetString(3));
                var bad = plan.Where(l => (mayNotSort && l.Contains("TEMP B-TREE", StringComparison.Ordinal)) || (mayNotScan && l.StartsWith("SCAN ", StringComparison.Ordinal))).ToList();
                if (bad.Count > 0) problems.Add($"{viewer.RegionCode ?? "operator"}: {string.Join("; ", bad)}\n  in: {sql}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    });

    /// <summary>A regional admin's list is exactly the enterprises of its region, by province code or by code range.</summary>
    [Theory]
    [InlineData("330000", new[] { "330102", "330212", "330203" })]
    [InlineData("330200", new[] { "330212", "330203" })]
    [InlineData("330212", new[] { "330212" })]
    [InlineData("440000", new[] { "440300" })]
    public Task A_regional_admin_lists_exactly_its_regions_enterprises(string scope, string[] regions) => OnSqliteAsync(async (db, _) =>
    {
        await SeedAsync(db);
        var models = ModelRegistry.LoadDirectory(PlatformFactory.ModelsDirectory).Registry;
        var list = await new EnterpriseService(db, TimeProvider.System, models).ListAsync(Admin(scope), new EnterpriseFilter(), new FactoryPath.Web.Api.Paging(1, 100));
        var expected = await db.Enterprises.CountAsync(e => regions.Contains(e.RegionCode));
        Assert.Equal(expected, list.Total);
        Assert.Equal(expected, list.Items.Count);
        Assert.All(list.Items, e => Assert.Contains(e.RegionCode, regions));
        Assert.Equal(list.Items.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id).Select(e => e.Id), list.Items.Select(e => e.Id));
    });

    /// <summary>Runs <paramref name="test"/> on a migrated SQLite file of its own, every command recorded by the capture while it is on.</summary>
    private static async Task OnSqliteAsync(Func<PlatformDbContext, Capture, Task> test)
    {
        var dir = Directory.CreateTempSubdirectory("fp-plans-").FullName;
        try
        {
            var capture = new Capture();
            var options = new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={Path.Combine(dir, "plans.db")};Pooling=False").AddInterceptors(capture).Options;
            await using var db = new PlatformDbContext(options);
            await db.Database.MigrateAsync();
            await test(db, capture);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static Viewer Admin(string region) => new("admin", "admin@example.cn", new HashSet<string> { PlatformRoles.RegionalAdmin }, null, region);

    private delegate Task<List<string>> Explain(DbConnection connection, string sql, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> parameters);

    /// <summary>Seeds a small data set, runs the dashboard of a province, a city and a county, explains every query it sent.</summary>
    private static async Task<List<string>> CheckAsync(PlatformDbContext db, Capture capture, Explain explain)
    {
        await SeedAsync(db);
        var models = ModelRegistry.LoadDirectory(PlatformFactory.ModelsDirectory).Registry;
        await RegionStatsRebuild.RunAsync(db, models);
        db.ChangeTracker.Clear();
        capture.Commands.Clear();
        capture.On = true;
        foreach (var code in new[] { "330000", "330200", "330212" })
        {
            var outcome = await new RegionStatistics(db, models, TimeProvider.System, FactoryPath.Web.Catalog.CatalogSetup.LoadScenarios(models), new ScenarioSupplyCache(),
                FactoryPath.Core.Catalog.Tiers.DemonstrationTierLoader.LoadEmbedded(models, allowMissingModels: true).OrThrow()).SummaryAsync(Operator, code);
            Assert.True(outcome.IsOk, outcome.Message);
        }
        capture.On = false;
        Assert.True(capture.Commands.Count >= 15, $"only {capture.Commands.Count} queries were seen");

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var problems = new List<string>();
        foreach (var (sql, parameters) in capture.Commands.DistinctBy(c => c.Sql + string.Join(",", c.Parameters.Select(p => p.Value))))
        {
            // an existence check of a whole table (is the rollup built?) stops at its first row
            if (Regex.IsMatch(sql, "^SELECT EXISTS \\(\\s*SELECT 1\\s+FROM \"\\w+\" AS \"\\w+\"\\)$")) continue;
            var scans = await explain(connection, sql, parameters);
            if (scans.Count > 0) problems.Add($"{string.Join("; ", scans)}\n  in: {sql}");
        }
        return problems;
    }

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> parameters, Func<DbDataReader, string> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value, type) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            p.DbType = type;
            command.Parameters.Add(p);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(read(reader));
        return lines;
    }

    private static async Task SeedAsync(PlatformDbContext db)
    {
        var provider = new FactoryPath.Web.Catalog.Provider { Name = "服务商", CreditCode = Codes.NewCreditCode(), RegionCode = "330100" };
        db.Providers.Add(provider);
        var regions = new[] { "330102", "330212", "330203", "440300", "350102" };
        var industries = new[] { "34", "39", "2611" };
        for (var i = 0; i < 60; i++)
        {
            var region = regions[i % regions.Length];
            var e = new Enterprise { Name = $"计划{i}", CreditCode = Codes.NewCreditCode(), IndustryCode = industries[i % industries.Length], RegionCode = region, ProvinceCode = region[..2] + "0000" };
            db.Enterprises.Add(e);
            var name = new LocalizedText("名称", "Name");
            for (var k = 0; k < 2; k++)
            {
                var sheet = new AnswerSheet { EnterpriseId = e.Id, ModelId = "miit-sme-digital-level", ModelVersion = "x", Status = AnswerSheetStatus.Submitted, AnswersJson = "{}" };
                db.AnswerSheets.Add(sheet);
                var result = new AssessmentResult("miit-sme-digital-level", "x", name, 0, 10,
                    [new NodeScore("q1", null, 1, "single", name, k, 1, false)], [new SceneResult("product-design", "g", name, true, i % 5, 4)], [], new LevelReached(1 + (i + k) % 3, name), null);
                db.Results.Add(new StoredResult
                {
                    AnswerSheetId = sheet.Id, EnterpriseId = e.Id, ModelId = "miit-sme-digital-level", ModelVersion = "x", Level = 1 + (i + k) % 3, IsLatest = k == 1,
                    SubmittedAt = DateTime.UtcNow.AddMonths(k - 3), IndustryCode = e.IndustryCode, ProvinceCode = e.ProvinceCode, RegionCode = e.RegionCode,
                    ResultJson = AssessmentJson.Serialize(result),
                });
            }
            if (i % 2 == 0)
            {
                var d = new Demand { EnterpriseId = e.Id, Title = "需求", Description = "说明", RegionCode = region };
                db.Demands.Add(d);
                db.DemandRecipients.Add(new DemandRecipient { DemandId = d.Id, ProviderId = provider.Id });
                db.Proposals.Add(new Proposal { DemandId = d.Id, ProviderId = provider.Id, Status = i % 4 == 0 ? ProposalStatus.Accepted : ProposalStatus.Submitted });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The SQL and parameters of every reader and scalar command while <see cref="On"/>.</summary>
    private sealed class Capture : DbCommandInterceptor
    {
        public bool On { get; set; }
        public List<(string Sql, List<(string Name, object? Value, System.Data.DbType Type)> Parameters)> Commands { get; } = [];

        private void Record(DbCommand command)
        {
            if (!On) return;
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.DbType)).ToList()));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
