namespace FactoryPath.Core.Assessment;

/// <summary>Checks an answer sheet against a model: drafts may be incomplete, but never hold invalid values.</summary>
public static class AnswerValidator
{
    /// <summary>Returns every field error; with <paramref name="requireComplete"/> also one per unanswered question.</summary>
    public static IReadOnlyList<FieldError> Validate(AssessmentModel model, AnswerSheetData answers, bool requireComplete)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(answers);
        var context = new AnswerContext(model, answers);
        var errors = new List<FieldError>();

        foreach (var (id, answer) in answers.Answers.Where(a => a.Value is not null))
        {
            CheckKey(model, id, answer, errors);
        }

        foreach (var question in model.Questions)
        {
            if (context.IsNotApplicable(question))
            {
                continue;
            }

            var answer = answers.Get(question.Id);
            if (answer is not null)
            {
                question.Check(answer, context, errors);
            }

            if (requireComplete && (answer is null || !question.IsAnswered(answer, context)) && !errors.Any(e => e.QuestionId == question.Id))
            {
                errors.Add(question.Missing(answer, context));
            }
        }

        return errors;
    }

    private static void CheckKey(AssessmentModel model, string id, Answer answer, List<FieldError> errors)
    {
        var node = model.FindNode(id);
        if (node is null)
        {
            errors.Add(new FieldError(id, null, new LocalizedText($"模型中没有题目“{id}”。", $"The model has no question '{id}'.")));
        }
        else if (node is ModelGroup group)
        {
            if (!group.MayBeNotApplicable)
            {
                errors.Add(new FieldError(id, null, new LocalizedText($"“{group.Name.Zh}”不能标记为不适用。", $"'{group.Name.En}' cannot be marked not applicable.")));
            }
            else if (answer.Option is not null || answer.Options is not null || answer.Values is not null || answer.Level is not null)
            {
                errors.Add(new FieldError(id, null, new LocalizedText("分组只能标记为不适用，不能作答。", "A group can only be marked not applicable, not answered.")));
            }
        }
        else if (answer.NotApplicable)
        {
            errors.Add(new FieldError(id, null, new LocalizedText("此题不能标记为不适用。", "This question cannot be marked not applicable.")));
        }
    }
}
