using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>The agreement as the final report reads and moves it (see <see cref="IAgreementReports"/>).</summary>
internal sealed class AgreementReports(AgreementStore store, AgreementQueries queries, ExportBudget export, TimeProvider clock) : IAgreementReports
{
    public async Task<AgreementReportBasis?> GetBasisAsync(Guid agreementId, CancellationToken ct = default)
    {
        var details = await queries.GetAsync(agreementId, ct);
        if (details is null)
        {
            return null;
        }

        var a = details.Agreement;
        var s = details.Settlement;
        var milestones = a.Milestones.OrderBy(m => m.Number).ToList();
        return new AgreementReportBasis(
            a.Id, a.TenantId, a.FunderCountyId, a.Title, a.CouncilName, a.CouncilOrganisationNumber, Contact(a.CouncilContactName, a.CouncilContactEmail),
            a.CountyName, Contact(a.CountyContactName, a.CountyContactEmail), a.Purpose, a.SubGoals, a.PeriodStart, a.PeriodEnd, a.ReportDeadline,
            StageOf(a.Status), AgreementQueries.StatusText(a.Status), a.HourRate, a.DirectCostRule,
            new InvoiceMarkings(a.InvoiceText, a.OrderNumber, a.ProjectNumber), a.RequiredDocumentation,
            a.WorkingGroup.OrderBy(w => w.Number).Select(w => new WorkingGroupLine(w.Name, w.Role)).ToList(),
            Figures(s),
            details.Hours.OrderBy(h => h.Date).ThenBy(h => h.Person)
                .Select(h => new HourLine(h.Date, h.Person, h.Activity, h.Hours, SharedKernel.Money.Kroner.RoundToOre(h.Cost))).ToList(),
            details.Costs.OrderBy(c => c.Date).Select(c => new CostLine(c.Date, c.Supplier, c.Description, c.Amount, c.Voucher?.FileName, c.Id)).ToList(),
            details.Payments.Select(p => new PaymentLine(p.Date, milestones.FirstOrDefault(m => m.Id == p.MilestoneId)?.Name ?? "", p.Amount, p.Reference)).ToList(),
            milestones.Select(m => new MilestoneLine(m.Number, m.Name, m.SharePercent, AgreementQueries.TriggerText(m), m.Amount, AgreementQueries.MilestoneStateText(m.State))
            {
                NotYetPaid = m.FoldsIntoFinalSettlement,
            }).ToList(),
            details.HourRates)
        {
            AgreementStamp = a.ConcurrencyStamp,
        };
    }

    public Task<ExportFile?> ExportTimesheetAsync(Guid agreementId, CancellationToken ct = default) => export.HandleAsync(agreementId, excel: true, ct);

    public Task<Result?> MarkSubmittedAsync(Guid agreementId, int version, string basisStamp, AgreementActor by, CancellationToken ct = default) =>
        Move(agreementId, a =>
        {
            store.Db.Entry(a).Property(x => x.ConcurrencyStamp).OriginalValue = basisStamp;
            return a.SubmitFinalReport();
        }, by, Phrase.Of("Sluttrapporten (versjon {0}) er levert til fylket.", version), ct);

    public Task<Result?> MarkReturnedAsync(Guid agreementId, int version, AgreementActor by, CancellationToken ct = default) =>
        Move(agreementId, a => a.ReturnFinalReport(), by, Phrase.Of("Sluttrapporten (versjon {0}) er sendt tilbake til rådet med merknader.", version), ct);

    public async Task<Result<BudgetFigures>?> ApproveAsync(Guid agreementId, int version, AgreementActor by, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(agreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        var settlement = await store.SettlementAsync(agreement, ct);
        var approved = agreement.ApproveFinalReport(settlement, clock.GetUtcNow().UtcDateTime);
        if (!approved.Succeeded)
        {
            return Result<BudgetFigures>.Fail(approved.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await CloseRequestsOfFoldedPaymentsAsync(agreement, by.Name, now, ct);
        var final = settlement.Remainder;
        AgreementJournal.Record(store.Db, agreement, by.Name, now, final < 0
            ? Phrase.Of("Sluttrapporten (versjon {0}) er godkjent. Sluttoppgjør: krav om tilbakebetaling på {1}.", version, Norwegian.Kroner(-final))
            : Phrase.Of("Sluttrapporten (versjon {0}) er godkjent. Sluttoppgjør: {1} kan utbetales.", version, Norwegian.Kroner(final)));
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? Result<BudgetFigures>.Ok(Figures(settlement)) : Result<BudgetFigures>.Fail(saved.Errors);
    }

    public const string FoldedIntoFinalSettlement = "Sluttrapporten ble godkjent før utbetalingen var registrert. Beløpet inngår i sluttoppgjøret.";

    /// <summary>
    /// A payment not registered as paid at the approval is part of the final settlement now (see
    /// <see cref="Agreement.ApproveFinalReport"/>); a request for it that waits is answered so, and nobody approves it after.
    /// </summary>
    private async Task CloseRequestsOfFoldedPaymentsAsync(Agreement agreement, string by, DateTime now, CancellationToken ct)
    {
        var folded = agreement.Milestones.Where(m => m.State == MilestoneState.InFinalSettlement).ToList();
        var foldedIds = folded.Select(m => m.Id).ToList();
        var waiting = await store.Db.PaymentRequests
            .Where(r => r.AgreementId == agreement.Id && r.Status == PaymentRequestStatus.Sent && foldedIds.Contains(r.MilestoneId))
            .ToListAsync(ct);
        foreach (var request in waiting)
        {
            request.Return(FoldedIntoFinalSettlement, by, now);
        }

        foreach (var milestone in folded.OrderBy(m => m.Number))
        {
            AgreementJournal.Record(store.Db, agreement, by, now, Phrase.Of("«{0}» var ikke registrert som betalt og inngår i sluttoppgjøret.", milestone.Name));
        }
    }

    private async Task<Result?> Move(Guid agreementId, Func<Agreement, Result> step, AgreementActor by, Phrase journal, CancellationToken ct)
    {
        var agreement = await store.FindAsync(agreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        var moved = step(agreement);
        if (!moved.Succeeded)
        {
            return moved;
        }

        AgreementJournal.Record(store.Db, agreement, by.Name, clock.GetUtcNow().UtcDateTime, journal);
        return await store.SaveAsync(ct);
    }

    private static BudgetFigures Figures(Settlement s) =>
        new(s.HoursTotal, s.HourCost, s.DirectCosts, s.Spent, s.Frame, s.Remaining, s.PercentUsed, s.NotEligible, s.Eligible, s.Paid, s.Remainder);

    private static string Contact(string name, string email) =>
        string.IsNullOrWhiteSpace(email) ? name : string.IsNullOrWhiteSpace(name) ? email : $"{name} ({email})";

    private static AgreementReportStage StageOf(AgreementStatus status) => status switch
    {
        AgreementStatus.Signed => AgreementReportStage.InForce,
        AgreementStatus.FinalReportSubmitted => AgreementReportStage.ReportSubmitted,
        AgreementStatus.Approved => AgreementReportStage.ReportApproved,
        AgreementStatus.Settled => AgreementReportStage.Settled,
        AgreementStatus.Rescinded => AgreementReportStage.Rescinded,
        _ => AgreementReportStage.NotInForce,
    };
}
