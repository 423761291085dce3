using FactoryPath.Web.Localization;
using Microsoft.AspNetCore.Identity;

namespace FactoryPath.Web.Accounts;

/// <summary>Identity's messages in the user's language (zh-CN or en).</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string zh, string en) => new() { Code = code, Description = UiText.Pick(zh, en) };

    public override IdentityError DuplicateEmail(string email) =>
        E(nameof(DuplicateEmail), $"邮箱 {email} 已注册，请直接登录。", $"The email {email} is already registered; please sign in.");
    public override IdentityError DuplicateUserName(string userName) =>
        E(nameof(DuplicateUserName), $"账号 {userName} 已存在。", $"The account {userName} already exists.");
    public override IdentityError InvalidEmail(string? email) =>
        E(nameof(InvalidEmail), $"邮箱格式不正确：{email}", $"This is not a valid email address: {email}");
    public override IdentityError InvalidUserName(string? userName) =>
        E(nameof(InvalidUserName), $"账号名不合法：{userName}", $"This account name is not allowed: {userName}");
    public override IdentityError PasswordTooShort(int length) =>
        E(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符。", $"The password needs at least {length} characters.");
    public override IdentityError PasswordRequiresDigit() =>
        E(nameof(PasswordRequiresDigit), "密码需要至少一个数字。", "The password needs at least one digit.");
    public override IdentityError PasswordRequiresLower() =>
        E(nameof(PasswordRequiresLower), "密码需要至少一个小写字母。", "The password needs at least one lower-case letter.");
    public override IdentityError PasswordRequiresUpper() =>
        E(nameof(PasswordRequiresUpper), "密码需要至少一个大写字母。", "The password needs at least one upper-case letter.");
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        E(nameof(PasswordRequiresNonAlphanumeric), "密码需要至少一个符号。", "The password needs at least one symbol.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), $"密码需要至少 {uniqueChars} 个不同的字符。", $"The password needs at least {uniqueChars} different characters.");
    public override IdentityError PasswordMismatch() =>
        E(nameof(PasswordMismatch), "密码不正确。", "The password is not correct.");
}
