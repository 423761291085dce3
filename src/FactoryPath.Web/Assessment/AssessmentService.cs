using FactoryPath.Core.Assessment;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment.Evidence;
using FactoryPath.Web.Api;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Enterprises.Audit;
using FactoryPath.Web.Enterprises.Consent;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Assessment;

/// <summary>Answer sheets (create, save draft, submit) and results, always scoped to what the viewer may see.</summary>
/// <remarks>
/// A regional administrator reads answers (answer sheets, and results with their question-by-question scores) only
/// while the enterprise consents (<see cref="ConsentService"/>); every read by an administrator is logged
/// (<see cref="AdminReadLog"/>).
/// </remarks>
public sealed class AssessmentService(
    PlatformDbContext db, ModelRegistry models, PeerStandings peers, TimeProvider clock, EvidenceService evidence, ConsentService consent, AdminReadLog reads)
{
    public async Task<Outcome<AnswerSheet>> StartAsync(Viewer viewer, Guid enterpriseId, string? modelId, string? version, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return Outcome<AnswerSheet>.NotFound();
        if (!AnswersFor(viewer, enterprise)) return Outcome<AnswerSheet>.Forbidden(UiText.Pick("只有企业本身可以填写评测。", "Only the enterprise itself can fill in an assessment."));
        if (string.IsNullOrWhiteSpace(modelId)) return Outcome<AnswerSheet>.Invalid("modelId", UiText.Pick("请选择评测模型。", "Please choose an assessment model."));

        var model = string.IsNullOrWhiteSpace(version) ? models.Latest(modelId) : models.Find(modelId, version);
        if (model is null)
        {
            return Outcome<AnswerSheet>.Invalid(string.IsNullOrWhiteSpace(version) ? "modelId" : "version",
                UiText.Pick($"没有评测模型 {modelId} {version}。", $"There is no assessment model {modelId} {version}.".TrimEnd()));
        }

        // one open draft per enterprise and model version: starting again continues it
        var draft = await db.AnswerSheets.FirstOrDefaultAsync(s => s.EnterpriseId == enterpriseId && s.ModelId == model.Id &&
            s.ModelVersion == model.Version && s.Status == AnswerSheetStatus.Draft, ct);
        if (draft is not null) return Outcome<AnswerSheet>.Ok(draft);

        var now = clock.GetUtcNow().UtcDateTime;
        // a new sheet starts with what the enterprise's machine data already says (equipment rates, automatic data capture)
        var live = await evidence.LiveAnswersAsync(enterpriseId, model, ct);
        var map = evidence.MapFor(model.Id);
        var answers = EvidenceStamp.Prefill(map, new AnswerSheetData(), new Dictionary<string, AnswerEvidence>(), live);
        var stamped = EvidenceStamp.Apply(model, map, answers, null, live);
        var sheet = new AnswerSheet
        {
            EnterpriseId = enterpriseId, ModelId = model.Id, ModelVersion = model.Version, Status = AnswerSheetStatus.Draft,
            AnswersJson = AssessmentJson.Serialize(answers), EvidenceJson = AnswerEvidence.Serialize(stamped.Evidence),
            CreatedAt = now, UpdatedAt = now, CreatedByUserId = viewer.UserId,
        };
        db.AnswerSheets.Add(sheet);
        await db.SaveChangesAsync(ct);
        return Outcome<AnswerSheet>.Ok(sheet);
    }

    public async Task<Outcome<AnswerSheet>> GetSheetAsync(Viewer viewer, Guid sheetId, CancellationToken ct = default)
    {
        var sheet = await db.AnswerSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null) return Outcome<AnswerSheet>.NotFound();
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == sheet.EnterpriseId, ct);
        if (!viewer.CanRead(enterprise)) return Outcome<AnswerSheet>.NotFound();
        if (await consent.RefusalAsync(viewer, enterprise.Id, ct) is { } refused) return Outcome<AnswerSheet>.Forbidden(refused);
        await reads.RecordAsync(viewer, enterprise.Id, AdminReadKinds.AnswerSheet, sheet.Id.ToString(), ct);
        return Outcome<AnswerSheet>.Ok(sheet);
    }

    /// <summary>The consent refusal for a result the viewer could otherwise read (for pages that say why); null in every other case.</summary>
    public async Task<string?> ResultRefusalAsync(Viewer viewer, Guid resultId, CancellationToken ct = default)
    {
        var enterpriseId = await db.Results.AsNoTracking().Where(r => r.Id == resultId).Select(r => (Guid?)r.EnterpriseId).FirstOrDefaultAsync(ct);
        if (enterpriseId is not { } id || await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } enterprise || !viewer.CanRead(enterprise)) return null;
        return await consent.RefusalAsync(viewer, id, ct);
    }

    /// <summary>Null when the viewer may read the enterprise's answers; otherwise why not (a regional administrator without the enterprise's consent).</summary>
    public Task<string?> AnswersRefusalAsync(Viewer viewer, Guid enterpriseId, CancellationToken ct = default) => consent.RefusalAsync(viewer, enterpriseId, ct);

    public async Task<PagedList<AnswerSheet>?> ListSheetsAsync(Viewer viewer, Guid enterpriseId, Paging paging, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return null;
        // without consent a regional administrator sees no answer sheets (the API says why with 403 before it asks)
        if (await consent.RefusalAsync(viewer, enterpriseId, ct) is not null) return new PagedList<AnswerSheet>([], paging.Page, paging.PageSize, 0);
        await reads.RecordAsync(viewer, enterpriseId, AdminReadKinds.AnswerSheets, null, ct);
        var query = db.AnswerSheets.AsNoTracking().Where(s => s.EnterpriseId == enterpriseId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(s => s.UpdatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<AnswerSheet>(items, paging.Page, paging.PageSize, total);
    }

    public AssessmentModel ModelOf(AnswerSheet sheet) =>
        models.Find(sheet.ModelId, sheet.ModelVersion)
        ?? throw new InvalidOperationException($"Answer sheet {sheet.Id} pins model {sheet.ModelId} {sheet.ModelVersion}, which is no longer installed; restore its file under models/.");

    public static AnswerSheetData AnswersOf(AnswerSheet sheet) => AssessmentJson.Deserialize<AnswerSheetData>(sheet.AnswersJson) ?? new AnswerSheetData();

    /// <summary>
    /// Replaces the draft's answers. Invalid values, and answers that differ from the live value without a reason in
    /// <paramref name="reasons"/> (question id → reason), are refused with field errors and the stored draft is kept.
    /// </summary>
    public async Task<Outcome<AnswerSheet>> SaveDraftAsync(Viewer viewer, Guid sheetId, AnswerSheetData answers, IReadOnlyDictionary<string, string?>? reasons = null, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, sheetId, ct);
        if (!found.IsOk) return found;
        var sheet = found.Value!;
        var model = ModelOf(sheet);
        var errors = AnswerValidator.Validate(model, answers, requireComplete: false).ToList();
        var stamped = EvidenceStamp.Apply(model, evidence.MapFor(model.Id), answers, reasons, await evidence.LiveAnswersAsync(sheet.EnterpriseId, model, ct));
        errors.AddRange(stamped.Errors);
        if (errors.Count > 0) return Outcome<AnswerSheet>.Invalid(ToFieldErrors(errors));
        sheet.AnswersJson = AssessmentJson.Serialize(answers);
        sheet.EvidenceJson = AnswerEvidence.Serialize(stamped.Evidence);
        sheet.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<AnswerSheet>.Ok(sheet);
    }

    /// <summary>
    /// Autosave from the questionnaire: stores every valid answer and keeps the previously stored answer of each question
    /// whose new value is invalid, returning those field errors to show beside the fields.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<FieldError>>> AutosaveAsync(
        Viewer viewer, Guid sheetId, AnswerSheetData answers, IReadOnlyDictionary<string, string?>? reasons = null, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, sheetId, ct);
        if (!found.IsOk) return new Outcome<IReadOnlyList<FieldError>>(found.Kind, null, found.Errors, found.Message);
        var sheet = found.Value!;
        var model = ModelOf(sheet);
        var map = evidence.MapFor(model.Id);
        var errors = AnswerValidator.Validate(model, answers, requireComplete: false).ToList();
        var stamped = EvidenceStamp.Apply(model, map, answers, reasons, await evidence.LiveAnswersAsync(sheet.EnterpriseId, model, ct));
        errors.AddRange(stamped.Errors);
        var stored = AnswersOf(sheet);
        var storedEvidence = AnswerEvidence.Of(sheet);
        var merged = answers;
        var mergedEvidence = new Dictionary<string, AnswerEvidence>(stamped.Evidence, StringComparer.Ordinal);
        foreach (var id in errors.Select(e => e.QuestionId).Distinct())
        {
            merged = stored.Get(id) is { } previous ? merged.With(id, previous) : merged.Without(id);
            if (storedEvidence.GetValueOrDefault(id) is { } before) mergedEvidence[id] = before; else mergedEvidence.Remove(id);
        }
        if (AnswerValidator.Validate(model, merged, requireComplete: false).Count == 0)
        {
            sheet.AnswersJson = AssessmentJson.Serialize(merged);
            sheet.EvidenceJson = AnswerEvidence.Serialize(mergedEvidence);
            sheet.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return Outcome<IReadOnlyList<FieldError>>.Ok(errors);
    }

    /// <summary>Scores a complete sheet, freezes the result and makes it the enterprise's latest for this model.</summary>
    public async Task<Outcome<StoredResult>> SubmitAsync(Viewer viewer, Guid sheetId, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, sheetId, ct);
        if (!found.IsOk) return new Outcome<StoredResult>(found.Kind, null, found.Errors, found.Message);
        var sheet = found.Value!;
        var model = ModelOf(sheet);
        // answers that follow the live data take its value of now; overrides keep their reason and are checked again
        var map = evidence.MapFor(model.Id);
        var live = await evidence.LiveAnswersAsync(sheet.EnterpriseId, model, ct);
        var storedEvidence = AnswerEvidence.Of(sheet);
        var answers = EvidenceStamp.Prefill(map, AnswersOf(sheet), storedEvidence, live, fillMissing: false);
        var stamped = EvidenceStamp.Apply(model, map, answers, storedEvidence.ToDictionary(e => e.Key, e => e.Value.Reason), live);
        var errors = AnswerValidator.Validate(model, answers, requireComplete: true).ToList();
        errors.AddRange(stamped.Errors);
        if (errors.Count > 0) return Outcome<StoredResult>.Invalid(ToFieldErrors(errors));
        sheet.AnswersJson = AssessmentJson.Serialize(answers);
        sheet.EvidenceJson = AnswerEvidence.Serialize(stamped.Evidence);

        var scored = Scorer.Score(model, answers);
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == sheet.EnterpriseId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Submissions of one enterprise, one at a time: the no-op update locks the enterprise's row until commit on
        // PostgreSQL (a second submission waits here, then reads the first one's result as the one it supersedes and
        // does not count the enterprise as newly assessed again); SQLite's write transaction already admits one writer.
        await db.Enterprises.Where(e => e.Id == sheet.EnterpriseId).ExecuteUpdateAsync(u => u.SetProperty(e => e.RegionCode, e => e.RegionCode), ct);
        // The sheet leaves draft once: the status read above may be stale when the same sheet is submitted twice at
        // once (a double click, a client retrying after a timeout), so the move is a conditional update in this
        // transaction, and the second submission finds nothing to move and is refused like any submitted sheet.
        var moved = await db.AnswerSheets.Where(s => s.Id == sheet.Id && s.Status == AnswerSheetStatus.Draft)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, AnswerSheetStatus.Submitted), ct);
        if (moved == 0)
        {
            await tx.RollbackAsync(ct);
            return Outcome<StoredResult>.Conflict(UiText.Pick("该评测已提交，不能再修改；如需更新请开始一次新的评测。", "This assessment was submitted and can no longer change; start a new one to update it."));
        }

        // the regional rollups take the superseded latest result away and add the new one in this transaction
        var superseded = await (from r in db.Results.AsNoTracking()
                                join s in db.AnswerSheets.AsNoTracking() on r.AnswerSheetId equals s.Id
                                where r.EnterpriseId == sheet.EnterpriseId && r.ModelId == sheet.ModelId && r.IsLatest
                                select new Regional.RollupResult(r.ModelId, r.ModelVersion, r.Level, r.SubmittedAt, r.ResultJson, s.AnswersJson)).ToListAsync(ct);
        await db.Results.Where(r => r.EnterpriseId == sheet.EnterpriseId && r.ModelId == sheet.ModelId && r.IsLatest)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.IsLatest, false), ct);
        var result = new StoredResult
        {
            AnswerSheetId = sheet.Id, EnterpriseId = sheet.EnterpriseId, ModelId = model.Id, ModelVersion = model.Version,
            Score = (double)scored.TotalScore, Level = scored.Level.Number, IndustryCode = enterprise.IndustryCode,
            ProvinceCode = enterprise.ProvinceCode, RegionCode = enterprise.RegionCode, IsLatest = true, SubmittedAt = now,
            ResultJson = AssessmentJson.Serialize(scored),
        };
        db.Results.Add(result);
        sheet.Status = AnswerSheetStatus.Submitted;
        sheet.SubmittedAt = now;
        sheet.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await Regional.RegionRollupWriter.ReplaceLatestAsync(db, models, enterprise.Id, enterprise.RegionCode, Regional.RegionContributions.DivisionOf(enterprise.IndustryCode),
            superseded, new Regional.RollupResult(result.ModelId, result.ModelVersion, result.Level, result.SubmittedAt, result.ResultJson, sheet.AnswersJson), ct);
        await tx.CommitAsync(ct);
        return Outcome<StoredResult>.Ok(result);
    }

    public async Task<Outcome<StoredResult>> GetResultAsync(Viewer viewer, Guid resultId, CancellationToken ct = default)
    {
        var result = await db.Results.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resultId, ct);
        if (result is null) return Outcome<StoredResult>.NotFound();
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == result.EnterpriseId, ct);
        if (!viewer.CanRead(enterprise)) return Outcome<StoredResult>.NotFound();
        // a result holds every question's score: answers, shown to a regional administrator only with consent
        if (await consent.RefusalAsync(viewer, enterprise.Id, ct) is { } refused) return Outcome<StoredResult>.Forbidden(refused);
        await reads.RecordAsync(viewer, enterprise.Id, AdminReadKinds.Result, result.Id.ToString(), ct);
        return Outcome<StoredResult>.Ok(result);
    }

    /// <summary>An enterprise's results, newest first; null when the viewer may not see the enterprise.</summary>
    public async Task<PagedList<StoredResult>?> HistoryAsync(Viewer viewer, Guid enterpriseId, string? modelId, Paging paging, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return null;
        await reads.RecordAsync(viewer, enterpriseId, AdminReadKinds.Results, null, ct);
        var query = db.Results.AsNoTracking().Where(r => r.EnterpriseId == enterpriseId);
        if (!string.IsNullOrWhiteSpace(modelId)) query = query.Where(r => r.ModelId == modelId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.SubmittedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<StoredResult>(items, paging.Page, paging.PageSize, total);
    }

    public Task<PeerStanding> PeersAsync(StoredResult result, CancellationToken ct = default) => peers.ForAsync(result, ct);

    /// <summary>Everything the result and report pages show; null when the result does not exist or is not the viewer's to see.</summary>
    public async Task<ResultView?> ViewAsync(Viewer viewer, Guid resultId, CancellationToken ct = default)
    {
        var outcome = await GetResultAsync(viewer, resultId, ct);
        if (!outcome.IsOk) return null;
        var stored = outcome.Value!;
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == stored.EnterpriseId, ct);
        var previous = await db.Results.AsNoTracking()
            .Where(r => r.EnterpriseId == stored.EnterpriseId && r.ModelId == stored.ModelId && r.SubmittedAt < stored.SubmittedAt)
            .OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(ct);
        return new ResultView(stored, Details(stored), await peers.ForAsync(stored, ct), enterprise, previous);
    }

    /// <summary>
    /// The name of a stored result's level, from the model version it was scored with (a version's file never changes),
    /// falling back to the frozen result when that version is no longer installed; avoids reading the whole result JSON.
    /// </summary>
    public LocalizedText LevelName(StoredResult result) =>
        models.Find(result.ModelId, result.ModelVersion)?.Levels.Named(result.Level).Name ?? Details(result).Level.Name;

    /// <summary>Where the answers of a result's sheet came from (question id → evidence); empty for sheets from before evidence was recorded.</summary>
    public async Task<IReadOnlyDictionary<string, AnswerEvidence>> EvidenceOfAsync(StoredResult result, CancellationToken ct = default)
    {
        var json = await db.AnswerSheets.AsNoTracking().Where(s => s.Id == result.AnswerSheetId).Select(s => s.EvidenceJson).FirstOrDefaultAsync(ct);
        return json is null ? new Dictionary<string, AnswerEvidence>() : AnswerEvidence.Of(new AnswerSheet { EvidenceJson = json });
    }

    public static AssessmentResult Details(StoredResult result) =>
        AssessmentJson.Deserialize<AssessmentResult>(result.ResultJson) ?? throw new InvalidOperationException($"Result {result.Id} has no stored details.");

    /// <summary>
    /// An assessment is the enterprise's own statement, and programmes and demonstration reviews rely on it: only the
    /// enterprise's users start, answer and submit it. The operator and regional admins, who review what it feeds,
    /// read it but do not write it (as they do not close an enterprise's demands or accept proposals for it).
    /// </summary>
    private static bool AnswersFor(Viewer viewer, Enterprise enterprise) => MayAnswer(viewer, enterprise.Id);

    /// <summary>Only the enterprise's own users answer its questionnaire; everyone else who may read a draft reads it only.</summary>
    public static bool MayAnswer(Viewer viewer, Guid enterpriseId) => viewer.EnterpriseId == enterpriseId;

    private async Task<Outcome<AnswerSheet>> EditableAsync(Viewer viewer, Guid sheetId, CancellationToken ct)
    {
        var sheet = await db.AnswerSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null) return Outcome<AnswerSheet>.NotFound();
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == sheet.EnterpriseId, ct);
        if (!viewer.CanRead(enterprise)) return Outcome<AnswerSheet>.NotFound();
        if (!AnswersFor(viewer, enterprise)) return Outcome<AnswerSheet>.Forbidden(UiText.Pick("只有企业本身可以修改评测。", "Only the enterprise itself can change its assessment."));
        if (sheet.Status != AnswerSheetStatus.Draft)
            return Outcome<AnswerSheet>.Conflict(UiText.Pick("该评测已提交，不能再修改；如需更新请开始一次新的评测。", "This assessment was submitted and can no longer change; start a new one to update it."));
        return Outcome<AnswerSheet>.Ok(sheet);
    }

    /// <summary>Field keys are "questionId" or "questionId.inputId"; messages in the current language.</summary>
    public static Dictionary<string, string[]> ToFieldErrors(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.InputId is null ? e.QuestionId : $"{e.QuestionId}.{e.InputId}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message.ForCurrentCulture()).ToArray());
}

/// <param name="Previous">The enterprise's result under the same model just before this one, for the trend; null for the first.</param>
public sealed record ResultView(StoredResult Stored, AssessmentResult Details, PeerStanding Peers, Enterprise Enterprise, StoredResult? Previous);
