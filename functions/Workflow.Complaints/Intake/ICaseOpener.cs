namespace Workflow.Complaints.Intake;

/// <summary>
/// Opens a case once intake has accepted it and numbered it. The lifecycle implements it by
/// scheduling the case's orchestration; <see cref="StoreOnlyCaseOpener"/> only records the case.
/// Must be idempotent per case number: intake may call it again for a repeated submission whose
/// first attempt did not finish.
/// </summary>
public interface ICaseOpener
{
    /// <summary>Opens the case.</summary>
    Task OpenAsync(NewCase newCase, CancellationToken cancellationToken);
}
