using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Money;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.SharedKernel.Validation;

namespace BioSirk.Portal.Agreements.Domain;

public enum Party
{
    Council = 1,
    County = 2,
}

/// <summary>Who signed for a party, and when.</summary>
public sealed record Signature(Guid UserId, string Name, DateTime AtUtc);

/// <summary>
/// A Missions agreement between a county (the funder) and a council. Drafted, signed by both parties (then locked:
/// a change is an amendment with a new version), paid by milestones, settled. It cannot be terminated, only
/// rescinded after a breach notice whose remedy deadline has passed.
/// </summary>
public sealed class Agreement : ICountyFunded, IAudited, IConcurrencyAware
{
    private readonly List<PaymentMilestone> milestones = [];
    private readonly List<WorkingGroupMember> workingGroup = [];
    private readonly List<BreachNotice> breachNotices = [];
    private readonly List<HourRateChange> hourRateChanges = [];

    private Agreement()
    {
    }

    public Agreement(Guid tenantId, Guid funderCountyId, string councilName, string countyName, AgreementTerms terms)
    {
        TenantId = tenantId;
        FunderCountyId = funderCountyId;
        CouncilName = councilName;
        CountyName = countyName;
        Apply(terms);
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public string CouncilName { get; private set; } = string.Empty;

    public string CountyName { get; private set; } = string.Empty;

    public AgreementStatus Status { get; private set; } = AgreementStatus.Draft;

    /// <summary>The county sent the last delivered final report back: the council corrects it and delivers again.</summary>
    public bool FinalReportReturned { get; private set; }

    /// <summary>1 when signed; each amendment adds one. 0 while a draft.</summary>
    public int Version { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Purpose { get; private set; } = string.Empty;

    public string SubGoals { get; private set; } = string.Empty;

    public string CountyContactName { get; private set; } = string.Empty;

    public string CountyContactEmail { get; private set; } = string.Empty;

    public string CouncilOrganisationNumber { get; private set; } = string.Empty;

    public string CouncilContactName { get; private set; } = string.Empty;

    public string CouncilContactEmail { get; private set; } = string.Empty;

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public DateOnly ActivitiesDeadline { get; private set; }

    public DateOnly ReportDeadline { get; private set; }

    public decimal FrameAmount { get; private set; }

    /// <summary>The hour rate in force now. Hours are priced at the rate of their own day: see <see cref="RateOn"/>.</summary>
    public decimal HourRate { get; private set; }

    /// <summary>The amendments that changed the hour rate, each from the day it was accepted.</summary>
    public IReadOnlyList<HourRateChange> HourRateChanges => hourRateChanges;

    public string DirectCostRule { get; private set; } = string.Empty;

    public string InvoiceText { get; private set; } = string.Empty;

    public string OrderNumber { get; private set; } = string.Empty;

    public string ProjectNumber { get; private set; } = string.Empty;

    public string RequiredDocumentation { get; private set; } = string.Empty;

    public string Terms { get; private set; } = string.Empty;

    public Signature? CouncilSignature { get; private set; }

    public Signature? CountySignature { get; private set; }

    /// <summary>An amendment one party has proposed and the other has not yet answered.</summary>
    public AmendmentProposal? PendingAmendment { get; private set; }

    /// <summary>At most one standing notice per party: each may find the other in breach, and each notice gives its giver the right to rescind.</summary>
    public IReadOnlyList<BreachNotice> BreachNotices => breachNotices;

    public DateTime? RescindedAtUtc { get; private set; }

    /// <summary>
    /// The hour rate of hours worked on <paramref name="date"/>: the rate before the first change that came after that
    /// day, or the rate in force. A rate agreed in an amendment does not reprice the work done before it.
    /// </summary>
    public decimal RateOn(DateOnly date) =>
        hourRateChanges.Where(c => c.From > date).MinBy(c => c.From)?.PreviousRate ?? HourRate;

    /// <summary>The rates of the period, each with the days it covers, in order: one when the rate never changed.</summary>
    public IReadOnlyList<HourRatePeriod> HourRatePeriods()
    {
        var changes = hourRateChanges.OrderBy(c => c.From).ToList();
        var periods = new List<HourRatePeriod>();
        var from = PeriodStart;
        foreach (var change in changes.Where(c => c.From > PeriodStart))
        {
            periods.Add(new HourRatePeriod(from, change.From.AddDays(-1), change.PreviousRate));
            from = change.From;
        }

        periods.Add(new HourRatePeriod(from, null, HourRate));
        return periods;
    }

    /// <summary>The party's name as the agreement states it: the county's or the council's.</summary>
    public string NameOf(Party party) => party == Party.County ? CountyName : CouncilName;

    /// <summary>When the last of the two signatures was given: the day the agreement came into force (UTC).</summary>
    public DateTime? InForceSinceUtc => CouncilSignature is { } council && CountySignature is { } county
        ? (council.AtUtc > county.AtUtc ? council.AtUtc : county.AtUtc)
        : null;

    public IReadOnlyList<PaymentMilestone> Milestones => milestones;

    public IReadOnlyList<WorkingGroupMember> WorkingGroup => workingGroup;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool IsLocked => Status != AgreementStatus.Draft;

    /// <summary>The county has approved the final report (and perhaps settled): what it reported, its indicators too, is final.</summary>
    public bool IsReportApproved => Status is AgreementStatus.Approved or AgreementStatus.Settled;

    public AgreementTerms ToTerms() => new()
    {
        Title = Title,
        Purpose = Purpose,
        SubGoals = SubGoals,
        CountyContactName = CountyContactName,
        CountyContactEmail = CountyContactEmail,
        CouncilOrganisationNumber = CouncilOrganisationNumber,
        CouncilContactName = CouncilContactName,
        CouncilContactEmail = CouncilContactEmail,
        PeriodStart = PeriodStart,
        PeriodEnd = PeriodEnd,
        ActivitiesDeadline = ActivitiesDeadline,
        ReportDeadline = ReportDeadline,
        FrameAmount = FrameAmount,
        HourRate = HourRate,
        DirectCostRule = DirectCostRule,
        InvoiceText = InvoiceText,
        OrderNumber = OrderNumber,
        ProjectNumber = ProjectNumber,
        RequiredDocumentation = RequiredDocumentation,
        Terms = Terms,
        Milestones = milestones.OrderBy(m => m.Number).Select(m => new MilestoneTerms(m.Name, m.SharePercent, m.Trigger, m.DueDate)).ToList(),
        WorkingGroup = workingGroup.OrderBy(w => w.Number).Select(w => new WorkingGroupMemberTerms(w.Name, w.Role)).ToList(),
    };

    /// <summary>Edits a draft. Any signature given to the earlier text is withdrawn: it was given to other terms.</summary>
    public Result EditDraft(AgreementTerms terms)
    {
        if (IsLocked)
        {
            return Result.Fail("", "Avtalen er signert og kan ikke endres direkte. Lag et tillegg (endring med begrunnelse) i stedet.");
        }

        var errors = AgreementRules.Validate(terms);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Apply(terms);
        CouncilSignature = null;
        CountySignature = null;
        return Result.Ok();
    }

    /// <summary>
    /// Signs for one party; when both have signed, the agreement is in force, and the milestones due at signing, or on a
    /// date that has come, are payable (the nightly job makes the later dated ones payable on their day).
    /// </summary>
    public Result Sign(Party party, Guid userId, string name, DateTime nowUtc, DateOnly today)
    {
        if (Status != AgreementStatus.Draft)
        {
            return Result.Fail("", "Avtalen er allerede signert av begge parter.");
        }

        if ((party == Party.Council ? CouncilSignature : CountySignature) is not null)
        {
            return Result.Fail("", "Dere har allerede signert. Avtalen venter på den andre parten.");
        }

        if (today > PeriodEnd)
        {
            return Result.Fail("", $"Avtaleperioden sluttet {SharedKernel.Formatting.Norwegian.Date(PeriodEnd)}. Endre perioden i utkastet før dere signerer.");
        }

        var errors = AgreementRules.Validate(ToTerms());
        if (errors.Count > 0)
        {
            return Result.Fail("", "Utkastet er ikke komplett. Rett feilene i utkastet før dere signerer.");
        }

        var signature = new Signature(userId, name, nowUtc);
        if (party == Party.Council)
        {
            CouncilSignature = signature;
        }
        else
        {
            CountySignature = signature;
        }

        if (CouncilSignature is not null && CountySignature is not null)
        {
            Status = AgreementStatus.Signed;
            Version = 1;
            foreach (var milestone in milestones.Where(m => m.Trigger == MilestoneTrigger.AtSigning || (m.Trigger == MilestoneTrigger.OnDate && m.DueDate <= today)))
            {
                milestone.MakePayable(ShareOfFrame(milestone), nowUtc);
            }
        }

        return Result.Ok();
    }

    /// <summary>
    /// The milestone's amount as the agreement plans it: its share of the frame. The final payment (settled against the
    /// spending in the end) is planned as what the frame leaves after the other payments: one already made counts with
    /// what was really paid (a short payment leaves more for the final one, a larger one less), one fixed and not yet
    /// paid with its amount (after an amendment changed the frame it keeps it), and one not yet due with its share.
    /// </summary>
    /// <param name="payments">The agreement's registered payments.</param>
    public decimal PlannedAmount(PaymentMilestone milestone, IReadOnlyCollection<Payment> payments) =>
        milestone.Trigger == MilestoneTrigger.FinalReportApproved && milestone.Amount is null
            && milestones.Count(m => m.Trigger == MilestoneTrigger.FinalReportApproved) == 1
            ? FrameAmount - milestones.Where(m => m != milestone)
                .Sum(m => m.State == MilestoneState.Paid ? m.PaidIn(payments) : m.Amount ?? ShareOfFrame(m))
            : ShareOfFrame(milestone);

    /// <summary>
    /// The payments due on a date that has come, in force, become payable with their share of the frame: the nightly
    /// job's work, and an amendment's that adds one on a date already passed. Returns them.
    /// </summary>
    public IReadOnlyList<PaymentMilestone> MakeDatedPaymentsDue(DateOnly today, DateTime nowUtc)
    {
        if (Status is not (AgreementStatus.Signed or AgreementStatus.FinalReportSubmitted))
        {
            return [];
        }

        var due = milestones.Where(m => m.Trigger == MilestoneTrigger.OnDate && m.State == MilestoneState.Waiting && m.DueDate <= today)
            .OrderBy(m => m.Number).ToList();
        foreach (var milestone in due)
        {
            milestone.MakePayable(ShareOfFrame(milestone), nowUtc);
        }

        return due;
    }

    /// <summary>The milestone's share of the frame, rounded to whole øre: the amount a milestone due at signing or on a date is paid with.</summary>
    public decimal ShareOfFrame(PaymentMilestone milestone) => Kroner.RoundToOre(FrameAmount * milestone.SharePercent / 100m);

    public bool HasSigned(Party party) => (party == Party.Council ? CouncilSignature : CountySignature) is not null;

    public const string ReasonMissing = "Skriv begrunnelsen for endringen.";

    /// <summary>
    /// One party proposes an amendment (tillegg) to the signed agreement; it takes effect only when the other party
    /// accepts it (<see cref="AcceptAmendment"/>). A new proposal from the same party replaces its earlier one.
    /// </summary>
    public Result ProposeAmendment(AgreementTerms terms, string? reason, Party by, string termsJson, Guid userId, string name, DateTime nowUtc)
    {
        var refusal = AmendmentRefusal(terms, reason, by);
        if (!refusal.Succeeded)
        {
            return refusal;
        }

        PendingAmendment = new AmendmentProposal(Guid.NewGuid(), by, termsJson, reason!.Trim(), userId, name, nowUtc);
        return Result.Ok();
    }

    /// <summary>
    /// What <see cref="ProposeAmendment"/> would refuse, without changing anything: a caller with refusals of its own
    /// (the money already registered) asks this first, so that a refused proposal never stands on the entity, where the
    /// page shown again would read it as sent.
    /// </summary>
    public Result AmendmentRefusal(AgreementTerms terms, string? reason, Party by)
    {
        if (Status is not (AgreementStatus.Signed or AgreementStatus.FinalReportSubmitted))
        {
            return Result.Fail("", Status == AgreementStatus.Draft
                ? "Et utkast endres direkte; tillegg gjelder signerte avtaler."
                : "Avtalen er avsluttet og kan ikke endres.");
        }

        if (PendingAmendment is { } pending && pending.By != by)
        {
            return Result.Fail("", "Den andre parten har foreslått et tillegg som venter på deres svar. Godta eller avvis det før dere foreslår et nytt.");
        }

        var errors = new List<FieldError>(AgreementRules.Validate(terms));
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new FieldError("Reason", ReasonMissing));
        }

        errors.AddRange(ChangesToTriggeredMilestones(terms));
        return errors.Count > 0 ? Result.Fail(errors) : Result.Ok();
    }

