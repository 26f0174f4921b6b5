using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <param name="PeriodStart">With <paramref name="PeriodEnd"/>: what tells apart two agreements of the same title.</param>
/// <param name="RepaymentOwed">The payment due is the council's repayment to the county, not the county's payment.</param>
public sealed record AgreementRow(
    Guid Id, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, string CouncilName, string CountyName, AgreementStatus Status, decimal PercentUsed, SpendLevel Level,
    Deadline? NextDeadline, bool WaitsForCouncilSignature, bool WaitsForCountySignature, int RequestsWaiting, bool PaymentDue, bool RepaymentOwed);

/// <param name="Milestone">For a dated payment: the milestone's name (<paramref name="What"/> is then "Utbetaling «name»").</param>
public sealed record Deadline(string What, DateOnly Date, string? Milestone = null);

/// <summary>
/// Which agreements a paged list shows: by council, by status, by words in the title, by a period that overlaps
/// <see cref="From"/>–<see cref="To"/>; 1-based page.
/// </summary>
public sealed record AgreementListFilter(Guid? CouncilId = null, AgreementStatus? Status = null, string? Search = null, int Page = 1, int PageSize = 25)
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public bool IsFiltered => CouncilId is not null || Status is not null || !string.IsNullOrWhiteSpace(Search);
}

/// <summary>One page of the list: its rows, how many agreements match the filter in all, and which page this is.</summary>
public sealed record AgreementPage(IReadOnlyList<AgreementRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>1-based position of the first row shown (0 when there is none).</summary>
    public int First => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int Last => (Page - 1) * PageSize + Rows.Count;
}

/// <summary>A council that has agreements in this view (the list's council filter).</summary>
public sealed record AgreementCouncil(Guid Id, string Name);

/// <summary>An agreement that waits for someone: what the start pages' task lists are made of.</summary>
/// <param name="PaymentDue">A payment (or the council's repayment) waits to be registered by the county.</param>
/// <param name="AmountDue">What those payments come to (requested, or approved and not yet paid); negative for a repayment.</param>
/// <summary>
/// Money that waits for the council: a payment it can request (<paramref name="ReturnedWith"/> the county's comment when
/// the county sent the last request back), or, with a negative amount, a repayment it owes.
/// </summary>
public sealed record CouncilMoneyTask(Guid AgreementId, string AgreementTitle, string MilestoneName, decimal Amount, string? ReturnedWith);

/// <summary>A standing notice of material breach on an agreement in force: a task for the party it was given to, and for its giver once the deadline has passed.</summary>
public sealed record StandingBreachNotice(Guid AgreementId, string AgreementTitle, string CouncilName, string CountyName, BreachNotice Notice);

/// <summary>An amendment proposed by <paramref name="By"/> that waits for the other party's answer.</summary>
public sealed record ProposedAmendment(Guid AgreementId, string AgreementTitle, string ProposerName, Party By);

public sealed record AgreementAttention(
    Guid Id, string Title, string CouncilName, bool WaitsForCouncilSignature, bool WaitsForCountySignature, int RequestsWaiting, bool PaymentDue,
    decimal AmountDue);

/// <summary>What <see cref="AgreementQueries.NextDeadline(Agreement, DateOnly)"/> needs of a payment milestone.</summary>
public sealed record MilestoneDeadline(string Name, DateOnly? DueDate, MilestoneState State, decimal? Amount = null)
{
    /// <summary>As <see cref="PaymentMilestone.AwaitsPayment"/>: the county is to register a payment, or the council's repayment.</summary>
    public bool AwaitsPayment => State == MilestoneState.Requested || (State == MilestoneState.Payable && Amount < 0);
}

