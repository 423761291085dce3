namespace FactoryPath.Core.Assessment;

/// <summary>An option of a single- or multi-choice question.</summary>
/// <param name="Exclusive">True for a "none of these" option that cannot be combined with others.</param>
public sealed record ChoiceOption(string Key, LocalizedText Label, decimal Points, bool Exclusive, LocalizedText? Help);
