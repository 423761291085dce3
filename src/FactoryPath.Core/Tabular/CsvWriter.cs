using System.Text;

namespace FactoryPath.Core.Tabular;

/// <summary>
/// Writes CSV per RFC 4180 (CRLF line ends; a field is quoted when it holds a comma, quote, line break or leading or
/// trailing space). UTF-8 carries a byte order mark so that Excel opens Chinese text correctly.
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

    public void WriteRow(IReadOnlyList<string> cells) => _writer.WriteLine(Line(cells));

    public static string Line(IReadOnlyList<string> cells)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            AppendField(sb, cells[i] ?? "");
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
