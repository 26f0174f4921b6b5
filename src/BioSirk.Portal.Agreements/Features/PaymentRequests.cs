using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

public sealed record SendPaymentRequestCommand(Guid AgreementId, Guid MilestoneId, string? StatusText, Actor By)
{
    public IReadOnlyList<VoucherUpload> Attachments { get; init; } = [];
}

public sealed record DecidePaymentRequestCommand(Guid AgreementId, Guid RequestId, bool Approve, string? Comment, Actor By);

public sealed record ReversePaymentCommand(Guid AgreementId, Guid? PaymentId, string? Reason, Actor By);

public sealed record RegisterPaymentCommand(Guid AgreementId, Guid MilestoneId, DateOnly? Date, decimal? Amount, string? Reference, Actor By)
{
    /// <summary>The officer has seen that the amount is not the expected one and registers it anyway.</summary>
    public bool ConfirmsDeviation { get; init; }
}

/// <summary>
/// The money between the parties: the council requests a payable milestone, the county approves or returns the
/// request, and once approved registers the payment (negative for a repayment, which is not requested). The last payment after approval settles the agreement.
/// </summary>
public sealed class PaymentRequests(AgreementStore store, AgreementNotices notices, BioSirk.Portal.Platform.Contracts.IFileStore files, TimeProvider clock)
{
    /// <summary>How far ahead a payment may be dated: one ordered for the next payment run, not one merely planned.</summary>
    public const int MaxDaysAhead = 14;

    public const int MaxStatusLength = 3000;

    /// <summary>How many files a request may carry (each at most 10 MB): timesheets and documentation, not an archive.</summary>
    public const int MaxAttachments = 5;

    public const string TooManyAttachments = "Legg ved høyst 5 filer. Samle flere dokumenter i én PDF, og prøv igjen.";

    /// <summary>Said when the files together were more than <see cref="MaxAttachments"/> full-size files: they were not received.</summary>
    public const string AttachmentsTooLarge = "Vedleggene er for store til sammen. Legg ved høyst 5 filer på høyst 10 MB hver.";

    public async Task<Result?> SendAsync(SendPaymentRequestCommand c, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(c.AgreementId, ct);
        var milestone = agreement?.Milestones.FirstOrDefault(m => m.Id == c.MilestoneId);
        if (agreement is null || milestone is null)
        {
            return null;
        }

        if (agreement.Status == AgreementStatus.Rescinded)
        {
            return Result.Fail("", "Avtalen er hevet. Det kan ikke sendes flere utbetalingsanmodninger.");
        }

        if (milestone.State != MilestoneState.Payable)
        {
            return Result.Fail("", milestone.State == MilestoneState.Requested
                ? "Det er allerede sendt en anmodning for denne utbetalingen. Vent på svar fra fylket."
                : "Denne utbetalingen kan ikke anmodes nå.");
        }

        // Every mistake at once: the status and each file, so that the files are chosen again only once.
        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(c.StatusText), "StatusText", "Skriv en kort status for arbeidet så langt.")
            .WhenLongerThan(c.StatusText, MaxStatusLength, "StatusText", "Statusen")
            .When(c.Attachments.Count(a => a.Length > 0) > MaxAttachments, "Attachments", TooManyAttachments);
        var checkedFiles = new List<(VoucherUpload Upload, byte[] Content, string ContentType)>();
        foreach (var upload in c.Attachments.Where(a => a.Length > 0).Take(MaxAttachments))
        {
            var (content, contentType, error) = await Uploads.ReadVoucherAsync(upload, ct);
            if (error is not null)
            {
                errors.Add("Attachments", $"«{upload.FileName}»: {error}");
                continue;
            }

            checkedFiles.Add((upload, content!, contentType!));
        }

        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var settlement = await store.SettlementAsync(agreement, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var marking = InvoiceMarking(agreement);
        var request = new PaymentRequest(agreement, milestone, settlement.Spent, c.StatusText!, marking, c.By.Name, now);
        foreach (var (upload, content, contentType) in checkedFiles)
        {
            using var stream = new MemoryStream(content);
            var stored = await files.SaveAsync(stream, upload.FileName, contentType, ct);
            request.Attach(new Voucher(stored.FileId, stored.FileName, stored.ContentType, stored.Size, stored.Sha256));
        }

        store.Db.PaymentRequests.Add(request);
        milestone.MarkRequested();
        store.MoneyChanged(agreement); // a rescission or a final report's approval at the same moment conflicts with it
        AgreementJournal.Record(store.Db, agreement, c.By.Name, now,
            Phrase.Of("Utbetalingsanmodning sendt for «{0}»: {1}.", milestone.Name, Norwegian.Kroner(milestone.Amount ?? 0)));
        var sent = await SaveAndTellAsync(agreement, toCounty: true, $"Utbetalingsanmodning fra {agreement.CouncilName}",
            Phrase.Of("{0} ber om utbetaling av «{1}» ({2}) for «{3}». Godkjenn anmodningen eller send den tilbake på avtalens side.",
                agreement.CouncilName, milestone.Name, Norwegian.Kroner(milestone.Amount ?? 0), agreement.Title), ct);
        if (!sent.Succeeded)
        {
            foreach (var voucher in request.Attachments)
            {
                await files.DeleteAsync(voucher.FileId, ct); // a conflict: the request was not saved, so no row points to its files
            }
        }

        return sent;
    }

