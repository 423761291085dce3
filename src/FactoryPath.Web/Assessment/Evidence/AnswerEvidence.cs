using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Assessment.Evidence;

/// <summary>Where an answer's figure comes from.</summary>
public enum EvidenceSource
{
    /// <summary>Entered by the user; there was no live value to compare with.</summary>
    Manual,

    /// <summary>Equal to the live value from the enterprise's gateways.</summary>
    Live,

    /// <summary>Entered by the user although it differs from the live value; carries the user's reason.</summary>
    Override,
}

/// <summary>The part of an answer machine data covers: band inputs by id, or the ticked option keys (sorted).</summary>
public sealed record EvidenceValue(IReadOnlyDictionary<string, decimal>? Values, IReadOnlyList<string>? Options)
{
    public bool SameAs(EvidenceValue other) => Values is not null
        ? other.Values is not null && Values.Count == other.Values.Count && Values.All(v => other.Values.TryGetValue(v.Key, out var o) && o == v.Value)
        : other.Values is null && (Options ?? []).Order(StringComparer.Ordinal).SequenceEqual((other.Options ?? []).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The value in words, e.g. "生产设备总数 15台，数字化生产设备数量 14台" / "Production control, Energy use".</summary>
    public LocalizedText Describe(Question question)
    {
        if (Values is not null && question is BandQuestion band)
        {
            string Part(string id, bool zh)
            {
                var input = band.Inputs.FirstOrDefault(i => i.Id == id);
                var number = Values[id].ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
                if (input is null) return $"{id} {number}";
                return zh ? $"{input.Label.Zh} {number}{input.Unit?.Zh}" : $"{input.Label.En} {number}{(input.Unit is null ? "" : " " + input.Unit.En)}";
            }
            return new LocalizedText(string.Join("，", Values.Keys.Select(k => Part(k, true))), string.Join(", ", Values.Keys.Select(k => Part(k, false))));
        }
        var keys = Options ?? [];
        var options = question is MultiChoiceQuestion multi ? multi.Options : [];
        string Label(string key, bool zh) => options.FirstOrDefault(o => o.Key == key) is { } o ? (zh ? o.Label.Zh : o.Label.En) : key;
        return new LocalizedText(string.Join("、", keys.Select(k => Label(k, true))), string.Join(", ", keys.Select(k => Label(k, false))));
    }
}

/// <summary>
/// Stored beside an answer whose question can take live data: the answer's covered value, where it comes from, the live
/// value and when it was measured (live and override), and the user's reason (override only).
/// </summary>
public sealed record AnswerEvidence(EvidenceSource Source, EvidenceValue Value, EvidenceValue? LiveValue, DateTime? MeasuredAt, string? Reason)
{
    /// <summary>The stored evidence of a sheet, by question id; empty for sheets saved before evidence was recorded.</summary>
    public static IReadOnlyDictionary<string, AnswerEvidence> Of(AnswerSheet sheet) =>
        (string.IsNullOrWhiteSpace(sheet.EvidenceJson) ? null : AssessmentJson.Deserialize<Dictionary<string, AnswerEvidence>>(sheet.EvidenceJson))
        ?? new Dictionary<string, AnswerEvidence>(StringComparer.Ordinal);

    public static string Serialize(IReadOnlyDictionary<string, AnswerEvidence> evidence) => AssessmentJson.Serialize(evidence);
}
