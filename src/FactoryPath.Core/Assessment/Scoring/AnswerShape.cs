namespace FactoryPath.Core.Assessment;

/// <summary>Rejects answer fields that a question kind does not use (they point at a client bug).</summary>
internal static class AnswerShape
{
    /// <summary>Largest figure accepted for an input (a trillion): far above any count or amount, far below decimal overflow.</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    /// <summary>Checks raw figures: known inputs only, not negative, not absurdly large.</summary>
    public static void CheckValues(Question question, Answer answer, IReadOnlyList<QuestionInput> inputs, List<FieldError> errors)
    {
        foreach (var (inputId, value) in answer.Values ?? new Dictionary<string, decimal>())
        {
            var input = inputs.FirstOrDefault(i => i.Id == inputId);
            if (input is null)
            {
                errors.Add(question.Error($"此题没有输入项“{inputId}”。", $"This question has no input '{inputId}'.", inputId));
            }
            else if (value < 0)
            {
                errors.Add(question.Error($"{input.Label.Zh}不能为负数。", $"{input.Label.En} cannot be negative.", inputId));
            }
            else if (value > MaxValue)
            {
                errors.Add(question.Error($"{input.Label.Zh}数值过大。", $"{input.Label.En} is too large.", inputId));
            }
        }
    }

    public static void Allow(Question question, Answer answer, List<FieldError> errors, bool option = false, bool options = false, bool values = false, bool level = false)
    {
        var extra = new List<string>();
        if (!option && answer.Option is not null)
        {
            extra.Add("option");
        }

        if (!options && answer.Options is not null)
        {
            extra.Add("options");
        }

        if (!values && answer.Values is { Count: > 0 })
        {
            extra.Add("values");
        }

        if (!level && answer.Level is not null)
        {
            extra.Add("level");
        }

        if (extra.Count > 0)
        {
            var fields = string.Join(", ", extra);
            errors.Add(question.Error($"“{question.Kind}”类题目不使用这些字段：{fields}。", $"A '{question.Kind}' question does not use: {fields}."));
        }
    }
}
