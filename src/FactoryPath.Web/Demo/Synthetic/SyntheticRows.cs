using System.Globalization;
using System.Text;
using System.Text.Json;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Production;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace FactoryPath.Web.Demo.Synthetic;

/// <summary>
/// One prepared INSERT per table, with values written the way EF Core's SQLite provider stores them (Guid as upper-case
/// text, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF", decimal as text, enums by name, lists and KPIs as JSON), so the
/// platform reads generated rows like any other. The tests read them back through the DbContext.
/// </summary>
internal static class SyntheticRows
{
    public static readonly TableShape<Enterprise> Enterprises = new("Enterprises",
        ["Id", "Name", "CreditCode", "IndustryCode", "RegionCode", "ProvinceCode", "Employees", "AnnualRevenueCny", "SizeClass", "CreatedAt", "UpdatedAt"],
        e => [Id(e.Id), e.Name, e.CreditCode, e.IndustryCode, e.RegionCode, e.ProvinceCode, e.Employees, e.AnnualRevenueCny.ToString("0.0###########################", CultureInfo.InvariantCulture), e.SizeClass.ToString(), Date(e.CreatedAt), Date(e.UpdatedAt)]);

    public static readonly TableShape<Provider> Providers = new("Providers",
        ["Id", "Name", "CreditCode", "RegionCode", "RegionsServed", "Industries", "Scenarios", "Certifications", "TeamSize", "DescriptionZh", "DescriptionEn", "Website", "Rating", "RatedProjects", "CreatedAt", "UpdatedAt"],
        p => [Id(p.Id), p.Name, p.CreditCode, p.RegionCode, Json(p.RegionsServed), Json(p.Industries), Json(p.Scenarios), Json(p.Certifications), p.TeamSize, p.DescriptionZh, p.DescriptionEn, p.Website, p.Rating, p.RatedProjects, Date(p.CreatedAt), Date(p.UpdatedAt)]);

    public static readonly TableShape<Solution> Solutions = new("Solutions",
        ["Id", "ProviderId", "TitleZh", "TitleEn", "DescriptionZh", "DescriptionEn", "Scenarios", "Industries", "SizeClasses", "Deployment", "PriceMinCny", "PriceMaxCny", "ImplementationWeeks", "Standardised", "CreatedAt", "UpdatedAt"],
        s => [Id(s.Id), Id(s.ProviderId), s.TitleZh, s.TitleEn, s.DescriptionZh, s.DescriptionEn, Json(s.Scenarios), Json(s.Industries), JsonSerializer.Serialize(s.SizeClasses.Select(c => (int)c)), s.Deployment.ToString(), s.PriceMinCny, s.PriceMaxCny, s.ImplementationWeeks, s.Standardised ? 1 : 0, Date(s.CreatedAt), Date(s.UpdatedAt)]);

    public static readonly TableShape<DemonstrationCase> Cases = new("Cases",
        ["Id", "TitleZh", "TitleEn", "SummaryZh", "SummaryEn", "EnterpriseId", "EnterpriseName", "Anonymised", "IndustryCode", "RegionCode", "Scenarios", "Tier", "Year", "SolutionId", "ProviderId", "ProjectId", "CreatedAt", "UpdatedAt", "Kpis"],
        c => [Id(c.Id), c.TitleZh, c.TitleEn, c.SummaryZh, c.SummaryEn, c.EnterpriseId is { } e ? Id(e) : null, c.EnterpriseName, c.Anonymised ? 1 : 0, c.IndustryCode, c.RegionCode, Json(c.Scenarios), c.Tier?.ToString(), c.Year, c.SolutionId is { } s ? Id(s) : null, c.ProviderId is { } p ? Id(p) : null, c.ProjectId is { } j ? Id(j) : null, Date(c.CreatedAt), Date(c.UpdatedAt), Kpis(c.Kpis)]);

