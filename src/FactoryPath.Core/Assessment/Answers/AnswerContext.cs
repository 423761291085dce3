namespace FactoryPath.Core.Assessment;

/// <summary>What a question needs besides its own answer: the model and the other answers (for shared inputs).</summary>
internal sealed record AnswerContext(AssessmentModel Model, AnswerSheetData Sheet)
{
    /// <summary>Reads an input value, from this question's answer or from the referenced question's answer.</summary>
    public decimal? Value(Question owner, Answer own, InputReference reference)
    {
        var answer = reference.QuestionId is null || reference.QuestionId == owner.Id ? own : Sheet.Get(reference.QuestionId);
        return answer?.Values is { } values && values.TryGetValue(reference.InputId, out var v) ? v : null;
    }

    /// <summary>True when the question sits in a group the user marked not applicable.</summary>
    public bool IsNotApplicable(ModelNode node)
    {
        for (var group = node.Parent; group is not null; group = group.Parent)
        {
            if (group.MayBeNotApplicable && Sheet.Get(group.Id)?.NotApplicable == true)
            {
                return true;
            }
        }

        return node is ModelGroup g && g.MayBeNotApplicable && Sheet.Get(g.Id)?.NotApplicable == true;
    }
}
