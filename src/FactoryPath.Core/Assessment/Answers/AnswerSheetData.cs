namespace FactoryPath.Core.Assessment;

/// <summary>All answers of one sheet, keyed by question id (or group id for "not applicable"). Serialises as camelCase JSON.</summary>
public sealed record AnswerSheetData
{
    private readonly IReadOnlyDictionary<string, Answer> _answers = new Dictionary<string, Answer>(StringComparer.Ordinal);

    /// <summary>Answers by question id; a JSON <c>null</c> here or for one answer counts as "not answered".</summary>
    public IReadOnlyDictionary<string, Answer> Answers
    {
        get => _answers;
        init => _answers = value ?? new Dictionary<string, Answer>(StringComparer.Ordinal);
    }

    public Answer? Get(string id) => Answers.GetValueOrDefault(id);

    /// <summary>A copy with one answer set (or replaced).</summary>
    public AnswerSheetData With(string id, Answer answer)
    {
        var copy = new Dictionary<string, Answer>(Answers, StringComparer.Ordinal) { [id] = answer };
        return this with { Answers = copy };
    }

    /// <summary>A copy without the answer for <paramref name="id"/>.</summary>
    public AnswerSheetData Without(string id)
    {
        var copy = new Dictionary<string, Answer>(Answers, StringComparer.Ordinal);
        copy.Remove(id);
        return this with { Answers = copy };
    }
}
