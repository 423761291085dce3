using System.Globalization;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>Collects field errors for one record and normalises values as it checks them; the first error of a field wins.</summary>
internal sealed class PoolChecks
{
    private readonly Dictionary<string, EnterpriseMessage> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, EnterpriseMessage> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(string key, EnterpriseMessage error) => _errors.TryAdd(key, error);

    /// <summary>Trimmed text; an error when missing (if required) or longer than <paramref name="max"/> characters as people count them.</summary>
    public string Text(string key, string? value, int max, bool required, string? labelField = null)
    {
        var field = labelField ?? key;
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                Add(key, PoolErrors.RequiredError(field));
            }

            return "";
        }

        // A CJK extension character outside the BMP is one character, not two UTF-16 units.
        var length = trimmed.EnumerateRunes().Count();
        if (length > max)
        {
            Add(key, PoolErrors.TooLongError(field, max, length));
        }

        return trimmed;
    }

    /// <summary>The items trimmed, blanks dropped, repeats (by <paramref name="normalise"/>) kept once, in their first order.</summary>
    public static List<string> Distinct(IEnumerable<string?>? items, Func<string, string>? normalise = null)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                continue;
            }

            var value = normalise is null ? item.Trim() : normalise(item.Trim());
            if (seen.Add(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    public List<string> Industries(string key, IEnumerable<string?>? codes)
    {
        var list = Distinct(codes, c => c.ToUpperInvariant());
        if (list.FirstOrDefault(c => !IndustryCatalog.IsDivision(c)) is { } bad)
        {
            Add(key, PoolErrors.IndustryUnknown(key, bad));
        }

        return list;
    }

    public List<string> Regions(string key, IEnumerable<string?>? codes)
    {
        var list = Distinct(codes);
        if (list.FirstOrDefault(c => !RegionCatalog.IsValidCode(c)) is { } bad)
        {
            Add(key, PoolErrors.RegionUnknown(key, bad));
        }

        return list;
    }

    public string Industry(string key, string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant() ?? "";
        if (trimmed.Length == 0)
        {
            Add(key, PoolErrors.RequiredError(key));
        }
        else if (!IndustryCatalog.IsDivision(trimmed))
        {
            Add(key, PoolErrors.IndustryUnknown(key, trimmed));
        }

        return trimmed;
    }

    public string Region(string key, string? code)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(key, PoolErrors.RequiredError(key));
        }
        else if (!RegionCatalog.IsValidCode(trimmed))
        {
            Add(key, PoolErrors.RegionUnknown(key, trimmed));
        }

        return trimmed;
    }

    public List<string> Scenarios(string key, IEnumerable<string?>? ids, ScenarioLibrary library, bool required)
    {
        var list = Distinct(ids);
        if (required && list.Count == 0)
        {
            Add(key, PoolErrors.RequiredError(PoolFields.Scenarios));
        }
        else if (list.FirstOrDefault(id => library.Find(id) is null) is { } bad)
        {
            Add(key, PoolErrors.ScenarioUnknown(bad));
        }

        return list;
    }

    public int? IntInRange(string key, int? value, int min, int max)
    {
        if (value is null)
        {
            Add(key, PoolErrors.RequiredError(key));
            return null;
        }

        if (value < min || value > max)
        {
            Add(key, PoolErrors.OutOfRangeError(key, Show(min), Show(max), Show(value.Value)));
            return null;
        }

        return value;
    }

    public static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Show(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
