using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>The outcome of a pool validator.</summary>
/// <param name="Errors">At most one error per field, keyed by the names in <see cref="PoolFields"/>.</param>
/// <param name="Value">The normalised values (trimmed text, upper-case codes, parsed names, lists without blanks or repeats); null unless valid.</param>
public sealed record PoolValidation<T>(IReadOnlyDictionary<string, EnterpriseMessage> Errors, T? Value)
    where T : class
{
    public bool IsValid => Value is not null;
}
