namespace FactoryPath.Core.Assessment;

/// <summary>A problem in a model file, at a 1-based line and column.</summary>
public sealed record ModelError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
