using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Assessment.Evidence;

/// <summary>What the questionnaire knows about live data while it is open: the bound questions, their live answers and the reasons typed so far.</summary>
public sealed class QuestionnaireEvidence(EvidenceMap map, LiveEvidence evidence, IReadOnlyDictionary<string, LiveAnswer> live, Dictionary<string, string> reasons)
{
    public EvidenceStatus Status => evidence.Status;

    /// <summary>
    /// Takes newer live data: each answer that still shows the live value seen so far follows it to the new one (so a
    /// register that changes while the page is open never turns an untouched answer into an override); answers the user
    /// changed stay. Returns the ids of the answers changed.
    /// </summary>
    public IReadOnlyList<string> Follow(Dictionary<string, Answer> answers, LiveEvidence newer)
    {
        var fresh = map.LiveAnswers(newer);
        var changed = new List<string>();
        foreach (var binding in map.Bindings)
        {
            if (live.GetValueOrDefault(binding.QuestionId) is not { } seen || fresh.GetValueOrDefault(binding.QuestionId) is not { } now) continue;
            if (answers.GetValueOrDefault(binding.QuestionId) is not { } answer || binding.ValueOf(answer) is not { } value) continue;
            if (!value.SameAs(seen.Value) || value.SameAs(now.Value)) continue;
            answers[binding.QuestionId] = binding.Fill(answer, now.Answer);
            changed.Add(binding.QuestionId);
        }
        evidence = newer;
        live = fresh;
        return changed;
    }

    /// <summary>Override reasons by question id, as typed (sent with every save).</summary>
    public Dictionary<string, string> Reasons => reasons;

    public QuestionBinding? Binding(string questionId) => map.Binding(questionId);

    public LiveAnswer? Live(string questionId) => live.GetValueOrDefault(questionId);

    /// <summary>True when the answer holds a value for the question that is not the live one.</summary>
    public bool Differs(string questionId, Answer? answer) =>
        live.GetValueOrDefault(questionId) is { } current && answer is not null && map.Binding(questionId)?.ValueOf(answer) is { } value && !value.SameAs(current.Value);

    /// <summary>The percentage a band question's rate takes with the live figures (inputs of other questions included), or null.</summary>
    public decimal? LiveRate(BandQuestion band)
    {
        decimal? Value(InputReference r) => live.GetValueOrDefault(r.QuestionId ?? band.Id)?.Answer.Values?.GetValueOrDefault(r.InputId);
        return band.Rate is { } rate && Value(rate.Numerator) is { } num && Value(rate.Denominator) is { } den && den > 0 ? num * 100m / den : null;
    }
}
