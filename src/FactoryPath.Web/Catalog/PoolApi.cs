namespace FactoryPath.Web.Catalog;

public static class PoolApi
{
    /// <summary>/api/v1/pool: service providers, solutions, demonstration cases and industrial chains.</summary>
    public static RouteGroupBuilder MapPoolApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
