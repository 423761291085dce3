using System.Globalization;
using System.Text;

namespace FactoryPath.Core.Tabular;

/// <summary>
/// Writes CSV per RFC 4180 (CRLF line ends; a field is quoted when it holds a comma, quote, line break or leading or
/// trailing space). UTF-8 carries a byte order mark so that Excel opens Chinese text correctly.
/// <para>
/// Cells are text or numbers. A row of strings is all text; in a row of objects a string is text and a number (int,
/// long, double, decimal, …) is a number, written in the invariant culture. Text that a spreadsheet would run as a
/// formula is guarded here, in one place (<see cref="FormulaGuard"/>: =cmd|… is written '=cmd|…), and
/// <see cref="CsvReader"/> removes the guard again; numbers are never guarded (-12.5 stays -12.5). A number held as
/// text (a count formatted by the caller) is text: pass the number itself to keep a minus sign unguarded.
/// </para>
/// </summary>
public sealed class CsvWriter : IDisposable, IAsyncDisposable
{
    private readonly StreamWriter _writer;

    public CsvWriter(Stream stream, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _writer = new StreamWriter(stream, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
    }

    public async Task WriteRowAsync(IReadOnlyList<string> cells, CancellationToken ct = default)
    {
        await _writer.WriteLineAsync(Line(cells).AsMemory(), ct);
    }

    /// <summary>Writes a row of typed cells: strings as text, numbers as numbers, null as an empty cell.</summary>
    public async Task WriteValuesAsync(IReadOnlyList<object?> cells, CancellationToken ct = default)
    {
        await _writer.WriteLineAsync(ValueLine(cells).AsMemory(), ct);
    }

    public void WriteRow(IReadOnlyList<string> cells) => _writer.WriteLine(Line(cells));

    /// <summary>Writes a row of typed cells: strings as text, numbers as numbers, null as an empty cell.</summary>
    public void WriteValues(IReadOnlyList<object?> cells) => _writer.WriteLine(ValueLine(cells));

    /// <summary>One line of text cells, without the line end.</summary>
    public static string Line(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            AppendField(sb, FormulaGuard.Guard(cells[i] ?? ""));
        }

        return sb.ToString();
    }

    /// <summary>One line of typed cells, without the line end; a cell of another type than string or number is refused.</summary>
    public static string ValueLine(IReadOnlyList<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            AppendField(sb, cells[i] switch
            {
                null => "",
                string text => FormulaGuard.Guard(text),
                double d when !double.IsFinite(d) => throw new ArgumentException($"Cell {i + 1} is {d}, which a spreadsheet cannot hold as a number.", nameof(cells)),
                float f when !float.IsFinite(f) => throw new ArgumentException($"Cell {i + 1} is {f}, which a spreadsheet cannot hold as a number.", nameof(cells)),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                decimal m => m.ToString(CultureInfo.InvariantCulture),
                int or long or short or sbyte or byte or ushort or uint or ulong => ((IFormattable)cells[i]!).ToString(null, CultureInfo.InvariantCulture),
                var other => throw new ArgumentException($"Cell {i + 1} is a {other.GetType().Name}; a CSV cell is a string or a number.", nameof(cells)),
            });
        }

        return sb.ToString();
    }

    public Task FlushAsync() => _writer.FlushAsync();

    public void Dispose() => _writer.Dispose();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static void AppendField(StringBuilder sb, string value)
    {
        var needsQuotes = value.Length > 0 && (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        if (!needsQuotes)
        {
            sb.Append(value);
            return;
        }

        sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
