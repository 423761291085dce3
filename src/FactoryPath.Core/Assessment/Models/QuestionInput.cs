namespace FactoryPath.Core.Assessment;

/// <summary>A raw figure the user enters for a question (a count, an amount, last year's consumption, ...).</summary>
public sealed record QuestionInput(string Id, LocalizedText Label, LocalizedText? Unit);

/// <summary>Points at an input: of the same question when <paramref name="QuestionId"/> is null, else of another question.</summary>
public sealed record InputReference(string? QuestionId, string InputId)
{
    public override string ToString() => QuestionId is null ? InputId : $"{QuestionId}.{InputId}";
}

/// <summary>How a band question computes its percentage from inputs: numerator / denominator x 100.</summary>
public sealed record BandRate(InputReference Numerator, InputReference Denominator);
