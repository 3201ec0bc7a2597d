using System.ComponentModel.DataAnnotations;

namespace Workflow.Complaints.Auth;

/// <summary>
/// Staff accounts for running locally and for scripts, bound from <c>Auth:LocalUsers</c>. Passwords are
/// stored only as PBKDF2 hashes (<see cref="PasswordHash"/>); in Azure, Microsoft Entra ID replaces these.
/// </summary>
public sealed class LocalUserOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The accounts.</summary>
    public List<LocalUser> LocalUsers { get; init; } = [];
}

/// <summary>One local staff account.</summary>
public sealed class LocalUser
{
    /// <summary>The sign-in name.</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>The password hash in <see cref="PasswordHash"/>'s format.</summary>
    [Required]
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>The roles (see <see cref="StaffRoles"/>).</summary>
    public List<string> Roles { get; init; } = [];

    /// <summary>The department the account belongs to, for routing notifications.</summary>
    public string? Department { get; set; }
}
