using FactoryPath.Web.Api;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Accounts;

public static class UsersApi
{
    /// <summary>/api/v1/admin/users: the platform operator lists and creates accounts (other roles: 403).</summary>
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/users").WithTags("accounts").RequireAuthorization(Policies.ApiPlatformAdmin);

        group.MapGet("/", async (HttpContext http, UserAdminService service, int? page, int? pageSize, string? search, string? role) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var outcome = await service.ListAsync(viewer, search, role, paging, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem();
        }).WithName("ListUsers").WithSummary("Accounts, paged (platform operator only)").Produces<PagedList<UserSummary>>();

        group.MapPost("/", async (HttpContext http, UserAdminService service, NewUserRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.CreateAsync(viewer, request, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Created($"/api/v1/admin/users/{outcome.Value!.Id}", outcome.Value) : outcome.ToProblem();
        }).WithName("CreateUser").WithSummary("Create an account with a role; a regional admin needs its region code, a service provider its provider id (platform operator only)")
          .Produces<UserSummary>(StatusCodes.Status201Created).ProducesValidationProblem();
        return api;
    }
}
