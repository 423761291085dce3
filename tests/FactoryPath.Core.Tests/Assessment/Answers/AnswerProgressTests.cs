using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Answers;

public class AnswerProgressTests
{
    [Fact]
    public void Progress_EmptySheet_IsZeroOfAllQuestions()
    {
        var progress = AnswerProgress.Of(ShippedModels.Miit, Sheet.Empty);

        Assert.Equal(new AnswerProgress(0, 31), progress); // 15 scored questions + 16 scenes
        Assert.Equal(0, progress.Percent);
    }

    [Fact]
    public void Progress_CountsOnlyQuestionsAnsweredEnoughToScore()
    {
        var sheet = Sheet.Empty
            .Option("planning", "B")
            .Level("marketing", 0)
            .Values("equipment-digitization", ("total", 10)); // still missing the digital count

        var progress = AnswerProgress.Of(ShippedModels.Miit, sheet);

        Assert.Equal(2, progress.Answered);
        Assert.Equal(6, progress.Percent); // 2 * 100 / 31, rounded down
        Assert.False(progress.IsComplete);
    }

    [Fact]
    public void Progress_NotApplicableGroups_LeaveTheTotal()
    {
        var progress = AnswerProgress.Of(ShippedModels.Cmmm, Sheet.Empty.NotApplicable("product-service").NotApplicable("logistics"));

        Assert.Equal(90, progress.Total);
    }

    [Fact]
    public void Progress_CompleteSheet_IsComplete()
    {
        var progress = AnswerProgress.Of(ShippedModels.Cmmm, Sheet.CmmmUpTo(3));

        Assert.True(progress.IsComplete);
        Assert.Equal(100, progress.Percent);
    }
}
