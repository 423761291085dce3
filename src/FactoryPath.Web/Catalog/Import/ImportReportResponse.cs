using FactoryPath.Core.Catalog.Import;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Catalog.Import;

public sealed record ImportErrorResponse(int Row, string Column, string Value, string Code, string Reason, string ReasonZh, string ReasonEn);

/// <summary>The import report as the API returns it: counts, and the row errors (at most <see cref="MaxErrors"/>; <see cref="ErrorCount"/> has them all).</summary>
public sealed record ImportReportResponse(
    string Kind,
    string Mode,
    ImportOutcome Outcome,
    bool Written,
    string Message,
    string Format,
    string? Encoding,
    int Rows,
    int ValidRows,
    int Inserted,
    int Updated,
    int Unchanged,
    int Rejected,
    IReadOnlyList<string> FileErrors,
    int ErrorCount,
    IReadOnlyList<ImportErrorResponse> Errors)
{
    public const int MaxErrors = 1000;

    public static ImportReportResponse From(ImportReport r) => new(
        r.Kind.RouteName(), r.Mode.RouteName(), r.Outcome, r.Written, Describe(r), r.Format, r.Encoding, r.Rows, r.ValidRows,
        r.Inserted, r.Updated, r.Unchanged, r.Rejected, r.FileErrors.Select(e => UiText.Pick(e.Zh, e.En)).ToList(), r.Errors.Count,
        r.Errors.Take(MaxErrors).Select(e => new ImportErrorResponse(e.Row, e.Column, e.Value, e.Code, UiText.Pick(e.Zh, e.En), e.Zh, e.En)).ToList());

    /// <summary>One sentence that says what happened.</summary>
    public static string Describe(ImportReport r) => r.Outcome switch
    {
        ImportOutcome.InvalidFile => UiText.Pick("文件无法导入，没有写入任何数据。", "The file cannot be imported; nothing was written."),
        ImportOutcome.Validated when r.Rejected == 0 => UiText.Pick(
            $"全部 {r.Rows} 行均有效（未写入）：将新增 {r.Inserted}、更新 {r.Updated}、不变 {r.Unchanged}。",
            $"All {r.Rows} rows are valid (nothing written yet): {r.Inserted} to insert, {r.Updated} to update, {r.Unchanged} unchanged."),
        ImportOutcome.Validated => UiText.Pick(
            $"{r.Rows} 行中有 {r.Rejected} 行有错误（未写入）；可以只导入 {r.ValidRows} 行有效数据。",
            $"{r.Rejected} of {r.Rows} rows have errors (nothing written); you may import only the {r.ValidRows} valid rows."),
        ImportOutcome.Refused => UiText.Pick(
            $"有 {r.Rejected} 行有错误，按“全部导入”的要求没有写入任何数据。",
            $"{r.Rejected} rows have errors, so as asked for mode \"all\" nothing was written."),
        _ => UiText.Pick(
            $"已导入：新增 {r.Inserted}、更新 {r.Updated}、不变 {r.Unchanged}、拒绝 {r.Rejected}。",
            $"Imported: {r.Inserted} inserted, {r.Updated} updated, {r.Unchanged} unchanged, {r.Rejected} rejected."),
    };
}
