using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Api;
using FactoryPath.Web.Platform;
using Microsoft.AspNetCore.Antiforgery;

namespace FactoryPath.Web.Catalog.Import;

/// <summary>
/// The form posts and download links behind the /pool/import page (signed-in cookie, antiforgery-checked): upload a
/// file and keep it under a token, import a kept file, and download templates and exports.
/// </summary>
public static class ImportForms
{
    public static IEndpointRouteBuilder MapImportForms(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/pool/import").RequireAuthorization().ExcludeFromDescription();

        forms.MapPost("/upload", async (HttpContext http, IAntiforgery antiforgery, ImportUploads uploads) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var kind = PoolKinds.Parse(form["kind"]) ?? PoolKind.Providers;
            var back = $"/pool/import?kind={kind.RouteName()}";
            if (!PoolImporter.MayImport(viewer, kind)) return Results.LocalRedirect(back + "&error=forbidden");
            var file = form.Files.GetFile("file");
            if (file is null || file.Length == 0) return Results.LocalRedirect(back + "&error=nofile");
            if (file.Length > ImportApi.MaxFileBytes) return Results.LocalRedirect(back + "&error=size");
            if (!TabularFile.IsSupported(file.FileName)) return Results.LocalRedirect(back + "&error=type");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted);
            var token = await uploads.SaveAsync(viewer.UserId, kind, file.FileName, buffer.ToArray(), http.RequestAborted);
            return Results.LocalRedirect($"{back}&token={token}");
        });

        forms.MapPost("/commit", async (HttpContext http, IAntiforgery antiforgery, ImportUploads uploads, PoolImporter importer) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var upload = await uploads.FindAsync(form["token"], viewer.UserId, http.RequestAborted);
            if (upload is null) return Results.LocalRedirect("/pool/import?error=expired");
            var mode = form["mode"] == "valid-only" ? ImportMode.ValidOnly : ImportMode.All;
            var outcome = await importer.ImportAsync(viewer, upload.Kind, upload.FileName, upload.Content, mode, http.RequestAborted);
            var back = $"/pool/import?kind={upload.Kind.RouteName()}";
            if (outcome.Kind == OutcomeKind.Conflict) return Results.LocalRedirect($"{back}&token={upload.Token}&error=conflict");
            if (!outcome.IsOk) return Results.LocalRedirect(back + "&error=forbidden");
            var r = outcome.Value!;
            if (r.Outcome != ImportOutcome.Imported) return Results.LocalRedirect($"{back}&token={upload.Token}&error=refused");
            uploads.Remove(upload.Token);
            return Results.LocalRedirect($"{back}&done=1&inserted={r.Inserted}&updated={r.Updated}&unchanged={r.Unchanged}&rejected={r.Rejected}");
        });

        var files = app.MapGroup("/pool/files/{kind}").RequireAuthorization().ExcludeFromDescription();
        files.MapGet("/export", (HttpContext http, PoolExporter exporter, string kind, string? format, string? encoding, string? headers) =>
            ImportApi.SendAsync(http, exporter, kind, format, encoding, headers, templateOnly: false));
        files.MapGet("/template", (HttpContext http, PoolExporter exporter, string kind, string? format, string? encoding, string? headers) =>
            ImportApi.SendAsync(http, exporter, kind, format, encoding, headers, templateOnly: true));
        return app;
    }
}
