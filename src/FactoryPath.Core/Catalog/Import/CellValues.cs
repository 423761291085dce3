using System.Globalization;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Core.Catalog.Import;

/// <summary>
/// Turns cell text into numbers and yes/no values before a record is validated. A cell that is not a number is an
/// error of its own (a validator only sees a missing value), so the user learns what was wrong with the text.
/// </summary>
public static class CellValues
{
    private static readonly string[] Yes = ["是", "y", "yes", "true", "1", "√", "✓"];
    private static readonly string[] No = ["否", "n", "no", "false", "0", ""];

    public static bool TryInt(string cell, out int? value, out EnterpriseMessage? error)
    {
        value = null;
        error = null;
        if (cell.Length == 0) return true;
        if (TryDecimal(cell, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }

        error = NotWholeNumber(cell);
        return false;
    }

    public static bool TryLong(string cell, out long? value, out EnterpriseMessage? error)
    {
        value = null;
        error = null;
        if (cell.Length == 0) return true;
        if (TryDecimal(cell, out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        error = NotWholeNumber(cell);
        return false;
    }

    public static bool TryDouble(string cell, out double? value, out EnterpriseMessage? error)
    {
        value = null;
        error = null;
        if (cell.Length == 0) return true;
        if (TryDecimal(cell.TrimEnd('%', '％'), out var d))
        {
            value = (double)d;
            return true;
        }

        error = new EnterpriseMessage("cell.notNumber", $"'{cell}' 不是数字", $"'{cell}' is not a number");
        return false;
    }

    /// <summary>是/否, yes/no, true/false, 1/0; an empty cell is no.</summary>
    public static bool TryBool(string cell, out bool value, out EnterpriseMessage? error)
    {
        var t = cell.Trim().ToLowerInvariant();
        error = null;
        value = Yes.Contains(t);
        if (value || No.Contains(t)) return true;
        error = new EnterpriseMessage("cell.notYesNo", $"'{cell}' 不是“是”或“否”", $"'{cell}' is not yes or no (是/否)");
        return false;
    }

    public static string Show(bool value, bool chinese) => chinese ? (value ? "是" : "否") : (value ? "yes" : "no");

    public static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Show(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    // thousands separators (1,200,000) and full-width digits typed with Chinese input methods are accepted
    private static bool TryDecimal(string cell, out decimal value) =>
        decimal.TryParse(TextEncodings.HalfWidth(cell).Replace(",", "", StringComparison.Ordinal).Trim(),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);

    private static EnterpriseMessage NotWholeNumber(string cell) =>
        new("cell.notWholeNumber", $"'{cell}' 不是整数", $"'{cell}' is not a whole number");
}