    /// <summary>
    /// The other party accepts the proposal it read (<paramref name="proposalId"/>): the terms change and the agreement
    /// gets a new version. The rules are checked again: a payment may have fallen due since the proposal was made.
    /// </summary>
    /// <remarks>A new hour rate applies to hours from <paramref name="today"/> on; the hours before keep the rate of their day.</remarks>
    public Result AcceptAmendment(Party by, Guid proposalId, AgreementTerms terms, DateOnly today)
    {
        if (AnswerableProposal(by, proposalId) is { } refusal)
        {
            return refusal;
        }

        var errors = new List<FieldError>(AgreementRules.Validate(terms));
        errors.AddRange(ChangesToTriggeredMilestones(terms));
        if (errors.Count > 0)
        {
            return Result.Fail("", "Tillegget kan ikke godtas slik det er: " + string.Join(" ", errors.Select(e => e.Message)) + " Avvis det, og be om et nytt forslag.");
        }

        var rateBefore = HourRate;
        Apply(terms);
        if (HourRate != rateBefore)
        {
            ChangeHourRate(today, rateBefore);
        }

        Version++;
        PendingAmendment = null;
        return Result.Ok();
    }

    public Result RejectAmendment(Party by, Guid proposalId)
    {
        if (AnswerableProposal(by, proposalId) is { } refusal)
        {
            return refusal;
        }

        PendingAmendment = null;
        return Result.Ok();
    }

