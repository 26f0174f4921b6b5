using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Reporting.Domain;

namespace BioSirk.Portal.Reporting.Features;

/// <summary>A report with the county when the agreement is rescinded is withdrawn: it leaves the county's queue, with the reason.</summary>
internal sealed class WithdrawReportOnRescission(FinalReportStore store, TimeProvider clock) : IAgreementRescissionListener
{
    public async Task AgreementRescindedAsync(Guid agreementId, AgreementActor by, CancellationToken ct = default)
    {
        var report = await store.FindAsync(agreementId, ct);
        if (report is null || await store.PendingSubmissionAsync(report.Id, ct) is not { } pending)
        {
            return;
        }

        pending.Withdraw(by.Name, clock.GetUtcNow().UtcDateTime, ReportSubmission.RescindedWhilePending);
        report.Returned();
        await store.SaveAsync(ct);
    }
}
