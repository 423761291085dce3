using System.Globalization;
using FactoryPath.Core.Tabular;
using FactoryPath.Fuzz.Engine;
using FactoryPath.Fuzz.Targets;

namespace FactoryPath.Fuzz;

/// <summary>
/// Longer campaigns than the test run's:
///   dotnet run --project tests/FactoryPath.Fuzz -c Release -- &lt;target|all&gt; [--seconds N | --inputs N] [--seed N]
/// runs each named target for N seconds (default 60) or N inputs, prints inputs per second and findings, and keeps each
/// finding's input (shrunk) in Regressions/&lt;target&gt;/, where the test run replays it. `list` names the targets;
/// `replay &lt;target&gt; &lt;file&gt;` runs one input and prints the verdict or the whole exception; `corpus-xlsx` rewrites the
/// xlsx corpus from the CSV corpus with the platform's own writer.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("usage: <target|all> [--seconds N | --inputs N] [--seed N]   |   list   |   replay <target> <file>   |   corpus-xlsx");
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "list")
        {
            foreach (var target in FuzzTargets.All) Console.WriteLine($"{target.Name,-18} {target.Description}");
            return 0;
        }

        if (args[0] == "corpus-xlsx") return WriteXlsxCorpus();
        if (args[0] == "replay" && args.Length == 3) return Replay(args[1], args[2]);

        var targets = args[0] == "all" ? FuzzTargets.All : FuzzTargets.Find(args[0]) is { } one ? [one] : [];
        if (targets.Count == 0)
        {
            Console.Error.WriteLine($"unknown target '{args[0]}'; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}, all");
            return 2;
        }

        long? inputs = Option(args, "--inputs");
        var seconds = Option(args, "--seconds") ?? (inputs is null ? 60 : null);
        var seed = (int)(Option(args, "--seed") ?? 1);
        var found = 0;
        Console.WriteLine($"{"target",-18} {"inputs",12} {"inputs/s",10} {"accepted",10} {"rejected",10} {"findings",8}");
        foreach (var target in targets)
        {
            var options = new CampaignOptions(inputs, seconds is { } s ? TimeSpan.FromSeconds(s) : null, seed);
            var result = Campaign.Run(target, FuzzFolders.LoadCorpus(target.CorpusName), options);
            Console.WriteLine($"{target.Name,-18} {result.Inputs,12:N0} {result.InputsPerSecond,10:N0} {result.Accepted,10:N0} {result.Rejected,10:N0} {result.Findings.Count,8}");
            foreach (var finding in result.Findings)
            {
                var kept = FuzzFolders.Keep(result.Hung ? finding : Minimizer.Minimize(target, finding), target.Extension);
                Console.WriteLine($"  {finding.Signature}: {finding.Message}");
                Console.WriteLine($"    kept: {Path.GetRelativePath(Environment.CurrentDirectory, kept)}");
            }

            found += result.Findings.Count;
            if (result.Hung)
            {
                // the hung input still runs on its worker thread: stop here
                Console.WriteLine("a hang was found; the campaign stops");
                return 1;
            }
        }

        return found == 0 ? 0 : 1;
    }

    private static int Replay(string name, string file)
    {
        if (FuzzTargets.Find(name) is not { } target)
        {
            Console.Error.WriteLine($"unknown target '{name}'");
            return 2;
        }

        try
        {
            Console.WriteLine(target.Run(File.ReadAllBytes(file)));
            return 0;
        }
        catch (Exception e)
        {
            Console.WriteLine(e);
            return 1;
        }
    }

    private static long? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0) return null;
        if (at + 1 >= args.Length || !long.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"{name} takes a positive whole number");
        }

        return value;
    }

    private static int WriteXlsxCorpus()
    {
        var folder = FuzzFolders.Corpus("xlsx-table");
        Directory.CreateDirectory(folder);
        foreach (var file in FuzzFolders.Files(FuzzFolders.Corpus("csv-table")))
        {
            var table = CsvReader.Read(File.ReadAllBytes(file)).Table
                ?? throw new InvalidDataException($"{file} is not a readable CSV file");
            var path = Path.Combine(folder, Path.GetFileNameWithoutExtension(file) + ".xlsx");
            using var stream = File.Create(path);
            XlsxTable.Write(stream, table.Header, table.Rows.Select(r => r.Cells));
            Console.WriteLine(path);
        }

        // numbers, dates and booleans as typed cells, and a second sheet, as spreadsheets save them
        using (var typed = File.Create(Path.Combine(folder, "typed-cells-two-sheets.xlsx")))
        {
            XlsxTable.WriteSheets(typed, [
                new XlsxSheet("数据", [["名称", "数量", "价格", "日期"], ["甲", 12, 1.5, "2026-11-24"], ["乙", -3, 1e15, ""]]),
                new XlsxSheet("Second", [["x"]]),
            ]);
        }

        return 0;
    }
}
