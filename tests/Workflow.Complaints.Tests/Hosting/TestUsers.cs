using Microsoft.AspNetCore.Hosting;
using Workflow.Complaints.Auth;

namespace Workflow.Complaints.Tests.Hosting;

/// <summary>
/// Local users added to the development ones for tests: a signed-in user without any role, a risk/PR
/// reviewer and a department head. Indexes far above the configured users append them to the list.
/// </summary>
internal static class TestUsers
{
    public const string Password = "test-password";

    private static readonly Lazy<string> Hash = new(() => PasswordHash.Create(Password));

    private static readonly (string Name, string[] Roles)[] Users =
    [
        ("visitor", []),
        ("risk", [StaffRoles.RiskPr]),
        ("head", [StaffRoles.DepartmentHead]),
    ];

    public static IWebHostBuilder UseTestUsers(this IWebHostBuilder builder)
    {
        for (var i = 0; i < Users.Length; i++)
        {
            var key = $"Auth:LocalUsers:{90 + i}";
            builder.UseSetting($"{key}:Name", Users[i].Name);
            builder.UseSetting($"{key}:PasswordHash", Hash.Value);
            for (var r = 0; r < Users[i].Roles.Length; r++)
            {
                builder.UseSetting($"{key}:Roles:{r}", Users[i].Roles[r]);
            }
        }

        return builder;
    }
}
