namespace FactoryPath.Web.Api;

/// <summary>One page of a list: the items, where the page starts and how many there are in all.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Paging query parameters (?page=1&amp;pageSize=20), validated: page ≥ 1, 1 ≤ pageSize ≤ 100.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public static bool TryCreate(int? page, int? pageSize, out Paging paging, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var p = page ?? 1;
        var s = pageSize ?? DefaultSize;
        if (p < 1) errors["page"] = [Localization.UiText.Pick("页码必须大于等于 1。", "page must be 1 or more.")];
        if (s is < 1 or > MaxSize) errors["pageSize"] = [Localization.UiText.Pick($"每页条数必须在 1 到 {MaxSize} 之间。", $"pageSize must be between 1 and {MaxSize}.")];
        paging = new Paging(p, s);
        return errors.Count == 0;
    }
}
