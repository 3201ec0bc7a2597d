using Microsoft.AspNetCore.Routing;

namespace Workflow.Complaints.Intake;

/// <summary>
/// The route groups <see cref="IntakeEndpoints.MapIntake"/> mapped: the public intake routes and
/// the operations routes over the poison queue, to which the host adds authorization.
/// </summary>
public sealed record IntakeRoutes(RouteGroupBuilder Public, RouteGroupBuilder Operations);
