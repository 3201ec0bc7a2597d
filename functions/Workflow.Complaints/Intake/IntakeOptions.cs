using System.ComponentModel.DataAnnotations;

namespace Workflow.Complaints.Intake;

/// <summary>Limits and settings of intake (section <c>Intake</c>); defaults are SPEC section 1's.</summary>
public sealed class IntakeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Intake";

    [Range(1, int.MaxValue)]
    public int CustomerNameMinLength { get; set; } = 1;

    [Range(1, int.MaxValue)]
    public int CustomerNameMaxLength { get; set; } = 50;

    [Range(1, int.MaxValue)]
    public int DescriptionMinLength { get; set; } = 10;

    [Range(1, int.MaxValue)]
    public int DescriptionMaxLength { get; set; } = 4000;

    /// <summary>Most evidence references one submission may carry.</summary>
    [Range(0, int.MaxValue)]
    public int MaxEvidence { get; set; } = 10;

    /// <summary>Longest evidence reference, optional text field, or idempotency key.</summary>
    [Range(1, int.MaxValue)]
    public int MaxShortFieldLength { get; set; } = 200;

    /// <summary>Longest URL-like evidence reference or location.</summary>
    [Range(1, int.MaxValue)]
    public int MaxLongFieldLength { get; set; } = 1000;

    /// <summary>ISO 3166 region used for national phone numbers.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "CN";

    /// <summary>Key of the HMAC used to index phone numbers (repeat detection). Set a secret one in production.</summary>
    [Required]
    [MinLength(16)]
    public string PhoneHashKey { get; set; } = "development-only-phone-hash-key";

    /// <summary>Largest accepted request body or queue message, in bytes.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Requests one client address may make per <see cref="RateLimitWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int RateLimitPermits { get; set; } = 30;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a repeat waits on a first submission still being opened before it takes over.</summary>
    public TimeSpan IdempotencyLease { get; set; } = TimeSpan.FromSeconds(30);

    [Required]
    public string QueueName { get; set; } = "complaints-intake";

    [Required]
    public string PoisonQueueName { get; set; } = "complaints-intake-poison";

    /// <summary>Pause between polls of an empty intake queue.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a received queue message stays invisible while it is processed.</summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries of a message that keeps failing (not invalid, just failing) before it is moved aside.</summary>
    [Range(1, 100)]
    public int QueueMaxDequeueCount { get; set; } = 5;

    /// <summary>Whether the queue listener runs in this host.</summary>
    public bool QueueListenerEnabled { get; set; } = true;
}
