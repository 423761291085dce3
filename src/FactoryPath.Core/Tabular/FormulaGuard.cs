namespace FactoryPath.Core.Tabular;

/// <summary>
/// Keeps stored text from being run as a formula when a CSV file is opened in a spreadsheet (OWASP "CSV Injection"):
/// a text cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe, which spreadsheets take
/// as "this is text". So that the platform reads its own files back unchanged, text that starts with apostrophes
/// followed by one of those characters is guarded too (one more apostrophe), and <see cref="Strip"/> removes exactly
/// the one apostrophe <see cref="Guard"/> added: <c>Strip(Guard(s)) == s</c> for every <c>s</c>.
/// Only text cells are guarded; numbers written as numbers (-12.5) are left alone by the writers.
/// </summary>
public static class FormulaGuard
{
    public const char Mark = '\'';

    /// <summary>Whether a spreadsheet could read the text as a formula, or it is a guarded such text (apostrophes first).</summary>
    public static bool NeedsGuard(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && text[i] == Mark) i++;
        return i < text.Length && text[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    /// <summary>The text as a CSV text cell: with one apostrophe in front when <see cref="NeedsGuard"/>, otherwise as it is.</summary>
    public static string Guard(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsGuard(text) ? Mark + text : text;
    }

    /// <summary>The text a cell read from a CSV file stands for: the apostrophe <see cref="Guard"/> adds is removed.</summary>
    public static string Strip(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == Mark && NeedsGuard(cell.AsSpan(1)) ? cell[1..] : cell;
    }
}