    public static readonly TableShape<AnswerSheet> Sheets = new("AnswerSheets",
        ["Id", "EnterpriseId", "ModelId", "ModelVersion", "Status", "AnswersJson", "EvidenceJson", "CreatedAt", "UpdatedAt", "SubmittedAt", "CreatedByUserId"],
        a => [Id(a.Id), Id(a.EnterpriseId), a.ModelId, a.ModelVersion, a.Status.ToString(), a.AnswersJson, a.EvidenceJson, Date(a.CreatedAt), Date(a.UpdatedAt), a.SubmittedAt is { } at ? Date(at) : null, a.CreatedByUserId]);

    public static readonly TableShape<StoredResult> Results = new("Results",
        ["Id", "AnswerSheetId", "EnterpriseId", "ModelId", "ModelVersion", "Score", "Level", "IndustryCode", "ProvinceCode", "RegionCode", "IsLatest", "SubmittedAt", "ResultJson"],
        r => [Id(r.Id), Id(r.AnswerSheetId), Id(r.EnterpriseId), r.ModelId, r.ModelVersion, r.Score, r.Level, r.IndustryCode, r.ProvinceCode, r.RegionCode, r.IsLatest ? 1 : 0, Date(r.SubmittedAt), r.ResultJson]);

    public static readonly TableShape<PlatformUser> Users = new("AspNetUsers",
        ["Id", "DisplayName", "EnterpriseId", "ProviderId", "RegionCode", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
            "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount"],
        u => [u.Id, u.DisplayName, u.EnterpriseId is { } e ? Id(e) : null, u.ProviderId is { } p ? Id(p) : null, u.RegionCode, Date(u.CreatedAt), u.UserName, u.NormalizedUserName,
            u.Email, u.NormalizedEmail, u.EmailConfirmed ? 1 : 0, u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp, u.PhoneNumber, u.PhoneNumberConfirmed ? 1 : 0,
            u.TwoFactorEnabled ? 1 : 0, null, u.LockoutEnabled ? 1 : 0, u.AccessFailedCount]);

    public static readonly TableShape<IdentityUserRole<string>> UserRoles = new("AspNetUserRoles", ["UserId", "RoleId"], r => [r.UserId, r.RoleId]);

    public static readonly TableShape<Demand> Demands = new("Demands",
        ["Id", "EnterpriseId", "Title", "Description", "Scenarios", "BudgetMinCny", "BudgetMaxCny", "Deadline", "RegionCode", "IndustryCode", "SizeClass", "PreferredDeployment", "Status", "CreatedAt", "UpdatedAt"],
        d => [Id(d.Id), Id(d.EnterpriseId), d.Title, d.Description, Json(d.Scenarios), d.BudgetMinCny, d.BudgetMaxCny, Date(d.Deadline), d.RegionCode, d.IndustryCode, d.SizeClass.ToString(),
            d.PreferredDeployment?.ToString(), d.Status.ToString(), Date(d.CreatedAt), Date(d.UpdatedAt)]);

    public static readonly TableShape<DemandRecipient> Recipients = new("DemandRecipients",
        ["Id", "DemandId", "ProviderId", "Score", "ReasonZh", "ReasonEn", "MatchedAt", "ReadAt"],
        r => [Id(r.Id), Id(r.DemandId), Id(r.ProviderId), r.Score, r.ReasonZh, r.ReasonEn, Date(r.MatchedAt), r.ReadAt is { } at ? Date(at) : null]);

    public static readonly TableShape<Proposal> Proposals = new("Proposals",
        ["Id", "DemandId", "ProviderId", "SolutionId", "PriceCny", "DurationWeeks", "Approach", "Status", "CreatedAt", "UpdatedAt"],
        p => [Id(p.Id), Id(p.DemandId), Id(p.ProviderId), p.SolutionId is { } s ? Id(s) : null, p.PriceCny, p.DurationWeeks, p.Approach, p.Status.ToString(), Date(p.CreatedAt), Date(p.UpdatedAt)]);

