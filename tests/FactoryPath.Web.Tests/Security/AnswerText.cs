using FactoryPath.Core.Tabular;
using FactoryPath.Core.Tests.Tabular;

namespace FactoryPath.Web.Tests.Security;

/// <summary>
/// An answer's body as text, for the authorization matrix's leak check: text types decoded (UTF-8 or GB18030, as the
/// platform writes CSV), an .xlsx workbook (a zip, where names are compressed) read part by part — its worksheets,
/// shared strings and sheet names (<see cref="XlsxPackage.Text"/>). Any other binary answer cannot be searched, and is
/// reported as such rather than passed unread.
/// </summary>
public static class AnswerText
{
    /// <summary>The text of a body; null when it is binary of a kind the check cannot read.</summary>
    public static string? Read(string? mediaType, byte[] body)
    {
        if (body.Length == 0) return "";
        if (XlsxPackage.IsZip(body)) return XlsxPackage.Text(body);
        return IsText(mediaType) ? TextEncodings.Decode(body).Text : null;
    }

    /// <summary>The markers of <paramref name="foreign"/> the body holds; an unreadable body is one finding of its own.</summary>
    public static IReadOnlyList<string> Leaks(string? mediaType, byte[] body, IReadOnlyList<string> foreign)
    {
        if (foreign.Count == 0) return [];
        if (Read(mediaType, body) is not { } text) return [$"an unreadable {mediaType ?? "untyped"} body of {body.Length} bytes (teach AnswerText to read it)"];
        return foreign.Where(f => text.Contains(f, StringComparison.Ordinal)).ToList();
    }

    private static bool IsText(string? mediaType) => mediaType is null
        || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("javascript", StringComparison.OrdinalIgnoreCase);
}
