using System.Text;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tabular;

/// <summary>
/// Reads CSV text per RFC 4180: fields separated by commas, quoted fields with embedded commas, line breaks and
/// doubled quotes, CRLF or LF line ends. Lenient where spreadsheets are: a stray quote inside an unquoted field is
/// kept as text. Each record is numbered as a spreadsheet shows it (the first record is row 1, a quoted line break does
/// not start a new row); blank records are skipped but still counted. The apostrophe <see cref="CsvWriter"/> puts
/// before text a spreadsheet would run as a formula is removed (<see cref="FormulaGuard.Strip"/>), so the platform's
/// own exports read back as they were written.
/// </summary>
public static class CsvReader
{
    /// <summary>Reads a CSV file's bytes, detecting the encoding; the first record is the header.</summary>
    public static TabularReadResult Read(ReadOnlySpan<byte> bytes)
    {
        var (text, encoding) = TextEncodings.Decode(bytes);
        var records = new List<TabularRow>();
        var error = Parse(text, records);
        if (error is not null) return TabularReadResult.Failed(error);
        return TabularReadResult.FromRecords(records, "csv", encoding.Name);
    }

    /// <summary>Parses the text into numbered records (blank ones left out); returns an error when a quote is never closed.</summary>
    public static EnterpriseMessage? Parse(string text, List<TabularRow> records)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        var row = 1;
        var quoteRow = 0;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        void EndRecord()
        {
            fields.Add(FormulaGuard.Strip(field.ToString()));
            field.Clear();
            var record = new TabularRow(row, fields);
            if (!record.IsBlank) records.Add(record);
            fields = [];
            fieldStarted = false;
            row++;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    quoteRow = row;
                    break;
                case ',':
                    fields.Add(FormulaGuard.Strip(field.ToString()));
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    EndRecord();
                    break;
                case '\n':
                    EndRecord();
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            return new EnterpriseMessage("file.unclosedQuote",
                $"第 {quoteRow} 行的引号没有闭合，文件在引号内结束",
                $"Row {quoteRow}: a quoted field is never closed; the file ends inside the quotes");
        }

        if (field.Length > 0 || fields.Count > 0 || fieldStarted) EndRecord();
        return null;
    }
}
