using System.Text.Json;

namespace FactoryPath.Core.Matching.Ranking;

/// <summary>
/// Reads the weights file (JSON with // comments): every component named once with a weight ≥ 0 and some weight
/// above 0, shares within [0, 1], a rating prior within 1–5, and a sensible candidate count.
/// </summary>
public static class MatchWeightsLoader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static MatchWeightsLoadResult LoadText(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            return new MatchWeightsLoadResult(null, [$"not valid JSON at line {e.LineNumber + 1}: {e.Message}"]);
        }

        using (document)
        {
            var root = document.RootElement;
            var components = new Dictionary<MatchComponent, double>();
            if (!root.TryGetProperty("components", out var list) || list.ValueKind != JsonValueKind.Object)
            {
                errors.Add("'components' is missing or not an object");
            }
            else
            {
                foreach (var property in list.EnumerateObject())
                {
                    if (!Enum.TryParse<MatchComponent>(property.Name, ignoreCase: true, out var component) || int.TryParse(property.Name, out _))
                    {
                        errors.Add($"components.{property.Name}: unknown component; known are {string.Join(", ", Enum.GetNames<MatchComponent>().Select(Camel))}");
                    }
                    else if (property.Value.ValueKind != JsonValueKind.Number || property.Value.GetDouble() is var w && (w < 0 || double.IsNaN(w)))
                    {
                        errors.Add($"components.{property.Name}: the weight must be a number ≥ 0");
                    }
                    else if (!components.TryAdd(component, property.Value.GetDouble()))
                    {
                        errors.Add($"components.{property.Name}: given twice");
                    }
                }

                foreach (var missing in Enum.GetValues<MatchComponent>().Where(c => !components.ContainsKey(c)))
                {
                    errors.Add($"components.{Camel(missing.ToString())}: missing; give it a weight (0 turns it off)");
                }

                if (components.Count > 0 && components.Values.Sum() <= 0)
                {
                    errors.Add("components: at least one weight must be above 0");
                }
            }

            double Number(string name, double min, double max)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{name}: missing or not a number");
                    return 0;
                }

                var number = value.GetDouble();
                if (number < min || number > max)
                {
                    errors.Add($"{name}: {number} is outside {min}–{max}");
                }

                return number;
            }

            var weights = new MatchWeights
            {
                Components = components,
                CandidatesPerKind = (int)Number("candidatesPerKind", 10, 5000),
                AnyIndustryFit = Number("anyIndustryFit", 0, 1),
                AnySizeFit = Number("anySizeFit", 0, 1),
                AdjacentSizeFit = Number("adjacentSizeFit", 0, 1),
                HybridDeploymentFit = Number("hybridDeploymentFit", 0, 1),
                RatingPriorMean = Number("ratingPriorMean", 1, 5),
                RatingPriorProjects = Number("ratingPriorProjects", 0, 1000),
                CasesForFullEvidence = Number("casesForFullEvidence", 1, 1000),
                CaseShareOfEvidence = Number("caseShareOfEvidence", 0, 1),
            };
            return errors.Count == 0 ? new MatchWeightsLoadResult(weights, []) : new MatchWeightsLoadResult(null, errors);
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>The weights (null on errors) and every error found.</summary>
public sealed record MatchWeightsLoadResult(MatchWeights? Weights, IReadOnlyList<string> Errors);
