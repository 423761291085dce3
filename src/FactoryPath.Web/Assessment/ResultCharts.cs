using System.Text.Json;
using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Assessment;

/// <summary>Chart specifications (read by wwwroot/js/charts.js) for a result: dimension radar and scene levels.</summary>
public static class ResultCharts
{
    /// <summary>Share of the points reached in each top-level dimension, in %.</summary>
    public static string Radar(AssessmentResult result, Func<LocalizedText, string> name, string seriesName)
    {
        var dimensions = result.Nodes.Where(n => n.Depth == 1 && n.MaxScore > 0 && !n.NotApplicable).ToList();
        return JsonSerializer.Serialize(new
        {
            type = "radar",
            indicators = dimensions.Select(d => new { name = name(d.Name), max = 100 }).ToArray(),
            series = new[] { new { name = seriesName, values = dimensions.Select(d => Math.Round(d.Score * 100 / d.MaxScore, 1)).ToArray() } },
        });
    }

    /// <summary>Each business scene's level; constraint scenes are drawn in red.</summary>
    public static string Scenes(AssessmentResult result, Func<LocalizedText, string> name) => JsonSerializer.Serialize(new
    {
        type = "bar",
        categories = result.Scenes.Select(s => name(s.Name) + (s.Constraint ? " *" : "")).ToArray(),
        values = result.Scenes.Select(s => s.Level).ToArray(),
        highlight = result.Scenes.Select(s => s.Constraint).ToArray(),
        max = result.Scenes.Count == 0 ? 4 : result.Scenes.Max(s => s.MaxLevel),
    });

    public static bool HasRadar(AssessmentResult result) => result.Nodes.Count(n => n.Depth == 1 && n.MaxScore > 0 && !n.NotApplicable) >= 3;
}
