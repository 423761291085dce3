using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Demands;

/// <summary>The outcome of a demand, proposal or completion check: at most one bilingual error per field.</summary>
public sealed record DemandValidation(IReadOnlyDictionary<string, EnterpriseMessage> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
