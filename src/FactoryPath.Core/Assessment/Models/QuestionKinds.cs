namespace FactoryPath.Core.Assessment;

/// <summary>The question kinds a model file may use (the value of <c>kind:</c>).</summary>
public static class QuestionKinds
{
    public const string Single = "single";
    public const string Multi = "multi";
    public const string Band = "band";
    public const string Trend = "trend";
    public const string Scene = "scene";
    public const string Rating = "rating";

    public static IReadOnlyList<string> All { get; } = [Single, Multi, Band, Trend, Scene, Rating];
}
