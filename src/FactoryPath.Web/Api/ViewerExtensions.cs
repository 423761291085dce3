using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Api;

public static class ViewerExtensions
{
    /// <summary>The signed-in viewer; a token whose user was deleted counts as not signed in.</summary>
    public static async Task<Viewer?> ViewerAsync(this HttpContext http) =>
        await http.RequestServices.GetRequiredService<ViewerAccessor>().GetAsync(http.User, http.RequestAborted);
}
