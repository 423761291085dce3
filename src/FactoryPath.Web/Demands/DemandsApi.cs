namespace FactoryPath.Web.Demands;

public static class DemandsApi
{
    /// <summary>/api/v1/demands, /api/v1/inbox, /api/v1/proposals, /api/v1/projects.</summary>
    public static RouteGroupBuilder MapDemandsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
