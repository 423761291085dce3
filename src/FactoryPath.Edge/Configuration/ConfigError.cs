namespace FactoryPath.Edge.Configuration;

/// <summary>A problem in a configuration file, at a 1-based line and column.</summary>
public sealed record ConfigError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A configuration file that cannot be used, with every problem found in it.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception($"the configuration has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