    public Result WithdrawAmendment(Party by)
    {
        if (PendingAmendment?.By != by)
        {
            return Result.Fail("", "Det er ikke noe forslag til tillegg fra dere å trekke.");
        }

        PendingAmendment = null;
        return Result.Ok();
    }

    private Result? AnswerableProposal(Party by, Guid proposalId) => PendingAmendment switch
    {
        null => Result.Fail("", "Det er ikke noe forslag til tillegg å svare på."),
        { By: var proposer } when proposer == by => Result.Fail("", "Et forslag til tillegg godtas eller avvises av den andre parten."),
        { Id: var id } when id != proposalId => Result.Fail("", "Forslaget er endret siden du åpnet siden. Les det nye forslaget, og svar på nytt."),
        _ => null,
    };

    /// <summary>Under this many days a deadline to remedy is asked about: the agreement promises a reasonable one («rimelig frist»).</summary>
    public const int ReasonableRemedyDays = 14;

    public const string ShortRemedyDeadline =
        "En rimelig frist for å rette er som regel minst 14 dager. Sett en senere frist, eller kryss av for at dere mener denne fristen er rimelig.";

    /// <summary>
    /// The giver's earlier notice, if any, is replaced: the new deadline is the one that counts. A deadline shorter than
    /// <see cref="ReasonableRemedyDays"/> days is given only when the giver confirms that it is reasonable all the same.
    /// </summary>
    public Result GiveBreachNotice(Party by, string? description, DateOnly? remedyDeadline, DateOnly today, bool shortDeadlineConfirmed, Guid userId, string name, DateTime nowUtc)
    {
        var errors = new Errors()
            .When(!IsInForce, "", "Varsel om mislighold gjelder bare en avtale som er i kraft.")
            .When(string.IsNullOrWhiteSpace(description), "Description", "Beskriv misligholdet.")
            .When(remedyDeadline is null, "RemedyDeadline", "Sett en frist for å rette misligholdet (dd.mm.åååå).")
            .When(remedyDeadline is { } d && d <= today, "RemedyDeadline", "Fristen for å rette må være etter i dag: den andre parten må få en rimelig frist.")
            .When(remedyDeadline is { } far && far > today.AddYears(1), "RemedyDeadline",
                "Sjekk årstallet: fristen for å rette kan ligge høyst ett år fram i tid.");
        errors.When(!errors.All.Any(e => e.Field == "RemedyDeadline") && remedyDeadline < today.AddDays(ReasonableRemedyDays) && !shortDeadlineConfirmed,
            "RemedyDeadline", ShortRemedyDeadline);
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        breachNotices.RemoveAll(n => n.By == by);
        breachNotices.Add(new BreachNotice(by, description!.Trim(), today, remedyDeadline!.Value, userId, name, nowUtc));
        return Result.Ok();
    }

