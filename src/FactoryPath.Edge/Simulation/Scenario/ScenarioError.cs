namespace FactoryPath.Edge.Simulation.Scenario;

/// <summary>One problem in a scenario file, at a 1-based line and column.</summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A scenario file that cannot be used; <see cref="Exception.Message"/> lists every error as file:line:column.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
