using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tabular;

/// <summary>Reads an uploaded table by its file name: .csv (encoding detected) or .xlsx.</summary>
public static class TabularFile
{
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".xlsx"];

    public static bool IsSupported(string? fileName) =>
        fileName is not null && Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    public static TabularReadResult Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (content.Length == 0)
        {
            return TabularReadResult.Failed(new EnterpriseMessage("file.empty", "文件是空的", "The file is empty"));
        }

        return extension switch
        {
            ".csv" => CsvReader.Read(content),
            ".xlsx" => XlsxTable.Read(new MemoryStream(content, writable: false)),
            _ => TabularReadResult.Failed(Unsupported(extension)),
        };
    }

    public static EnterpriseMessage Unsupported(string? extension) => new("file.unsupported",
        $"不支持的文件类型{(string.IsNullOrEmpty(extension) ? "" : $"（{extension}）")}，请上传 .csv 或 .xlsx 文件",
        $"Unsupported file type{(string.IsNullOrEmpty(extension) ? "" : $" ({extension})")}; upload a .csv or .xlsx file");
}
