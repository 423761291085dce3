using System.IO.Compression;
using System.Text;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Regional;

namespace FactoryPath.Web.Tests.Security;

/// <summary>The matrix's leak check finds another tenant's name in downloads that are not plain text.</summary>
public sealed class AnswerTextTests
{
    private const string Foreign = "乙深圳矩阵企业";
    private static readonly string ForeignId = Guid.NewGuid().ToString();

    private static byte[] Workbook(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        XlsxTable.WriteSheets(stream, sheets);
        return stream.ToArray();
    }

    [Fact]
    public void A_foreign_name_in_a_workbook_cell_is_found_though_the_raw_bytes_do_not_show_it()
    {
        var xlsx = Workbook(new XlsxSheet("申请", [["企业", "金额"], ["甲宁波矩阵企业", 50_000L], [Foreign + "（宁波分厂）", 20_000L]]));

        Assert.DoesNotContain(Foreign, Encoding.UTF8.GetString(xlsx), StringComparison.Ordinal); // compressed: a search of the body alone misses it
        Assert.Equal([Foreign], AnswerText.Leaks(RegionExport.XlsxType, xlsx, [Foreign, ForeignId]));
    }

    [Fact]
    public void A_foreign_id_in_a_sheet_name_or_a_second_sheet_is_found()
    {
        var xlsx = Workbook(new XlsxSheet("封面", [["地区", "宁波市"]]), new XlsxSheet(ForeignId[..20], [["x"]]), new XlsxSheet("明细", [[ForeignId]]));

        Assert.Equal([ForeignId], AnswerText.Leaks(RegionExport.XlsxType, xlsx, [Foreign, ForeignId]));
    }

    [Fact]
    public void A_shared_string_written_in_formatted_runs_is_read_whole()
    {
        // a workbook as Excel saves it: the cell refers to the shared string table, the name split over two runs
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            Part("xl/workbook.xml", $"<workbook xmlns=\"{Main}\"><sheets><sheet name=\"S\" sheetId=\"1\"/></sheets></workbook>");
            Part("xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><r><t>乙深圳</t></r><r><rPr><b/></rPr><t>矩阵企业</t></r></si></sst>");
            Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
        }

        Assert.Equal([Foreign], AnswerText.Leaks(RegionExport.XlsxType, stream.ToArray(), [Foreign]));
    }

    [Fact]
    public void A_workbook_of_ones_own_data_has_no_finding()
    {
        var xlsx = Workbook(new XlsxSheet("申请", [["企业", "金额"], ["甲宁波矩阵企业", 50_000L]]));

        Assert.Empty(AnswerText.Leaks(RegionExport.XlsxType, xlsx, [Foreign, ForeignId]));
    }

    [Fact]
    public void A_gb18030_csv_is_decoded_before_it_is_searched()
    {
        var csv = TextEncodings.Gb18030.GetBytes("名称\r\n" + Foreign + "\r\n");

        Assert.Equal([Foreign], AnswerText.Leaks("text/csv", csv, [Foreign]));
    }

    [Fact]
    public void A_binary_answer_the_check_cannot_read_is_a_finding_of_its_own()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Filter /FlateDecode >> stream\n\u0001\u0002\u0003");

        var finding = Assert.Single(AnswerText.Leaks("application/pdf", pdf, [Foreign]));
        Assert.Contains("unreadable application/pdf", finding, StringComparison.Ordinal);
        Assert.Empty(AnswerText.Leaks("application/pdf", pdf, [])); // the operator's answers are not searched at all
    }
}
