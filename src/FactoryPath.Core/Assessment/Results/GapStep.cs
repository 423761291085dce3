namespace FactoryPath.Core.Assessment;

/// <summary>One concrete thing to do towards the next level.</summary>
/// <param name="Kind">What the step improves.</param>
/// <param name="NodeId">The question, scene or requirement concerned.</param>
/// <param name="Points">Points the step adds to the score (0 for scene and requirement steps).</param>
/// <param name="Effort">How many steps up the answer must move (options, bands, levels or grades).</param>
/// <param name="Text">What to do, worded for a business owner.</param>
public sealed record GapStep(GapStepKind Kind, string NodeId, LocalizedText NodeName, decimal Points, int Effort, LocalizedText Text);

[System.Text.Json.Serialization.JsonConverter(typeof(CamelCaseEnumConverter<GapStepKind>))]
public enum GapStepKind
{
    /// <summary>Improve a scored question's answer to gain points.</summary>
    Score,

    /// <summary>Raise a business scene to the target level.</summary>
    Scene,

    /// <summary>Raise a requirement's rating to the threshold.</summary>
    Requirement,
}
