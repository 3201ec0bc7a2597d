using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>A message moved aside after <see cref="InMemoryBackendOptions.MaxDeliveryCount"/> failed deliveries.</summary>
/// <param name="Message">The message, with its final dequeue count.</param>
/// <param name="Error">The last failure's text.</param>
/// <param name="PoisonedAt">When it was moved aside (UTC).</param>
public sealed record PoisonMessage(TaskMessage Message, string Error, DateTime PoisonedAt);
