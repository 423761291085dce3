namespace FactoryPath.Core.Enterprises;

/// <summary>The outcome of <see cref="EnterpriseProfileValidator.Validate"/>.</summary>
/// <param name="Errors">At most one error per field, keyed by the names in <see cref="EnterpriseProfileFields"/>.</param>
/// <param name="NormalizedCreditCode">The credit code trimmed and upper-cased (also when it is not valid).</param>
/// <param name="SizeClass">Computed when employees and revenue are both valid, even if other fields are not.</param>
public sealed record EnterpriseProfileValidation(
    IReadOnlyDictionary<string, EnterpriseMessage> Errors,
    string NormalizedCreditCode,
    SizeClass? SizeClass)
{
    public bool IsValid => Errors.Count == 0;
}
