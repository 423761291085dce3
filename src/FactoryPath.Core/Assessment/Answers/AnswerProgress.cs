namespace FactoryPath.Core.Assessment;

/// <summary>How far a questionnaire is filled in; questions in groups marked not applicable do not count.</summary>
public sealed record AnswerProgress(int Answered, int Total)
{
    /// <summary>0 to 100, rounded down, for a progress bar.</summary>
    public int Percent => Total == 0 ? 100 : Answered * 100 / Total;

    public bool IsComplete => Answered == Total;

    public static AnswerProgress Of(AssessmentModel model, AnswerSheetData answers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(answers);
        var context = new AnswerContext(model, answers);
        var applicable = model.Questions.Where(q => !context.IsNotApplicable(q)).ToList();
        var answered = applicable.Count(q => answers.Get(q.Id) is { } a && q.IsAnswered(a, context));
        return new AnswerProgress(answered, applicable.Count);
    }
}
