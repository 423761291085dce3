namespace FactoryPath.Web.Matching;

public static class MatchingApi
{
    /// <summary>/api/v1/match: solutions and providers for a demand or a roadmap, with why each matched.</summary>
    public static RouteGroupBuilder MapMatchingApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
