using Microsoft.AspNetCore.Authentication;

namespace Workflow.Complaints.Auth;

/// <summary>Registers staff sign-in and the role policies.</summary>
public static class StaffAuthServiceCollectionExtensions
{
    /// <summary>Adds Basic authentication over the local users and the <see cref="StaffRoles"/> policies.</summary>
    public static IServiceCollection AddStaffAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalUserOptions>()
            .Bind(configuration.GetSection(LocalUserOptions.Section))
            .Validate(o => o.LocalUsers.All(u => u.Roles.All(StaffRoles.All.Contains)), "Auth:LocalUsers has an unknown role.")
            .Validate(o => o.LocalUsers.All(u => !string.IsNullOrWhiteSpace(u.Name) && !string.IsNullOrWhiteSpace(u.PasswordHash)), "Every local user needs a name and a password hash.")
            .ValidateOnStart();
        services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.StaffPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(StaffRoles.OperationsPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Operations, StaffRoles.Admin))
            .AddPolicy(StaffRoles.CaseHandlerPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.CaseHandlers));
        return services;
    }
}
