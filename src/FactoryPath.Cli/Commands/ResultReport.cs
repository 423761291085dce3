using System.Globalization;
using FactoryPath.Core.Assessment;
using Spectre.Console;

namespace FactoryPath.Cli.Commands;

/// <summary>Prints an assessment result as tables in one language.</summary>
internal static class ResultReport
{
    /// <summary>Tables go through Spectre; plain lines are written as they are, so long Chinese texts are not wrapped.</summary>
    public static void Write(TextWriter output, AssessmentResult result, string lang)
    {
        var zh = lang == "zh";
        var console = CliConsole.For(output);
        output.WriteLine($"{result.ModelName.For(lang)} ({result.ModelId} {result.ModelVersion})");

        var nodes = new Table().AddColumns(zh ? "项目" : "Item", zh ? "得分" : "Score", zh ? "满分" : "Max");
        // Staged models show their requirement ratings in the stage table instead of one row per requirement.
        foreach (var node in result.Nodes.Where(n => n.Kind == "group" || result.Stages.Count == 0))
        {
            var name = new string(' ', (node.Depth - 1) * 2) + node.Name.For(lang);
            var score = node.NotApplicable ? (zh ? "不适用" : "n/a") : Num(node.Score);
            nodes.AddRow(Markup.Escape(name), score, Num(node.MaxScore));
        }

        nodes.AddRow(zh ? "总分" : "Total", Num(result.TotalScore), Num(result.MaxScore));
        console.Write(nodes);

        if (result.Scenes.Count > 0)
        {
            var scenes = new Table().AddColumns(zh ? "业务场景" : "Scene", zh ? "约束性" : "Constraint", zh ? "等级" : "Level");
            foreach (var scene in result.Scenes)
            {
                scenes.AddRow(Markup.Escape(scene.Name.For(lang)), scene.Constraint ? (zh ? "是" : "yes") : string.Empty, $"{scene.Level}/{scene.MaxLevel}");
            }

            console.Write(scenes);
        }

        if (result.Stages.Count > 0)
        {
            WriteStages(console, result, lang);
        }

        output.WriteLine($"{(zh ? "评定等级" : "Level")}: {result.Level.Name.For(lang)}");
        if (result.NextLevelGap is { } gap)
        {
            output.WriteLine(gap.Summary.For(lang));
            var number = 1;
            foreach (var step in gap.Steps)
            {
                output.WriteLine($"  {number++}. {step.Text.For(lang)}");
            }
        }
    }

    private static void WriteStages(IAnsiConsole console, AssessmentResult result, string lang)
    {
        var zh = lang == "zh";
        var levels = result.Stages.Select(s => s.Level).Distinct().Order().ToList();
        var table = new Table().AddColumn(zh ? "能力子域" : "Sub-domain");
        foreach (var level in levels)
        {
            table.AddColumn($"L{level}");
        }

        foreach (var domain in result.Stages.GroupBy(s => s.DomainId))
        {
            var cells = new List<string> { Markup.Escape(domain.First().DomainName.For(lang)) };
            cells.AddRange(levels.Select(l => domain.FirstOrDefault(s => s.Level == l) is { } s ? $"{Num(s.Score)}{(s.Met ? string.Empty : " *")}" : "-"));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    private static string Num(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