    public BreachNotice? BreachNoticeBy(Party party) => breachNotices.FirstOrDefault(n => n.By == party);

    /// <summary>The giver takes its notice back, typically because the breach was remedied; it can no longer rescind on it.</summary>
    public Result WithdrawBreachNotice(Party by)
    {
        if (BreachNoticeBy(by) is not { } notice || !IsInForce)
        {
            return Result.Fail("", "Det er ikke noe varsel om mislighold fra dere å trekke.");
        }

        breachNotices.Remove(notice);
        return Result.Ok();
    }

    private bool IsInForce => Status is not (AgreementStatus.Draft or AgreementStatus.Settled or AgreementStatus.Rescinded);

    /// <summary>Rescission (heving) is possible only after a breach notice, once its deadline to remedy has passed.</summary>
    public Result Rescind(Party by, DateOnly today, DateTime nowUtc)
    {
        if (!IsInForce)
        {
            return Result.Fail("", "Bare en avtale som er i kraft, kan heves.");
        }

        if (BreachNoticeBy(by) is not { } notice)
        {
            return Result.Fail("", "Avtalen kan ikke sies opp. Den kan bare heves etter et varsel om vesentlig mislighold med en rimelig frist til å rette det.");
        }

        if (today <= notice.RemedyDeadline)
        {
            return Result.Fail("", $"Fristen for å rette misligholdet går ut {SharedKernel.Formatting.Norwegian.Date(notice.RemedyDeadline)}. Avtalen kan heves først etter fristen.");
        }

        Status = AgreementStatus.Rescinded;
        RescindedAtUtc = nowUtc;
        return Result.Ok();
    }

