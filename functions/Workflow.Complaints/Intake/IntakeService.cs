using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Intake;

/// <summary>
/// The intake procedure shared by HTTP and queue intake: validate, bind the idempotency key,
/// number the case and hand it to the <see cref="ICaseOpener"/>. Nothing is stored for a
/// refused submission.
/// </summary>
public sealed class IntakeService
{
    private readonly IntakeValidator _validator;
    private readonly IdempotencyStore _idempotency;
    private readonly CaseNumberAllocator _numbers;
    private readonly ICaseOpener _opener;
    private readonly PhoneNumberHash _phoneHash;
    private readonly TimeProvider _time;
    private readonly IntakeOptions _options;
    private readonly ILogger<IntakeService> _logger;

    /// <summary>Creates the service.</summary>
    public IntakeService(
        IntakeValidator validator,
        IdempotencyStore idempotency,
        CaseNumberAllocator numbers,
        ICaseOpener opener,
        PhoneNumberHash phoneHash,
        TimeProvider time,
        IOptions<IntakeOptions> options,
        ILogger<IntakeService> logger)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(idempotency);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(opener);
        ArgumentNullException.ThrowIfNull(phoneHash);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _validator = validator;
        _idempotency = idempotency;
        _numbers = numbers;
        _opener = opener;
        _phoneHash = phoneHash;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Validates and opens a submission read by <see cref="SubmissionReader"/> (with the reader's
    /// errors). The idempotency key is <paramref name="headerKey"/>, else the submission's field,
    /// else <paramref name="fallbackKey"/> (the queue message id, so a redelivery is a repeat).
    /// </summary>
    public async Task<IntakeOutcome> SubmitAsync(
        ComplaintSubmission? submission,
        FieldErrors readErrors,
        string source,
        string? headerKey,
        string? fallbackKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readErrors);
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (headerKey is not null)
        {
            if (TextRules.HasControlCharacter(headerKey, multiLine: false) || headerKey.Length > _options.MaxShortFieldLength)
            {
                readErrors.Add("idempotencyKey", "the Idempotency-Key header must be at most " + _options.MaxShortFieldLength + " printable characters");
            }
        }

        var validation = _validator.Validate(submission, readErrors);
        if (!validation.IsValid)
        {
            IntakeLogs.Refused(_logger, source, string.Join(",", validation.Errors.Keys));
            return IntakeOutcome.Refused(validation.Errors);
        }

        var valid = validation.Submission!;
        var key = headerKey ?? valid.IdempotencyKey ?? fallbackKey;
        var newCase = (string number, DateTimeOffset receivedAt) =>
            new NewCase(number, valid with { IdempotencyKey = key }, _phoneHash.Compute(valid.Phone!), receivedAt, source);
        if (key is null)
        {
            var number = (await _numbers.NextAsync(cancellationToken)).ToString();
            await _opener.OpenAsync(newCase(number, _time.GetUtcNow()), cancellationToken);
            IntakeLogs.Accepted(_logger, number, source, false);
            return IntakeOutcome.Accepted(number, isRepeat: false);
        }

        var claim = await _idempotency.ClaimAsync(key, Fingerprint(valid), async ct => (await _numbers.NextAsync(ct)).ToString(), cancellationToken);
        if (claim.Fingerprint != Fingerprint(valid))
        {
            var errors = new FieldErrors();
            errors.Add("idempotencyKey", "was already used for a different submission");
            IntakeLogs.Refused(_logger, source, "idempotencyKey");
            return IntakeOutcome.Refused(errors.ToDictionary());
        }

        var mustOpen = claim.IsNew
            || (!claim.IsOpened
                && _time.GetUtcNow() - claim.ClaimedAt >= _options.IdempotencyLease
                && await _idempotency.TakeOverAsync(claim, cancellationToken));
        if (mustOpen)
        {
            try
            {
                // The claim's time, so a take-over writes the same rows (timeline, phone index) as the first attempt.
                await _opener.OpenAsync(newCase(claim.CaseNumber, claim.ClaimedAt), cancellationToken);
            }
            catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or InvalidOperationException)
            {
                IntakeLogs.OpenFailed(_logger, ex, claim.CaseNumber);
                await _idempotency.ReleaseAsync(claim, CancellationToken.None);
                throw;
            }

            await _idempotency.MarkOpenedAsync(claim, cancellationToken);
        }

        IntakeLogs.Accepted(_logger, claim.CaseNumber, source, !claim.IsNew);
        return IntakeOutcome.Accepted(claim.CaseNumber, isRepeat: !claim.IsNew);
    }

    /// <summary>A hash of the normalised content, to tell a true repeat from a reused key.</summary>
    private static string Fingerprint(ComplaintSubmission valid)
    {
        var json = JsonSerializer.Serialize(valid with { IdempotencyKey = null });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
