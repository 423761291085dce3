namespace FactoryPath.Core.Assessment;

/// <summary>A leaf of the model's tree: the thing a user answers.</summary>
public abstract class Question : ModelNode
{
    private protected Question(NodeHeader header)
        : base(header)
    {
    }

    /// <summary>One of <see cref="QuestionKinds"/>.</summary>
    public abstract string Kind { get; }

    /// <summary>Checks the values an answer holds (not whether it is complete).</summary>
    internal abstract void Check(Answer answer, AnswerContext context, List<FieldError> errors);

    /// <summary>True when the answer says enough to be scored.</summary>
    internal abstract bool IsAnswered(Answer answer, AnswerContext context);

    /// <summary>The error reported when a complete answer is required but this one is missing or partial.</summary>
    internal virtual FieldError Missing(Answer? answer, AnswerContext context) => Error("请回答此题。", "Please answer this question.");

    /// <summary>Points earned by a checked, complete answer.</summary>
    internal abstract decimal Score(Answer answer, AnswerContext context);

    /// <summary>Successive one-step improvements above the current answer, lowest first.</summary>
    internal virtual IReadOnlyList<Upgrade> Upgrades(Answer answer, AnswerContext context) => [];

    internal FieldError Error(string zh, string en, string? inputId = null) => new(Id, inputId, new LocalizedText(zh, en));
}