    public async Task<Result?> DecideAsync(DecidePaymentRequestCommand c, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(c.AgreementId, ct);
        var request = agreement is null ? null : await store.Db.PaymentRequests.FirstOrDefaultAsync(r => r.Id == c.RequestId && r.AgreementId == agreement.Id, ct);
        if (agreement is null || request is null)
        {
            return null;
        }

        if (request.Status != PaymentRequestStatus.Sent)
        {
            return Result.Fail("", "Anmodningen er allerede behandlet.");
        }

        if (c.Approve && agreement.Status == AgreementStatus.Rescinded)
        {
            return Result.Fail("", "Avtalen er hevet. En anmodning kan ikke godkjennes etter hevingen.");
        }

        if (!c.Approve && string.IsNullOrWhiteSpace(c.Comment))
        {
            return Result.Fail("Comment", "Skriv hva rådet må rette før anmodningen sendes på nytt.");
        }

        var milestone = agreement.Milestones.Single(m => m.Id == request.MilestoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (c.Approve)
        {
            request.Approve(c.By.Name, now);
            AgreementJournal.Record(store.Db, agreement, c.By.Name, now, Phrase.Of("Utbetalingsanmodningen for «{0}» er godkjent.", milestone.Name));
        }
        else
        {
            request.Return(c.Comment!.Trim(), c.By.Name, now);
            milestone.MarkReturned();
            AgreementJournal.Record(store.Db, agreement, c.By.Name, now, Phrase.Of("Utbetalingsanmodningen for «{0}» er sendt tilbake: {1}", milestone.Name, c.Comment.Trim()));
        }

        return c.Approve
            ? await SaveAndTellAsync(agreement, toCounty: false, "Utbetalingsanmodningen er godkjent",
                Phrase.Of("{0} har godkjent anmodningen om «{1}» for «{2}». Dere får beskjed når utbetalingen er registrert.",
                    agreement.CountyName, milestone.Name, agreement.Title), ct)
            : await SaveAndTellAsync(agreement, toCounty: false, "Utbetalingsanmodningen er sendt tilbake",
                Phrase.Of("{0} har sendt tilbake anmodningen om «{1}» for «{2}»: {3} Rett det fylket ber om, og send anmodningen på nytt på avtalens side.",
                    agreement.CountyName, milestone.Name, agreement.Title, c.Comment!.Trim()), ct);
    }

    /// <summary>
    /// A payment is registered on an approved request (or a repayment claim, which is never requested): registering it
    /// does not decide a request that waits, so nobody's name stands on an approval she did not give.
    /// </summary>
    public const string RequestNotApproved =
        "Utbetalingsanmodningen for denne utbetalingen venter på godkjenning. Godkjenn anmodningen (eller send den tilbake) før du registrerer betalingen.";

    public async Task<Result?> RegisterPaymentAsync(RegisterPaymentCommand c, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(c.AgreementId, ct);
        var milestone = agreement?.Milestones.FirstOrDefault(m => m.Id == c.MilestoneId);
        if (agreement is null || milestone is null)
        {
            return null;
        }

        var today = SharedKernel.Time.Oslo.Today(clock);
        var requests = await store.Db.PaymentRequests.Where(r => r.MilestoneId == milestone.Id).ToListAsync(ct);
        var errors = new Errors()
            .When(milestone.State is MilestoneState.Waiting, "", "Denne utbetalingen er ikke utløst ennå.")
            .When(milestone.State is MilestoneState.Paid, "", "Denne utbetalingen er allerede registrert som betalt.")
            .When(milestone.State is MilestoneState.InFinalSettlement, "", AgreementReports.FoldedIntoFinalSettlement)
            .When(milestone.State is MilestoneState.Payable && !milestone.AwaitsPayment, "",
                "Rådet har ikke sendt utbetalingsanmodning for denne utbetalingen ennå.")
            .When(milestone.AwaitsPayment && !milestone.IsReadyForPayment(requests), "", RequestNotApproved)
            .When(c.Date is null, "Date", "Skriv inn betalingsdatoen (dd.mm.åååå).")
            .When(c.Date is { } early && agreement.InForceSinceUtc is { } since && early < SharedKernel.Time.Oslo.DateOf(since), "Date",
                $"Betalingsdatoen kan ikke være før avtalen ble signert ({(agreement.InForceSinceUtc is { } inForce ? Norwegian.Date(SharedKernel.Time.Oslo.DateOf(inForce)) : "")}). Sjekk datoen.")
            .When(c.Date is { } late && late > today.AddDays(MaxDaysAhead), "Date",
                $"Betalingsdatoen kan ligge høyst {MaxDaysAhead} dager fram i tid (til {Norwegian.Date(today.AddDays(MaxDaysAhead))}). Registrer betalingen når den er sendt til utbetaling.")
            .When(c.Amount is null, "Amount", "Skriv inn beløpet. Et negativt beløp registrerer en tilbakebetaling.")
            .When(c.Amount == 0, "Amount", "Beløpet kan ikke være 0.")
            .When(c.Amount < 0 && milestone.Amount > 0, "Amount",
                $"Dette er en utbetaling til rådet på {Norwegian.Kroner(milestone.Amount ?? 0)}. Et negativt beløp (en tilbakebetaling) kan bare registreres når rådet skal betale tilbake.")
            .When(c.Amount > 0 && milestone.Amount < 0, "Amount",
                $"Rådet skal betale tilbake {Norwegian.Kroner(-(milestone.Amount ?? 0))}. En tilbakebetaling skrives med minus foran ({Norwegian.Amount(milestone.Amount ?? 0)}).")
            .When(c.Amount is { } a && !SharedKernel.Money.Kroner.HasWholeOre(a), "Amount", "Beløpet kan ha høyst to desimaler (hele øre).")
            .When(c.Amount is { } big && Math.Abs(big) > SharedKernel.Money.Kroner.MaxAmount, "Amount",
                "Beløpet er for stort (høyst kr 999 999 999,99). Sjekk at det er skrevet riktig.")
            .When(string.IsNullOrWhiteSpace(c.Reference), "Reference", "Skriv inn en referanse, for eksempel bilagsnummeret i økonomisystemet.")
            .WhenLongerThan(c.Reference, Payment.MaxReferenceLength, "Reference", "Referansen");
        if (!errors.Any && !c.ConfirmsDeviation && DeviationFromExpected(milestone, c.Amount!.Value) is { } deviation)
        {
            errors.Add(nameof(c.ConfirmsDeviation), deviation);
        }

        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        store.Db.Payments.Add(new Payment(agreement, milestone, c.Date!.Value, c.Amount!.Value, c.Reference!, c.By.Name, now));
        milestone.MarkPaid();
        AgreementJournal.Record(store.Db, agreement, c.By.Name, now, c.Amount < 0
            ? Phrase.Of("Tilbakebetaling registrert for «{0}»: {1}.", milestone.Name, Norwegian.Kroner(-c.Amount!.Value))
            : Phrase.Of("Utbetaling registrert for «{0}»: {1}.", milestone.Name, Norwegian.Kroner(c.Amount!.Value)));
        agreement.SettleIfComplete();
        if (agreement.Status == AgreementStatus.Settled)
        {
            AgreementJournal.Record(store.Db, agreement, c.By.Name, now, Phrase.Of("Sluttoppgjøret er gjort. Avtalen er utløpt."));
        }

        var paid = c.Amount < 0
            ? Phrase.Of("{0} har registrert tilbakebetalingen av {1} for «{2}» («{3}»).", agreement.CountyName, Norwegian.Kroner(-c.Amount!.Value), milestone.Name, agreement.Title)
            : Phrase.Of("{0} har registrert utbetaling av {1} for «{2}» («{3}»).", agreement.CountyName, Norwegian.Kroner(c.Amount!.Value), milestone.Name, agreement.Title);
        return await SaveAndTellAsync(agreement, toCounty: false, c.Amount < 0 ? "Tilbakebetaling registrert" : "Utbetaling registrert",
            agreement.Status == AgreementStatus.Settled ? Phrase.Join([paid, Phrase.Of("Sluttoppgjøret er gjort.")]) : paid, ct);
    }

    /// <summary>
    /// Takes back a payment registered by mistake (a wrong amount, date or reference): the milestone waits for its payment
    /// again, a settled agreement is no longer settled, and the history and audit log keep what was reversed and why.
    /// </summary>
    public async Task<Result?> ReversePaymentAsync(ReversePaymentCommand c, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(c.AgreementId, ct);
        if (agreement is not null && c.PaymentId is null)
        {
            return Result.Fail("PaymentId", "Velg betalingen som skal reverseres.");
        }

        var payment = agreement is null ? null : await store.Db.Payments.FirstOrDefaultAsync(p => p.Id == c.PaymentId && p.AgreementId == c.AgreementId, ct);
        var milestone = agreement?.Milestones.FirstOrDefault(m => m.Id == payment?.MilestoneId);
        if (agreement is null)
        {
            return null; // not an agreement seen here: another council's or county's id says nothing
        }

        if (payment is null || milestone is null)
        {
            // Reversed already, most likely from another tab; any id that is not one of this agreement's payments reads the same.
            return Result.Fail("", "Betalingen er allerede reversert, eller finnes ikke lenger. Siden viser betalingene slik de er nå.");
        }

        var errors = new Errors()
            .When(agreement.Status == AgreementStatus.Rescinded, "", "Avtalen er hevet; betalingene står slik de var.")
            .When(string.IsNullOrWhiteSpace(c.Reason), "Reason", "Skriv hvorfor betalingen reverseres, for eksempel «feil beløp».")
            .WhenLongerThan(c.Reason, 500, "Reason", "Begrunnelsen");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var wasSettled = agreement.Status == AgreementStatus.Settled;
        store.Db.Payments.Remove(payment);
        milestone.ReopenForPayment();
        agreement.Unsettle();
        store.MoneyChanged(agreement); // a rescission or a final report's approval at the same moment conflicts with it
        AgreementJournal.Record(store.Db, agreement, c.By.Name, now,
            Phrase.Of("Betalingen for «{0}» ({1}, {2}, ref. {3}) er reversert: {4}",
                milestone.Name, Norwegian.Kroner(payment.Amount), Norwegian.Date(payment.Date), payment.Reference, c.Reason!.Trim()));
        if (wasSettled)
        {
            AgreementJournal.Record(store.Db, agreement, c.By.Name, now,
                Phrase.Of("Avtalen var avsluttet og er åpnet igjen: «{0}» venter på betaling.", milestone.Name));
        }

        return await store.SaveAsync(ct);
    }

    /// <summary>
    /// Why an amount other than the milestone's needs a second look: a payment registered the wrong way round, or a typo
    /// in the amount, would otherwise settle the agreement on a wrong sum.
    /// </summary>
    private static string? DeviationFromExpected(PaymentMilestone milestone, decimal amount)
    {
        var expected = milestone.Amount ?? 0;
        if (amount == expected)
        {
            return null;
        }

        var fixIt = "Rett beløpet, eller kryss av her hvis det stemmer likevel.";
        return $"Du skrev {Norwegian.Kroner(amount)}, men forventet beløp er {Norwegian.Kroner(expected)}. {fixIt}";
    }

    public static string InvoiceMarking(Agreement agreement) =>
        $"«{agreement.InvoiceText}», bestillernummer {agreement.OrderNumber}, prosjektnummer {agreement.ProjectNumber}";

    /// <summary>Saves, and once saved tells the other party what now waits for it.</summary>
    private async Task<Result> SaveAndTellAsync(Agreement agreement, bool toCounty, string subject, Phrase text, CancellationToken ct)
    {
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            await (toCounty ? notices.ToCountyAsync(agreement, subject, text, ct) : notices.ToCouncilAsync(agreement, subject, text, ct));
        }

        return saved;
    }
}
