using FactoryPath.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FactoryPath.Web.Accounts;

public sealed record TokenRequest(string? Email, string? Password);
public sealed record RegisterRequest(string? DisplayName, string? Email, string? Password);
public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? EnterpriseId, string? RegionCode);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        // Signs in with the bearer scheme: the bearer handler writes {tokenType, accessToken, expiresIn, refreshToken}.
        api.MapPost("/auth/token", async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> (
            TokenRequest request, SignInManager<PlatformUser> signIn, Security.LoginThrottle throttle, HttpContext http, UiText t) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = [t["validation.emailRequired"]];
            if (string.IsNullOrEmpty(request.Password)) errors["password"] = [t["validation.passwordRequired"]];
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            if (!throttle.TryAttempt(request.Email, out var wait))
            {
                http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(t.Format("security.throttled.detail", wait), statusCode: StatusCodes.Status429TooManyRequests, title: t["security.throttled.title"]);
            }

            signIn.AuthenticationScheme = AccountsSetup.ApiScheme;
            var result = await signIn.PasswordSignInAsync(request.Email!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return TypedResults.Empty;
            return TypedResults.Problem(
                result.IsLockedOut ? t["login.lockedOut"] : t["login.failed"],
                statusCode: result.IsLockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized);
        }).WithName("CreateToken").WithSummary("Exchange email and password for a bearer token")
          .RequireRateLimiting(Security.LoginRateLimiting.Policy).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/auth/register", async Task<Results<Created<MeResponse>, ValidationProblem>> (
            RegisterRequest request, UserManager<PlatformUser> users, UiText t) =>
        {
            var errors = AccountInput.Validate(request.DisplayName, request.Email, request.Password, t);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
            var (user, createErrors) = await AccountInput.CreateEnterpriseUserAsync(users, request.DisplayName!, request.Email!, request.Password!);
            if (user is null)
            {
                return TypedResults.ValidationProblem(createErrors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
            }
            return TypedResults.Created("/api/v1/me", new MeResponse(user.Id, user.Email!, user.DisplayName, [PlatformRoles.EnterpriseUser], null, null));
        }).WithName("Register").WithSummary("Create an enterprise user account")
          .RequireRateLimiting(Security.LoginRateLimiting.Policy).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> (HttpContext http, ViewerAccessor viewers, UserManager<PlatformUser> users) =>
        {
            var viewer = await viewers.GetAsync(http.User);
            if (viewer is null) return TypedResults.Unauthorized();
            var user = await users.FindByIdAsync(viewer.UserId);
            return TypedResults.Ok(new MeResponse(viewer.UserId, viewer.Email, user?.DisplayName ?? "", viewer.Roles.Order().ToList(), viewer.EnterpriseId, viewer.RegionCode));
        }).WithName("GetMe").WithSummary("The signed-in user, its roles, enterprise and region");
        return api;
    }
}
