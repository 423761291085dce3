using FactoryPath.Core.Demands;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Demands;

/// <summary>Field errors of the demand checks in the reader's language, keyed as in JSON and forms.</summary>
public static class DemandErrorsText
{
    public static Dictionary<string, string[]> ToFields(DemandValidation check) =>
        check.Errors.ToDictionary(e => e.Key, e => new[] { UiText.Pick(e.Value.Zh, e.Value.En) });
}
