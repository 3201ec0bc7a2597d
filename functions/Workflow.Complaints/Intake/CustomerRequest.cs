namespace Workflow.Complaints.Intake;

/// <summary>What the customer asks for: <c>{kind, amount?, currency?}</c> of the intake contract.</summary>
public sealed record CustomerRequest(string? Kind, decimal? Amount, string? Currency);
