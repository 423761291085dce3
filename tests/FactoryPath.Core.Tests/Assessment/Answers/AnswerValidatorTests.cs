using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Answers;

public class AnswerValidatorTests
{
    [Fact]
    public void Validate_EmptyDraft_IsValid()
    {
        Assert.Empty(AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty, requireComplete: false));
    }

    [Fact]
    public void Validate_EmptySheetOnSubmit_ListsEveryQuestion()
    {
        var errors = AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty, requireComplete: true);

        Assert.Equal(ShippedModels.Miit.Questions.Select(q => q.Id), errors.Select(e => e.QuestionId));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Message.Zh)));
    }

    [Fact]
    public void Validate_CompleteSheet_HasNoErrors()
    {
        Assert.Empty(AnswerValidator.Validate(ShippedModels.Miit, Sheet.MiitNothing(), requireComplete: true));
    }

    [Fact]
    public void Validate_AnswerForAnUnknownQuestion_IsRejected()
    {
        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty.Option("colour", "red"), requireComplete: false));

        Assert.Equal("colour", error.QuestionId);
    }

    [Fact]
    public void Validate_AnswerToAGroupThatCannotBeSkipped_IsRejected()
    {
        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty.NotApplicable("foundation"), requireComplete: false));

        Assert.Equal("foundation", error.QuestionId);
        Assert.Contains("cannot be marked not applicable", error.Message.En);
    }

    [Fact]
    public void Validate_NotApplicableGroup_NeedsNoAnswersOnSubmit()
    {
        var sheet = Sheet.CmmmUpTo(1).NotApplicable("sales");
        foreach (var level in Enumerable.Range(1, 5))
        {
            sheet = sheet.Without($"sales-l{level}");
        }

        Assert.Empty(AnswerValidator.Validate(ShippedModels.Cmmm, sheet, requireComplete: true));
    }

    [Fact]
    public void Score_IncompleteSheet_ThrowsWithFieldErrors()
    {
        var sheet = Sheet.MiitNothing().Without("planning");

        var e = Assert.Throws<InvalidAnswersException>(() => Scorer.Score(ShippedModels.Miit, sheet));

        Assert.Equal("planning", Assert.Single(e.Errors).QuestionId);
    }

    [Theory]
    [InlineData("zh-CN", "请回答此题。")]
    [InlineData("zh", "请回答此题。")]
    [InlineData("en-US", "Please answer this question.")]
    [InlineData(null, "Please answer this question.")]
    public void Message_PicksTheLanguageByCultureName(string? culture, string expected)
    {
        var error = AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty, requireComplete: true)[0];

        Assert.Equal(expected, error.Message.For(culture));
    }

    [Fact]
    public void Validate_NullsInTheJson_CountAsUnanswered()
    {
        var sheet = AssessmentJson.Deserialize<AnswerSheetData>("""{"answers": {"planning": null}}""")!;
        var empty = AssessmentJson.Deserialize<AnswerSheetData>("""{"answers": null}""")!;

        Assert.Empty(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));
        Assert.Contains(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: true), e => e.QuestionId == "planning");
        Assert.Equal(0, AnswerProgress.Of(ShippedModels.Miit, empty).Answered);
    }
}