    /// <summary>The council delivered its final report: the county assesses it; hours and costs wait meanwhile.</summary>
    public Result SubmitFinalReport()
    {
        if (Status != AgreementStatus.Signed)
        {
            return Result.Fail("", Status == AgreementStatus.FinalReportSubmitted
                ? "Sluttrapporten er allerede levert og ligger hos fylket."
                : "Sluttrapporten kan leveres når avtalen er signert av begge parter og i kraft.");
        }

        Status = AgreementStatus.FinalReportSubmitted;
        FinalReportReturned = false;
        return Result.Ok();
    }

    /// <summary>The county sent the final report back with comments: the agreement is in force until the next submission.</summary>
    public Result ReturnFinalReport()
    {
        if (Status != AgreementStatus.FinalReportSubmitted)
        {
            return Result.Fail("", "Bare en levert sluttrapport kan sendes tilbake.");
        }

        Status = AgreementStatus.Signed;
        FinalReportReturned = true;
        return Result.Ok();
    }

    /// <summary>
    /// The county approves the final report: the final milestone becomes payable with the settlement's remainder
    /// (eligible − paid so far). Every other payment not yet registered as paid is part of that remainder, and is closed
    /// as such: paid on its own as well, the council would get it twice.
    /// </summary>
    public Result ApproveFinalReport(Settlement settlement, DateTime nowUtc)
    {
        if (Status != AgreementStatus.FinalReportSubmitted)
        {
            return Result.Fail("", "Sluttrapporten kan godkjennes når den er levert.");
        }

        Status = AgreementStatus.Approved;
        foreach (var unpaid in milestones.Where(m => m.FoldsIntoFinalSettlement))
        {
            unpaid.FoldIntoFinalSettlement();
        }

        foreach (var milestone in milestones.Where(m => m.Trigger == MilestoneTrigger.FinalReportApproved))
        {
            milestone.MakePayable(settlement.Remainder, nowUtc);
            if (settlement.Remainder == 0)
            {
                milestone.MarkPaid(); // nothing to pay either way
            }
        }

        SettleIfComplete();
        return Result.Ok();
    }

