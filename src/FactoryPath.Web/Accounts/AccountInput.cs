using System.Net.Mail;
using FactoryPath.Web.Localization;
using Microsoft.AspNetCore.Identity;

namespace FactoryPath.Web.Accounts;

/// <summary>Sign-up rules shared by the register page and the API.</summary>
public static class AccountInput
{
    public static Dictionary<string, string> Validate(string? displayName, string? email, string? password, UiText t)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(displayName)) errors["displayName"] = t["validation.displayNameRequired"];
        else if (displayName.Trim().Length > 100) errors["displayName"] = t["validation.displayNameTooLong"];
        if (string.IsNullOrWhiteSpace(email)) errors["email"] = t["validation.emailRequired"];
        else if (!IsEmail(email.Trim())) errors["email"] = t["validation.emailInvalid"];
        if (string.IsNullOrEmpty(password)) errors["password"] = t["validation.passwordRequired"];
        return errors;
    }

    public static bool IsEmail(string value) =>
        value.Length <= 256 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    /// <summary>Creates an account with the EnterpriseUser role; Identity's password policy applies.</summary>
    public static async Task<(PlatformUser? User, List<(string Field, string Message)> Errors)> CreateEnterpriseUserAsync(
        UserManager<PlatformUser> users, string displayName, string email, string password)
    {
        var user = new PlatformUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => (FieldOf(e.Code), e.Description)).ToList());
        }
        await users.AddToRoleAsync(user, PlatformRoles.EnterpriseUser);
        return (user, []);
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "email"
        : "form";
}
