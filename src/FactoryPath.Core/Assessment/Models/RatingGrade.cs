namespace FactoryPath.Core.Assessment;

/// <summary>A grade of the model's rating scale, e.g. "mostly met" = 0.8 of a requirement's points.</summary>
public sealed record RatingGrade(string Key, LocalizedText Label, decimal Fraction);