    public static readonly TableShape<TransformationProject> Projects = new("Projects",
        ["Id", "DemandId", "ProposalId", "EnterpriseId", "ProviderId", "SolutionId", "Title", "Scenarios", "PriceCny", "Status", "CreatedAt", "UpdatedAt", "CompletedAt", "Outcomes",
            "Rating", "RatingComment", "CaseConsent", "CaseId"],
        p => [Id(p.Id), Id(p.DemandId), Id(p.ProposalId), Id(p.EnterpriseId), Id(p.ProviderId), p.SolutionId is { } s ? Id(s) : null, p.Title, Json(p.Scenarios), p.PriceCny,
            p.Status.ToString(), Date(p.CreatedAt), Date(p.UpdatedAt), p.CompletedAt is { } c ? Date(c) : null, Kpis(p.Outcomes), p.Rating, p.RatingComment, p.CaseConsent ? 1 : 0,
            p.CaseId is { } k ? Id(k) : null]);

    public static readonly TableShape<Gateway> Gateways = new("Gateways",
        ["Id", "EnterpriseId", "Name", "SecretHash", "IssuedAt", "RevokedAt", "LastSeenAt", "LastHealthAt", "StartedAt", "Version", "MessagesStored", "Duplicates", "Malformed", "Rejected",
            "LastError", "LastErrorAt"],
        g => [g.Id, Id(g.EnterpriseId), g.Name, g.SecretHash, Date(g.IssuedAt), g.RevokedAt is { } r ? Date(r) : null, g.LastSeenAt is { } s ? Date(s) : null,
            g.LastHealthAt is { } h ? Date(h) : null, g.StartedAt is { } t ? Date(t) : null, g.Version, g.MessagesStored, g.Duplicates, g.Malformed, g.Rejected, g.LastError,
            g.LastErrorAt is { } e ? Date(e) : null]);

    public static readonly TableShape<GatewaySnapshot> Snapshots = new("GatewaySnapshots",
        ["GatewayId", "Kind", "Sequence", "ReceivedAt", "Json"], s => [s.GatewayId, s.Kind, s.Sequence, Date(s.ReceivedAt), s.Json]);

    public static readonly TableShape<ProductionHour> Hours = new("ProductionHours",
        ["GatewayId", "EnterpriseId", "AssetPath", "HourStart", "Shift", "FirstMinute", "Minutes", "PlannedBusyMs", "RunningMs", "DownMs", "SetupMs", "IdleMs", "UnknownMs", "Good", "Scrap",
            "EnergyKwh", "IdealProductionSeconds"],
        h => [h.GatewayId, Id(h.EnterpriseId), h.AssetPath, Date(h.HourStart), h.Shift, Date(h.FirstMinute), h.Minutes, h.PlannedBusyMs, h.RunningMs, h.DownMs, h.SetupMs, h.IdleMs,
            h.UnknownMs, h.Good, h.Scrap, h.EnergyKwh, h.IdealProductionSeconds]);

    public static readonly TableShape<ProductionDownHour> DownHours = new("ProductionDownHours",
        ["GatewayId", "EnterpriseId", "AssetPath", "HourStart", "Reason", "DownMs"],
        d => [d.GatewayId, Id(d.EnterpriseId), d.AssetPath, Date(d.HourStart), d.Reason, d.DownMs]);

    private static string Id(Guid id) => id.ToString("D").ToUpperInvariant();

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string Json(List<string> items) => JsonSerializer.Serialize(items);

    /// <summary>The owned KPI list as EF Core writes it: properties in name order.</summary>
    private static string Kpis(List<KpiChange> kpis)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var k in kpis)
            {
                json.WriteStartObject();
                Number(json, "After", k.After);
                Number(json, "Before", k.Before);
                json.WriteNumber("ChangePercent", k.ChangePercent);
                json.WriteString("Indicator", k.Indicator);
                if (k.Unit is null) json.WriteNull("Unit"); else json.WriteString("Unit", k.Unit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v); else json.WriteNull(name);
    }
}

/// <summary>A table's columns and how one entity becomes their values.</summary>
internal sealed class TableShape<T>(string table, string[] columns, Func<T, object?[]> values)
{
    public string Table { get; } = table;

    public SqliteCommand Prepare(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{Table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return command;
    }

    public void Bind(SqliteCommand command, T row)
    {
        var v = values(row);
        for (var i = 0; i < v.Length; i++) command.Parameters[i].Value = v[i] ?? DBNull.Value;
    }
}
