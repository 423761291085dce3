namespace FactoryPath.Core.Assessment;

/// <summary>
/// The answer to one question (or, with <see cref="NotApplicable"/>, to a group that may be skipped).
/// Which fields count depends on the question kind: single, trend and rating use <see cref="Option"/>;
/// multi uses <see cref="Options"/>; band uses <see cref="Values"/> (or <see cref="Option"/> where direct choice is allowed);
/// scene uses <see cref="Level"/>.
/// </summary>
public sealed record Answer
{
    public string? Option { get; init; }

    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Raw figures by input id.</summary>
    public IReadOnlyDictionary<string, decimal>? Values { get; init; }

    public int? Level { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotApplicable { get; init; }

    public string? Note { get; init; }
}
