using System.Globalization;
using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Assessment.Evidence;

/// <summary>The evidence of each bound answer, and the override reasons that are missing or out of place.</summary>
public sealed record StampedEvidence(IReadOnlyDictionary<string, AnswerEvidence> Evidence, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Decides where each bound answer comes from, against the live answers of now: equal to the live value → live;
/// different → override, which needs a reason; no live value → manual. Errors use the field key
/// "<c>questionId.reason</c>" (input id <see cref="ReasonField"/>).
/// </summary>
public static class EvidenceStamp
{
    public const string ReasonField = "reason";
    public const int MaxReasonLength = 500;

    public static StampedEvidence Apply(
        AssessmentModel model, EvidenceMap? map, AnswerSheetData answers, IReadOnlyDictionary<string, string?>? reasons, IReadOnlyDictionary<string, LiveAnswer> live)
    {
        var evidence = new Dictionary<string, AnswerEvidence>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var (id, reason) in reasons ?? new Dictionary<string, string?>())
        {
            if (map?.Binding(id) is null && !string.IsNullOrWhiteSpace(reason))
            {
                errors.Add(new FieldError(id, ReasonField, new LocalizedText(
                    $"“{id}”不取实时数据，不需要修改理由。", $"'{id}' does not take live data, so it takes no override reason.")));
            }
            else if (reason is { Length: > MaxReasonLength })
            {
                errors.Add(new FieldError(id, ReasonField, new LocalizedText(
                    $"修改理由最多 {MaxReasonLength} 个字符（现在 {reason.Length} 个）。", $"An override reason has at most {MaxReasonLength} characters (this one has {reason.Length}).")));
            }
        }

        foreach (var binding in map?.Bindings ?? [])
        {
            if (answers.Get(binding.QuestionId) is not { } answer || binding.ValueOf(answer) is not { } value) continue;
            var reason = reasons?.GetValueOrDefault(binding.QuestionId)?.Trim();
            if (reason is { Length: 0 or > MaxReasonLength }) reason = null;
            if (!live.TryGetValue(binding.QuestionId, out var current))
            {
                evidence[binding.QuestionId] = new AnswerEvidence(EvidenceSource.Manual, value, null, null, null);
            }
            else if (value.SameAs(current.Value))
            {
                evidence[binding.QuestionId] = new AnswerEvidence(EvidenceSource.Live, value, current.Value, current.MeasuredAt, null);
            }
            else if (reason is not null)
            {
                evidence[binding.QuestionId] = new AnswerEvidence(EvidenceSource.Override, value, current.Value, current.MeasuredAt, reason);
            }
            else if (!errors.Any(e => e.QuestionId == binding.QuestionId && e.InputId == ReasonField))
            {
                var question = model.FindQuestion(binding.QuestionId);
                var entered = question is null ? null : value.Describe(question);
                var measured = question is null ? null : current.Value.Describe(question);
                var at = current.MeasuredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
                errors.Add(new FieldError(binding.QuestionId, ReasonField, new LocalizedText(
                    $"填写的值（{entered?.Zh}）与实时数据（{measured?.Zh}，测量于 {at}）不同：请说明修改理由，或采用实时数据。",
                    $"The value entered ({entered?.En}) differs from the live value ({measured?.En}, measured at {at}): give a reason for the override, or take the live value.")));
            }
        }
        return new StampedEvidence(evidence, errors);
    }

    /// <summary>
    /// Fills each bound answer that still follows the live data (stored as live) with the current live answer, and with
    /// <paramref name="fillMissing"/> also each bound answer not given yet; answers the user entered or overrode stay as they are.
    /// </summary>
    public static AnswerSheetData Prefill(
        EvidenceMap? map, AnswerSheetData answers, IReadOnlyDictionary<string, AnswerEvidence> stored, IReadOnlyDictionary<string, LiveAnswer> live, bool fillMissing = true)
    {
        var result = answers;
        foreach (var binding in map?.Bindings ?? [])
        {
            if (!live.TryGetValue(binding.QuestionId, out var current)) continue;
            var answer = answers.Get(binding.QuestionId);
            var missing = answer is null || binding.ValueOf(answer) is null;
            var untouched = missing ? fillMissing : stored.GetValueOrDefault(binding.QuestionId)?.Source == EvidenceSource.Live;
            if (untouched) result = result.With(binding.QuestionId, binding.Fill(answer, current.Answer));
        }
        return result;
    }
}
