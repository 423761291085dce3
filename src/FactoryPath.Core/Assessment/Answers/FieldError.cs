namespace FactoryPath.Core.Assessment;

/// <summary>A problem with one answer; <paramref name="InputId"/> names the raw input concerned, if any.</summary>
public sealed record FieldError(string QuestionId, string? InputId, LocalizedText Message)
{
    public override string ToString() => InputId is null ? $"{QuestionId}: {Message.En}" : $"{QuestionId}.{InputId}: {Message.En}";
}
