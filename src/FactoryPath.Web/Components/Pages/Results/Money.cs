using System.Globalization;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Components.Pages.Results;

/// <summary>Amounts in yuan as people read them: 12.5万 in Chinese from ten thousand up, ¥125,000 in English.</summary>
public static class Money
{
    public static string Yuan(long cny) =>
        UiText.IsChinese() && Math.Abs(cny) >= 10_000
            ? $"¥{(cny / 10_000m).ToString("0.#", CultureInfo.InvariantCulture)}万"
            : $"¥{cny.ToString("N0", CultureInfo.InvariantCulture)}";
}
