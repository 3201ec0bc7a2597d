namespace Workflow.Complaints.Sms;

/// <summary>One message the outbox sender "sent", as listed by <c>GET /api/outbox/sms</c>.</summary>
/// <param name="MessageId">The outbox's message id.</param>
/// <param name="CaseNumber">The case.</param>
/// <param name="Step">The step that sent it.</param>
/// <param name="To">The recipient, masked.</param>
/// <param name="Body">The text.</param>
/// <param name="Essential">Whether it was a service message.</param>
/// <param name="SentAt">When it was first sent.</param>
public sealed record SmsOutboxItem(string MessageId, string CaseNumber, string Step, string To, string Body, bool Essential, DateTimeOffset SentAt);
