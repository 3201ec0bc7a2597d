using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Intake;

/// <summary>An <see cref="ICaseOpener"/> that records the case in the <see cref="CaseStore"/> and starts nothing.</summary>
public sealed class StoreOnlyCaseOpener : ICaseOpener
{
    private readonly CaseStore _store;

    /// <summary>Creates the opener.</summary>
    public StoreOnlyCaseOpener(CaseStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc/>
    public async Task OpenAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        await _store.CreateAsync(newCase.ToCase(), newCase.ToCustomerRecord(), newCase.ToReceivedEntry(), cancellationToken);
    }
}
