using System.Text.Json;
using System.Text.Json.Serialization;
using FactoryPath.Core.Eligibility;

namespace FactoryPath.Web.Programmes;

/// <summary>The eligibility rules of a programme as stored (camelCase JSON, nulls left out).</summary>
public static class ProgrammeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<EligibilityRule> rules) => JsonSerializer.Serialize(rules, Options);

    public static List<EligibilityRule> Read(string json) => JsonSerializer.Deserialize<List<EligibilityRule>>(json, Options) ?? [];

    /// <summary>Rules typed as JSON in the programme form; null with a message when the text is no rule list.</summary>
    public static List<EligibilityRule>? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<EligibilityRule>>(text, new JsonSerializerOptions(Options) { AllowTrailingCommas = true }) ?? [];
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            error = Localization.UiText.Pick($"资格规则不是有效的 JSON 规则列表（第 {line} 行）。", $"The eligibility rules are no valid JSON list of rules (line {line}).");
            return null;
        }
    }
}