public sealed record AgreementDetails(
    Agreement Agreement,
    Settlement Settlement,
    IReadOnlyList<HourEntry> Hours,
    IReadOnlyList<DirectCost> Costs,
    IReadOnlyList<PaymentRequest> Requests,
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<AgreementEvent> Events,
    IReadOnlyList<AgreementVersion> Versions,
    Deadline? NextDeadline)
{
    /// <summary>Each hour rate of the period with the hours it priced: one line unless an amendment changed the rate.</summary>
    public IReadOnlyList<Contracts.HourRateLine> HourRates => Agreement.HourRatePeriods()
        .Select(r => new Contracts.HourRateLine(r.From, r.To, r.Rate, Hours.Where(h => h.Date >= r.From && (r.To is null || h.Date <= r.To)).Sum(h => h.Hours)))
        .ToList();
}

/// <summary>Reads for the agreement pages; everything through the tenant filter (a council's or a county's view).</summary>
public sealed class AgreementQueries(AgreementsDbContext db, TimeProvider clock)
{
    public async Task<List<AgreementRow>> ListAsync(CancellationToken ct = default)
    {
        // Only the columns the list shows: the long texts of the terms (purpose, sub-goals, terms, documentation …) stay
        // in the database, and no entities are built (500 agreements: about 2.7 MB fewer to read and materialize).
        var agreements = await db.Agreements.AsNoTracking().OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title)
            .Select(a => new
            {
                a.Id, a.Title, a.PeriodStart, a.PeriodEnd, a.CouncilName, a.CountyName, a.Status, a.FrameAmount, a.ActivitiesDeadline, a.ReportDeadline,
                CouncilSigned = a.CouncilSignature != null,
                CountySigned = a.CountySignature != null,
                Milestones = a.Milestones.Select(m => new MilestoneDeadline(m.Name, m.DueDate, m.State, m.Amount)).ToList(),
            })
            .ToListAsync(ct);
        var hours = await db.Hours.GroupBy(h => h.AgreementId).Select(g => new { g.Key, Hours = g.Sum(h => h.Hours), Cost = g.Sum(h => h.Hours * h.HourRate) })
            .ToDictionaryAsync(g => g.Key, g => new HoursWorked(g.Hours, g.Cost), ct);
        var costs = await db.DirectCosts.GroupBy(c => c.AgreementId).Select(g => new { g.Key, Total = g.Sum(c => c.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Total, ct);
        var waiting = await db.PaymentRequests.Where(r => r.Status == PaymentRequestStatus.Sent)
            .GroupBy(r => r.AgreementId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var today = SharedKernel.Time.Oslo.Today(clock);
        return agreements.Select(a =>
        {
            var s = Settlement.Of(a.FrameAmount, hours.GetValueOrDefault(a.Id) ?? HoursWorked.None, costs.GetValueOrDefault(a.Id), 0);
            return new AgreementRow(a.Id, a.Title, a.PeriodStart, a.PeriodEnd, a.CouncilName, a.CountyName, a.Status, s.PercentUsed, s.Level,
                NextDeadline(a.Status, a.ActivitiesDeadline, a.ReportDeadline, a.Milestones, today),
                a.Status == AgreementStatus.Draft && !a.CouncilSigned,
                a.Status == AgreementStatus.Draft && !a.CountySigned,
                waiting.GetValueOrDefault(a.Id),
                a.Milestones.Any(m => m.AwaitsPayment),
                a.Milestones.Any(m => m.AwaitsPayment && m.Amount < 0));
        }).ToList();
    }

    /// <summary>
    /// One page of the list, in the list's order (period end, title). Spending is summed for the shown agreements only
    /// (through the (AgreementId, Date) indexes), not for every agreement of the council or county: a county with 500
    /// agreements and 50 000 hour rows reads 25 agreements' hours per view, not all 50 000.
    /// </summary>
    public async Task<AgreementPage> ListPageAsync(AgreementListFilter filter, CancellationToken ct = default)
    {
        var query = db.Agreements.AsNoTracking();
        if (filter.CouncilId is { } councilId)
        {
            query = query.Where(a => a.TenantId == councilId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.PeriodEnd >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.PeriodStart <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var words = filter.Search.Trim().ToLowerInvariant();
            query = query.Where(a => a.Title.ToLower().Contains(words));
        }

        var size = Math.Clamp(filter.PageSize, 1, 200);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + size - 1) / size));
        if (total == 0)
        {
            return new AgreementPage([], 0, 1, size);
        }

        var agreements = await query.OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(a => new
            {
                a.Id, a.Title, a.PeriodStart, a.PeriodEnd, a.CouncilName, a.CountyName, a.Status, a.FrameAmount, a.ActivitiesDeadline, a.ReportDeadline,
                CouncilSigned = a.CouncilSignature != null,
                CountySigned = a.CountySignature != null,
                Milestones = a.Milestones.Select(m => new MilestoneDeadline(m.Name, m.DueDate, m.State, m.Amount)).ToList(),
            })
            .ToListAsync(ct);

        // The sums in a second query over the page's ids only: in the first one, beside ORDER BY and LIMIT, the database
        // could compute them for every matching agreement before it sorts.
        var ids = agreements.Select(a => a.Id).ToList();
        var sums = await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                HourCost = db.Hours.Where(h => h.AgreementId == a.Id).Sum(h => h.Hours * h.HourRate),
                Costs = db.DirectCosts.Where(c => c.AgreementId == a.Id).Sum(c => c.Amount),
                Waiting = db.PaymentRequests.Count(r => r.AgreementId == a.Id && r.Status == PaymentRequestStatus.Sent),
            })
            .ToDictionaryAsync(a => a.Id, ct);
        var today = SharedKernel.Time.Oslo.Today(clock);
        var rows = agreements.Select(a =>
        {
            var sum = sums[a.Id];
            // The row shows the share of the frame spent, not the hours: their cost is all it needs of them.
            var s = Settlement.Of(a.FrameAmount, new HoursWorked(0, sum.HourCost), sum.Costs, 0);
            return new AgreementRow(a.Id, a.Title, a.PeriodStart, a.PeriodEnd, a.CouncilName, a.CountyName, a.Status, s.PercentUsed, s.Level,
                NextDeadline(a.Status, a.ActivitiesDeadline, a.ReportDeadline, a.Milestones, today),
                a.Status == AgreementStatus.Draft && !a.CouncilSigned,
                a.Status == AgreementStatus.Draft && !a.CountySigned,
                sum.Waiting,
                a.Milestones.Any(m => m.AwaitsPayment),
                a.Milestones.Any(m => m.AwaitsPayment && m.Amount < 0));
        }).ToList();
        return new AgreementPage(rows, total, page, size);
    }

    /// <summary>The councils the visible agreements are with, by name: the choices of the list's council filter.</summary>
    public async Task<List<AgreementCouncil>> CouncilsAsync(CancellationToken ct = default)
    {
        var councils = await db.Agreements.AsNoTracking().Select(a => new { a.TenantId, a.CouncilName }).Distinct().ToListAsync(ct);
        return councils.GroupBy(c => c.TenantId).Select(g => new AgreementCouncil(g.Key, g.First().CouncilName))
            .OrderBy(c => c.Name, StringComparer.Create(Norwegian.Culture, ignoreCase: true)).ToList();
    }

    /// <summary>
    /// The agreements that wait for a signature, a decision on a payment request or a payment, in the list's order:
    /// the county's tasks, without reading the spending of every agreement.
    /// </summary>
    public async Task<List<AgreementAttention>> NeedingAttentionAsync(CancellationToken ct = default)
    {
        var rows = await db.Agreements.AsNoTracking()
            .Where(a => (a.Status == AgreementStatus.Draft && (a.CouncilSignature == null || a.CountySignature == null))
                        || a.Milestones.AsQueryable().Any(PaymentMilestone.AwaitingPayment)
                        || db.PaymentRequests.Any(r => r.AgreementId == a.Id && r.Status == PaymentRequestStatus.Sent))
            .OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Title, a.CouncilName, a.Status,
                CouncilSigned = a.CouncilSignature != null,
                CountySigned = a.CountySignature != null,
                Waiting = db.PaymentRequests.Count(r => r.AgreementId == a.Id && r.Status == PaymentRequestStatus.Sent),
                Due = a.Milestones.AsQueryable().Any(PaymentMilestone.AwaitingPayment),
                AmountDue = a.Milestones.AsQueryable().Where(PaymentMilestone.AwaitingPayment).Sum(m => m.Amount ?? 0),
            })
            .ToListAsync(ct);
        return rows.Select(a => new AgreementAttention(a.Id, a.Title, a.CouncilName,
            a.Status == AgreementStatus.Draft && !a.CouncilSigned, a.Status == AgreementStatus.Draft && !a.CountySigned, a.Waiting, a.Due, a.AmountDue)).ToList();
    }

    public async Task<List<StandingBreachNotice>> StandingBreachNoticesAsync(CancellationToken ct = default)
    {
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.BreachNotices.Any() && a.Status != AgreementStatus.Draft && a.Status != AgreementStatus.Settled && a.Status != AgreementStatus.Rescinded)
            .OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title)
            .Select(a => new { a.Id, a.Title, a.CouncilName, a.CountyName, a.BreachNotices })
            .ToListAsync(ct);
        return [.. agreements.SelectMany(a => a.BreachNotices.Select(n => new StandingBreachNotice(a.Id, a.Title, a.CouncilName, a.CountyName, n)))];
    }

    public async Task<List<ProposedAmendment>> ProposedAmendmentsAsync(CancellationToken ct = default)
    {
        var rows = await db.Agreements.AsNoTracking()
            .Where(a => a.PendingAmendment != null)
            .OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title)
            .Select(a => new { a.Id, a.Title, a.CouncilName, a.CountyName, a.PendingAmendment!.By })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ProposedAmendment(r.Id, r.Title, r.By == Party.County ? r.CountyName : r.CouncilName, r.By))];
    }

    public async Task<List<CouncilMoneyTask>> CouncilMoneyTasksAsync(CancellationToken ct = default)
    {
        var payable = await db.Milestones.AsNoTracking()
            .Where(m => m.State == MilestoneState.Payable && m.Amount != null)
            .Join(db.Agreements.Where(a => a.Status != AgreementStatus.Rescinded), m => m.AgreementId, a => a.Id,
                (m, a) => new { m.Id, m.AgreementId, a.Title, m.Name, Amount = m.Amount!.Value, a.PeriodEnd, m.Number })
            .ToListAsync(ct);
        payable = [.. payable.Where(m => m.Amount != 0).OrderBy(m => m.PeriodEnd).ThenBy(m => m.Title).ThenBy(m => m.Number)];
        var ids = payable.Select(m => m.Id).ToList();
        // A payable milestone's requests were all sent back (one in play would make it requested): the last decided says why.
        var returned = await db.PaymentRequests.AsNoTracking().Where(r => ids.Contains(r.MilestoneId) && r.Status == PaymentRequestStatus.Returned)
            .Select(r => new { r.MilestoneId, r.DecidedAtUtc, r.DecisionComment }).ToListAsync(ct);
        return payable.Select(m => new CouncilMoneyTask(m.AgreementId, m.Title, m.Name, m.Amount,
                returned.Where(r => r.MilestoneId == m.Id).MaxBy(r => r.DecidedAtUtc) is { } last ? last.DecisionComment ?? "" : null))
            .ToList();
    }

    public async Task<AgreementDetails?> GetAsync(Guid agreementId, CancellationToken ct = default)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Milestones).Include(a => a.WorkingGroup)
            .AsSingleQuery() // both lists are a handful of rows: one round trip beats a split query
            .FirstOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        var hours = await db.Hours.AsNoTracking().Where(h => h.AgreementId == agreementId).OrderByDescending(h => h.Date).ThenByDescending(h => h.RegisteredAtUtc).ToListAsync(ct);
        var costs = await db.DirectCosts.AsNoTracking().Where(c => c.AgreementId == agreementId).OrderByDescending(c => c.Date).ToListAsync(ct);
        var requests = await db.PaymentRequests.AsNoTracking().Where(r => r.AgreementId == agreementId).OrderByDescending(r => r.SentAtUtc).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.AgreementId == agreementId).OrderBy(p => p.Date).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.AgreementId == agreementId).OrderByDescending(e => e.Id).ToListAsync(ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.AgreementId == agreementId).OrderByDescending(v => v.Version).ToListAsync(ct);
        var settlement = Settlement.Of(agreement.FrameAmount, HoursWorked.Of(hours), costs.Sum(c => c.Amount), payments.Sum(p => p.Amount));
        return new AgreementDetails(agreement, settlement, hours, costs, requests, payments, events, versions,
            NextDeadline(agreement, SharedKernel.Time.Oslo.Today(clock)));
    }

    /// <summary>The voucher of a cost on a visible agreement, or null (404).</summary>
    public Task<Voucher?> FindVoucherAsync(Guid agreementId, Guid costId, CancellationToken ct = default) =>
        db.DirectCosts.AsNoTracking().Where(c => c.AgreementId == agreementId && c.Id == costId).Select(c => c.Voucher).FirstOrDefaultAsync(ct);

    /// <summary>An attachment of a payment request on a visible agreement, or null (404).</summary>
    public async Task<Voucher?> FindRequestAttachmentAsync(Guid agreementId, Guid requestId, Guid fileId, CancellationToken ct = default)
    {
        var request = await db.PaymentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.AgreementId == agreementId && r.Id == requestId, ct);
        return request?.Attachments.FirstOrDefault(a => a.FileId == fileId);
    }

    public static Deadline? NextDeadline(Agreement a, DateOnly today) =>
        NextDeadline(a.Status, a.ActivitiesDeadline, a.ReportDeadline, a.Milestones.Select(m => new MilestoneDeadline(m.Name, m.DueDate, m.State)), today);

    public static Deadline? NextDeadline(
        AgreementStatus status, DateOnly activitiesDeadline, DateOnly reportDeadline, IEnumerable<MilestoneDeadline> milestones, DateOnly today)
    {
        if (status is AgreementStatus.Settled or AgreementStatus.Rescinded)
        {
            return null;
        }

        // Once the report is delivered, the council has met the activities and report deadlines: only dated payments remain.
        var candidates = status is AgreementStatus.FinalReportSubmitted or AgreementStatus.Approved
            ? new List<Deadline>()
            : [new("Aktivitetene skal være ferdige", activitiesDeadline), new("Sluttrapporten skal leveres", reportDeadline)];
        candidates.AddRange(milestones.Where(m => m.DueDate is not null && m.State == MilestoneState.Waiting)
            .Select(m => new Deadline($"Utbetaling «{m.Name}»", m.DueDate!.Value, m.Name)));
        if (status is AgreementStatus.Approved)
        {
            candidates.RemoveAll(d => d.Date < today);
        }

        return candidates.Where(d => d.Date >= today).OrderBy(d => d.Date).FirstOrDefault()
               ?? candidates.OrderByDescending(d => d.Date).FirstOrDefault(d => status is AgreementStatus.Signed);
    }

    public static string StatusText(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "Utkast",
        AgreementStatus.Signed => "Signert (i kraft)",
        AgreementStatus.FinalReportSubmitted => "Sluttrapport levert",
        AgreementStatus.Approved => "Sluttrapport godkjent",
        AgreementStatus.Settled => "Avsluttet (utløpt)",
        AgreementStatus.Rescinded => "Hevet",
        _ => status.ToString(),
    };

    public static string TriggerText(PaymentMilestone m) => m.Trigger switch
    {
        MilestoneTrigger.AtSigning => "Ved signering",
        MilestoneTrigger.FinalReportApproved => "Når sluttrapporten er godkjent",
        _ => m.DueDate is { } due ? $"Dato {Norwegian.Date(due)}" : "På en dato",
    };

    public static string MilestoneStateText(MilestoneState state) => state switch
    {
        MilestoneState.Waiting => "ikke utløst",
        MilestoneState.Payable => "kan utbetales",
        MilestoneState.Requested => "anmodet",
        MilestoneState.InFinalSettlement => "inngår i sluttoppgjøret",
        _ => "betalt",
    };
}
