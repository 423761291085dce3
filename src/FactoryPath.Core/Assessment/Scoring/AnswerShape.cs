namespace FactoryPath.Core.Assessment;

/// <summary>Rejects answer fields that a question kind does not use (they point at a client bug).</summary>
internal static class AnswerShape
{
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
