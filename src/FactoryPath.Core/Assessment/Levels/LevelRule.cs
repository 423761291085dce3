namespace FactoryPath.Core.Assessment;

/// <summary>How a model turns scores and scene levels into a level; written as data in the model's <c>levels:</c> block.</summary>
public abstract class LevelRule
{
    private protected LevelRule(LocalizedText notRated, IReadOnlyList<LevelDefinition> levels)
    {
        NotRated = notRated;
        Levels = levels.OrderBy(l => l.Number).ToList();
    }

    /// <summary>"thresholds" or "staged".</summary>
    public abstract string Kind { get; }

    /// <summary>The name shown when no level is reached (level 0).</summary>
    public LocalizedText NotRated { get; }

    /// <summary>The levels, lowest first.</summary>
    public IReadOnlyList<LevelDefinition> Levels { get; }

    public LevelReached Named(int number) =>
        new(number, Levels.FirstOrDefault(l => l.Number == number)?.Name ?? NotRated);

    /// <summary>The level after <paramref name="number"/>, or null at the top.</summary>
    internal LevelDefinition? After(int number) => Levels.FirstOrDefault(l => l.Number > number);

    internal abstract LevelOutcome Evaluate(ScoreSheet sheet);
}

/// <summary>A level's number (1 = lowest) and name.</summary>
public sealed record LevelDefinition(int Number, LocalizedText Name);

internal sealed record LevelOutcome(LevelReached Level, NextLevelGap? Gap, IReadOnlyList<StageScore> Stages);