    /// <summary>A payment of a settled agreement was reversed: the settlement waits for it again.</summary>
    public void Unsettle()
    {
        if (Status == AgreementStatus.Settled)
        {
            Status = AgreementStatus.Approved;
        }
    }

    /// <summary>After the approval, the final payment (or repayment) registered: the agreement has expired.</summary>
    public void SettleIfComplete()
    {
        if (Status == AgreementStatus.Approved && milestones.All(m => m.State is MilestoneState.Paid or MilestoneState.InFinalSettlement))
        {
            Status = AgreementStatus.Settled;
        }
    }

    /// <summary>
    /// A payment that has fallen due (payable, requested or paid) keeps its share and trigger in an amendment, and stays:
    /// the money already moved on those terms. Said beside the row, not ignored, so that the shares she sees add up.
    /// </summary>
    private IEnumerable<FieldError> ChangesToTriggeredMilestones(AgreementTerms terms)
    {
        foreach (var (milestone, i) in milestones.OrderBy(m => m.Number).Select((m, i) => (m, i)).Where(x => x.m.State != MilestoneState.Waiting))
        {
            var stateText = milestone.State == MilestoneState.Paid ? "utbetalt" : "utløst";
            if (i >= terms.Milestones.Count)
            {
                yield return new FieldError("Milestones", $"Utbetalingen «{milestone.Name}» er allerede {stateText} og kan ikke fjernes i et tillegg.");
                continue;
            }

            var row = terms.Milestones[i];
            if (row.SharePercent is { } share && share != milestone.SharePercent)
            {
                yield return new FieldError($"Milestones[{i}].SharePercent",
                    $"Utbetalingen «{milestone.Name}» er allerede {stateText}, så andelen står fast på {milestone.SharePercent.ToString("0.##", SharedKernel.Formatting.Norwegian.Culture)} %.");
            }

            if (row.Trigger is { } trigger && (trigger != milestone.Trigger || (trigger == MilestoneTrigger.OnDate && row.DueDate != milestone.DueDate)))
            {
                yield return new FieldError($"Milestones[{i}].Trigger", $"Utbetalingen «{milestone.Name}» er allerede {stateText}, så når den utløses, kan ikke endres.");
            }
        }
    }

    /// <summary>
    /// The terms onto the agreement. The payments row by row onto the milestones there are: a row changes its milestone
    /// in place (one that has fallen due keeps its share and trigger, see <see cref="ChangesToTriggeredMilestones"/>),
    /// a new row is added, and a waiting milestone beyond the rows goes. So a draft saved as it was changes no milestone,
    /// and the audit log shows only what was changed.
    /// </summary>
    private void Apply(AgreementTerms t)
    {
        SetTexts(t);
        var ordered = milestones.OrderBy(m => m.Number).ToList();
        for (var i = 0; i < t.Milestones.Count; i++)
        {
            var m = t.Milestones[i];
            var dueDate = m.Trigger == MilestoneTrigger.OnDate ? m.DueDate : null;
            if (i < ordered.Count)
            {
                ordered[i].Change(m.Name!.Trim(), m.SharePercent!.Value, m.Trigger!.Value, dueDate);
            }
            else
            {
                milestones.Add(new PaymentMilestone(this, i + 1, m.Name!.Trim(), m.SharePercent!.Value, m.Trigger!.Value, dueDate));
            }
        }

        milestones.RemoveAll(m => m.Number > t.Milestones.Count && m.State is MilestoneState.Waiting);
        SetWorkingGroup(t);
    }

    /// <summary>Two amendments accepted the same day make one change of that day, and none when the second takes the rate back.</summary>
    private void ChangeHourRate(DateOnly from, decimal rateBefore)
    {
        var sameDay = hourRateChanges.FirstOrDefault(c => c.From == from);
        var previous = sameDay?.PreviousRate ?? rateBefore;
        hourRateChanges.RemoveAll(c => c.From == from);
        if (previous != HourRate && from > PeriodStart) // accepted before the period began: the new rate prices every hour
        {
            hourRateChanges.Add(new HourRateChange(from, previous, HourRate));
        }
    }

    private void SetTexts(AgreementTerms t)
    {
        Title = t.Title!.Trim();
        Purpose = t.Purpose!.Trim();
        SubGoals = (t.SubGoals ?? string.Empty).Trim();
        CountyContactName = (t.CountyContactName ?? string.Empty).Trim();
        CountyContactEmail = (t.CountyContactEmail ?? string.Empty).Trim();
        CouncilOrganisationNumber = OrganisationNumber.Normalize(t.CouncilOrganisationNumber);
        CouncilContactName = (t.CouncilContactName ?? string.Empty).Trim();
        CouncilContactEmail = (t.CouncilContactEmail ?? string.Empty).Trim();
        PeriodStart = t.PeriodStart!.Value;
        PeriodEnd = t.PeriodEnd!.Value;
        ActivitiesDeadline = t.ActivitiesDeadline!.Value;
        ReportDeadline = t.ReportDeadline!.Value;
        FrameAmount = t.FrameAmount!.Value;
        HourRate = t.HourRate!.Value;
        DirectCostRule = (t.DirectCostRule ?? string.Empty).Trim();
        InvoiceText = (t.InvoiceText ?? string.Empty).Trim();
        OrderNumber = (t.OrderNumber ?? string.Empty).Trim();
        ProjectNumber = (t.ProjectNumber ?? string.Empty).Trim();
        RequiredDocumentation = (t.RequiredDocumentation ?? string.Empty).Trim();
        Terms = (t.Terms ?? string.Empty).Trim();
    }

    private void SetWorkingGroup(AgreementTerms t)
    {
        workingGroup.Clear();
        var number = 1;
        foreach (var w in t.WorkingGroup.Where(w => !w.IsEmpty))
        {
            workingGroup.Add(new WorkingGroupMember(this, number++, (w.Name ?? string.Empty).Trim(), (w.Role ?? string.Empty).Trim()));
        }
    }
}

/// <summary>A proposed amendment: the whole proposed terms (as JSON, as versions keep them) and why.</summary>
public sealed record AmendmentProposal(Guid Id, Party By, string TermsJson, string Reason, Guid UserId, string Name, DateTime AtUtc);

/// <summary>An amendment changed the hour rate from <paramref name="From"/> (the day it was accepted) on.</summary>
public sealed record HourRateChange(DateOnly From, decimal PreviousRate, decimal Rate);

/// <summary>A rate and the days it prices: from <paramref name="From"/> to <paramref name="To"/> (null: on).</summary>
public sealed record HourRatePeriod(DateOnly From, DateOnly? To, decimal Rate);

/// <summary>A notice of material breach, with the deadline the other party has to remedy it.</summary>
public sealed record BreachNotice(Party By, string Description, DateOnly GivenOn, DateOnly RemedyDeadline, Guid UserId, string Name, DateTime AtUtc);
