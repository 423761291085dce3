using FactoryPath.Core.Assessment;
using FactoryPath.Edge.Model;

namespace FactoryPath.Web.Assessment.Evidence;

/// <summary>An equipment figure of <see cref="EquipmentCounts"/> that a band input can take.</summary>
public enum EquipmentMeasure { Total, Digital, Networked }

/// <summary>A question of a model whose answer machine data can give.</summary>
public abstract record QuestionBinding(string QuestionId)
{
    /// <summary>The answer the live data gives, or null when it says nothing about this question.</summary>
    public abstract Answer? LiveAnswer(LiveEvidence evidence);

    /// <summary>When the data behind <see cref="LiveAnswer"/> was measured.</summary>
    public abstract DateTime? MeasuredAt(LiveEvidence evidence);

    /// <summary>The part of an answer this binding covers; null when the answer holds none of it.</summary>
    public abstract EvidenceValue? ValueOf(Answer answer);

    /// <summary>The answer with the covered part replaced by <paramref name="live"/>'s, everything else (note, other inputs) kept.</summary>
    public abstract Answer Fill(Answer? answer, Answer live);
}

/// <summary>Band inputs filled with equipment counts (e.g. total and digital for the digitalisation rate).</summary>
public sealed record BandBinding(string QuestionId, IReadOnlyList<(string InputId, EquipmentMeasure Measure)> Inputs) : QuestionBinding(QuestionId)
{
    public override Answer? LiveAnswer(LiveEvidence evidence) => evidence.Equipment is { } e
        ? new Answer { Values = Inputs.ToDictionary(i => i.InputId, i => (decimal)(i.Measure switch
        {
            EquipmentMeasure.Total => e.Total,
            EquipmentMeasure.Digital => e.Digital,
            _ => e.Networked,
        }), StringComparer.Ordinal) }
        : null;

    public override DateTime? MeasuredAt(LiveEvidence evidence) => evidence.Equipment?.MeasuredAt;

    public override EvidenceValue? ValueOf(Answer answer)
    {
        var values = Inputs.Where(i => answer.Values?.ContainsKey(i.InputId) == true).ToDictionary(i => i.InputId, i => answer.Values![i.InputId], StringComparer.Ordinal);
        return values.Count == 0 ? null : new EvidenceValue(values, null);
    }

    public override Answer Fill(Answer? answer, Answer live)
    {
        var values = new Dictionary<string, decimal>(answer?.Values ?? new Dictionary<string, decimal>(), StringComparer.Ordinal);
        foreach (var (id, v) in live.Values!) values[id] = v;
        return (answer ?? new Answer()) with { Values = values };
    }
}

/// <summary>Options of a multiple-choice question ticked when tags of any of their roles are read from networked equipment.</summary>
public sealed record OptionsBinding(string QuestionId, IReadOnlyList<(string Key, IReadOnlySet<TagRole> Roles)> Options) : QuestionBinding(QuestionId)
{
    public override Answer? LiveAnswer(LiveEvidence evidence)
    {
        var keys = Options.Where(o => o.Roles.Overlaps(evidence.Roles)).Select(o => o.Key).ToList();
        return keys.Count == 0 ? null : new Answer { Options = keys };
    }

    public override DateTime? MeasuredAt(LiveEvidence evidence) => evidence.RolesMeasuredAt;

    public override EvidenceValue? ValueOf(Answer answer) => answer.Options is { } options ? new EvidenceValue(null, options.Order(StringComparer.Ordinal).ToList()) : null;

    public override Answer Fill(Answer? answer, Answer live) => (answer ?? new Answer()) with { Options = live.Options };
}

/// <summary>A live answer with the time its data was measured.</summary>
public sealed record LiveAnswer(Answer Answer, EvidenceValue Value, DateTime MeasuredAt);

/// <summary>Which questions of one model (by id, all its versions) take their answer from machine data, and how.</summary>
public sealed record EvidenceMap(string ModelId, IReadOnlyList<QuestionBinding> Bindings)
{
    public QuestionBinding? Binding(string questionId) => Bindings.FirstOrDefault(b => b.QuestionId == questionId);

    /// <summary>The answers the live data gives for this model's bound questions (questions it says nothing about are left out).</summary>
    public IReadOnlyDictionary<string, LiveAnswer> LiveAnswers(LiveEvidence evidence)
    {
        var answers = new Dictionary<string, LiveAnswer>(StringComparer.Ordinal);
        foreach (var binding in Bindings)
        {
            if (binding.LiveAnswer(evidence) is { } answer && binding.MeasuredAt(evidence) is { } at && binding.ValueOf(answer) is { } value)
            {
                answers[binding.QuestionId] = new LiveAnswer(answer, value, at);
            }
        }
        return answers;
    }
}
