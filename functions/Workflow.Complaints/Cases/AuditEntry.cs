namespace Workflow.Complaints.Cases;

/// <summary>One staff read of a full customer record: who, when, why.</summary>
public sealed record AuditEntry(string CaseNumber, DateTimeOffset Time, string StaffUser, string Reason);
