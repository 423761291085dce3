namespace FactoryPath.Core.Assessment;

/// <summary>Thrown by <see cref="Scorer"/> when the answers are invalid or incomplete.</summary>
public sealed class InvalidAnswersException : Exception
{
    public InvalidAnswersException(IReadOnlyList<FieldError> errors)
        : base($"The answers cannot be scored: {errors.Count} problem(s), first: {errors.FirstOrDefault()}")
    {
        Errors = errors;
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
