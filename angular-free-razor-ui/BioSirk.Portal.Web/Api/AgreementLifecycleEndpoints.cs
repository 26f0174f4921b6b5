using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Api;

public sealed record NextDeadlineResponse(string What, DateOnly Date, string Text);

/// <summary>Where the agreement stands and what the caller's party does next, as the "Neste steg" box of the agreement page.</summary>
public sealed record AgreementStatusResponse(
    Guid Id, string Status, string StatusText, int Version, bool CouncilSigned, bool CountySigned, NextDeadlineResponse? NextDeadline, string NextStep);

public sealed record MilestoneRequest(string? Name, decimal? SharePercent, string? Trigger, DateOnly? DueDate);

public sealed record WorkingGroupMemberRequest(string? Name, string? Role);

/// <summary>
/// A new draft: the fields of the draft form (GET /agreements/draft-template gives them filled in from the Missions
/// template), checked by the same rule (<see cref="AgreementRules"/>). A council names its county (default: the
/// council's own), a county names the council.
/// </summary>
public sealed record DraftAgreementRequest
{
    public Guid? CountyId { get; init; }

    public Guid? CouncilId { get; init; }

    public string? Title { get; init; }

    public string? Purpose { get; init; }

    public string? SubGoals { get; init; }

    public string? CountyContactName { get; init; }

    public string? CountyContactEmail { get; init; }

    public string? CouncilOrganisationNumber { get; init; }

    public string? CouncilContactName { get; init; }

    public string? CouncilContactEmail { get; init; }

    public DateOnly? PeriodStart { get; init; }

    public DateOnly? PeriodEnd { get; init; }

    public DateOnly? ActivitiesDeadline { get; init; }

    public DateOnly? ReportDeadline { get; init; }

    public decimal? FrameAmount { get; init; }

    public decimal? HourRate { get; init; }

    public string? DirectCostRule { get; init; }

    public string? InvoiceText { get; init; }

    public string? OrderNumber { get; init; }

    public string? ProjectNumber { get; init; }

    public string? RequiredDocumentation { get; init; }

    public string? Terms { get; init; }

    /// <summary>Trigger: AtSigning, FinalReportApproved or OnDate (with dueDate).</summary>
    public IReadOnlyList<MilestoneRequest>? Milestones { get; init; }

    public IReadOnlyList<WorkingGroupMemberRequest>? WorkingGroup { get; init; }

    public static DraftAgreementRequest From(AgreementTerms t, Guid? countyId, Guid? councilId) => new()
    {
        CountyId = countyId,
        CouncilId = councilId,
        Title = t.Title,
        Purpose = t.Purpose,
        SubGoals = t.SubGoals,
        CountyContactName = t.CountyContactName,
        CountyContactEmail = t.CountyContactEmail,
        CouncilOrganisationNumber = t.CouncilOrganisationNumber,
        CouncilContactName = t.CouncilContactName,
        CouncilContactEmail = t.CouncilContactEmail,
        PeriodStart = t.PeriodStart,
        PeriodEnd = t.PeriodEnd,
        ActivitiesDeadline = t.ActivitiesDeadline,
        ReportDeadline = t.ReportDeadline,
        FrameAmount = t.FrameAmount,
        HourRate = t.HourRate,
        DirectCostRule = t.DirectCostRule,
        InvoiceText = t.InvoiceText,
        OrderNumber = t.OrderNumber,
        ProjectNumber = t.ProjectNumber,
        RequiredDocumentation = t.RequiredDocumentation,
        Terms = t.Terms,
        Milestones = t.Milestones.Select(m => new MilestoneRequest(m.Name, m.SharePercent, m.Trigger?.ToString(), m.DueDate)).ToList(),
        WorkingGroup = t.WorkingGroup.Select(w => new WorkingGroupMemberRequest(w.Name, w.Role)).ToList(),
    };

    /// <summary>The terms, with a message for each trigger that is not one of <see cref="MilestoneTrigger"/>.</summary>
    public AgreementTerms ToTerms(Errors errors) => new()
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
        // a null row (JSON null in the array) is an empty row, as the form sends one: the rule names its fields
        Milestones = (Milestones ?? []).Select((m, i) => new MilestoneTerms(m?.Name, m?.SharePercent, Trigger(m?.Trigger, i, errors), m?.DueDate)).ToList(),
        WorkingGroup = (WorkingGroup ?? []).Select(w => new WorkingGroupMemberTerms(w?.Name, w?.Role)).Where(w => !w.IsEmpty).ToList(),
    };

    private static MilestoneTrigger? Trigger(string? text, int row, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null; // the rule says "choose when"
        }

        if (Enum.TryParse<MilestoneTrigger>(text, ignoreCase: true, out var trigger) && Enum.IsDefined(trigger))
        {
            return trigger;
        }

        errors.Add($"Milestones[{row}].Trigger", "Ukjent utløser. Bruk AtSigning, FinalReportApproved eller OnDate.");
        return null;
    }
}

/// <summary>
/// An agreement's status, a new draft and the signatures, through the same queries and use cases as the agreement
/// pages (<see cref="DraftAgreement"/>, <see cref="SignAgreement"/>, <see cref="NextStep"/>).
/// </summary>
public static class AgreementLifecycleEndpoints
{
    public static RouteGroupBuilder MapAgreementLifecycleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{agreementId:guid}/status", StatusAsync).WithName("GetAgreementStatus")
            .WithSummary("Status, neste frist og neste steg for den som spør")
            .Produces<AgreementStatusResponse>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/agreements/draft-template", TemplateAsync).WithName("GetDraftTemplate")
            .WithSummary("Missions-malen utfylt for rådet eller fylket, klar til å sendes som nytt utkast")
            .Produces<DraftAgreementRequest>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();
        api.MapPost("/agreements", DraftAsync).WithName("DraftAgreement")
            .WithSummary("Nytt utkast til avtale (samme felt og regler som skjemaet)")
            .Produces<AgreementResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/agreements/{agreementId:guid}/signatures", SignAsync).WithName("SignAgreement")
            .WithSummary("Signer for din part (bare en person, med delegert token)")
            .Produces<AgreementStatusResponse>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private const string NotAPerson = "En signatur er en persons handling: signer med et delegert token for deg selv, ikke med et app-token.";

    private static Task<IResult> StatusAsync(HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, TimeProvider clock, Guid agreementId) =>
        AgreementReads.PartAsync(http, callers.Caller!, queries, agreementId, details => Status(details, callers.Caller!, clock));

    private static async Task<IResult> TemplateAsync(
        HttpContext http, ApiCallerAccessor callers, IPlatformDirectory directory, TimeProvider clock, Guid? councilId, Guid? countyId)
    {
        var caller = callers.Caller!;
        if (DraftRefusal(caller) is { } refusal)
        {
            return refusal;
        }

        if (!caller.IsCouncil && councilId is null)
        {
            // as the county's form: the first of its own councils, until the officer picks another
            councilId = (await directory.ListCouncilsAsync(http.RequestAborted)).FirstOrDefault(c => c.CountyId == caller.Owner.Id)?.Id;
        }

        var (council, county, errors) = await PartiesAsync(caller, directory, councilId, countyId, http.RequestAborted);
        if (errors.Any || council is null || county is null)
        {
            return ApiProblems.Validation(errors.All, PageTexts.Of(http));
        }

        var terms = MissionsTemplate.For(council.AsTemplateParty(), county.AsTemplateParty(), MissionsTemplate.YearOf(Oslo.Today(clock)));
        return Results.Ok(DraftAgreementRequest.From(terms, county.Id, council.Id));
    }

    private static async Task<IResult> DraftAsync(
        HttpContext http, ApiCallerAccessor callers, IPlatformDirectory directory, DraftAgreement draft, AgreementQueries queries, DraftAgreementRequest body)
    {
        var caller = callers.Caller!;
        if (DraftRefusal(caller) is { } refusal)
        {
            return refusal;
        }

        var (council, county, errors) = await PartiesAsync(caller, directory, body.CouncilId, body.CountyId, http.RequestAborted);
        var terms = body.ToTerms(errors);
        if (errors.Any)
        {
            // every message at once, as the form shows them: the unknown party and triggers, and what the rule says
            var unreadable = errors.All.Select(e => e.Field).ToHashSet();
            return ApiProblems.Validation(errors.All.Concat(AgreementRules.Validate(terms).Where(e => !unreadable.Contains(e.Field))),
                PageTexts.Of(http));
        }

        var result = await draft.HandleAsync(new DraftAgreementCommand(council!.Id, council.Name, county!.Id, county.Name, terms,
            new Actor(caller.ActorId, caller.Name)), http.RequestAborted);
        if (!result.Succeeded)
        {
            return ApiProblems.Refused(result, http);
        }

        var details = (await queries.GetAsync(result.Value, http.RequestAborted))!;
        AgreementETag.Set(http, details);
        return Results.Created($"/api/v1/agreements/{result.Value}", AgreementResponse.From(details));
    }

    private static async Task<IResult> SignAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, SignAgreement sign, TimeProvider clock, Guid agreementId)
    {
        var caller = callers.Caller!;
        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound(); // before anything else: another council's id says nothing
        }

        if (caller.IsApp)
        {
            return ApiProblems.Forbidden(NotAPerson);
        }

        if (!ActsForParty(caller))
        {
            return ApiProblems.Forbidden("For rådet signerer sekretariatet.");
        }

        if (AgreementETag.IfMatchFails(http, details) is { } stale)
        {
            return stale;
        }

        var result = await sign.HandleAsync(new SignAgreementCommand(agreementId, PartyOf(caller), details.Agreement.ConcurrencyStamp,
            new Actor(caller.ActorId, caller.Name)), http.RequestAborted);
        if (result is null)
        {
            return ApiProblems.NotFound();
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Refused(result, http);
        }

        var signed = (await queries.GetAsync(agreementId, http.RequestAborted))!;
        AgreementETag.Set(http, signed);
        return Results.Ok(Status(signed, caller, clock));
    }

    internal static AgreementStatusResponse Status(AgreementDetails details, ApiCaller caller, TimeProvider clock)
    {
        var a = details.Agreement;
        var deadline = details.NextDeadline;
        return new AgreementStatusResponse(a.Id, a.Status.ToString(), AgreementQueries.StatusText(a.Status), a.Version,
            a.CouncilSignature is not null, a.CountySignature is not null,
            deadline is null ? null : new NextDeadlineResponse(deadline.What, deadline.Date, DeadlineTexts.Describe(deadline, Oslo.Today(clock), NorwegianTexts.Instance)),
            NextStep.For(details, PartyOf(caller), ActsForParty(caller), NorwegianTexts.Instance));
    }

    internal static Party PartyOf(ApiCaller caller) => caller.IsCouncil ? Party.Council : Party.County;

    /// <summary>
    /// May the caller act for its party, as on the agreement page: the council's secretaries and every county officer;
    /// a client with Budget.Write (council) or Payments.Write (county) for what such a client may do.
    /// </summary>
    internal static bool ActsForParty(ApiCaller caller) =>
        caller.IsApp ? caller.CanWriteBudget || caller.CanRegisterPayments : !caller.IsCouncil || (caller.Roles & CouncilRoles.Secretary) != 0;

    /// <summary>Drafts are made by a person, as on the pages: a council's secretary or a county officer.</summary>
    private static IResult? DraftRefusal(ApiCaller caller) =>
        caller.IsApp ? ApiProblems.Forbidden("Et utkast lages av en person: bruk et delegert token, ikke et app-token.")
        : !ActsForParty(caller) ? ApiProblems.Forbidden("For rådet lager sekretariatet utkast.")
        : null;

    /// <summary>The council and county of a new agreement: the caller's own, and the other party it names (a council's default: its county).</summary>
    private static async Task<(CouncilInfo? Council, CountyInfo? County, Errors Errors)> PartiesAsync(
        ApiCaller caller, IPlatformDirectory directory, Guid? councilId, Guid? countyId, CancellationToken ct)
    {
        var errors = new Errors();
        var councils = await directory.ListCouncilsAsync(ct);
        var counties = await directory.ListCountiesAsync(ct);
        if (caller.IsCouncil)
        {
            var council = councils.Single(c => c.Id == caller.Owner.Id);
            var county = counties.FirstOrDefault(c => c.Id == (countyId ?? council.CountyId));
            errors.When(county is null, "CountyId", "Velg fylkeskommunen som er oppdragsgiver.");
            return (council, county, errors);
        }

        var other = councils.FirstOrDefault(c => c.Id == councilId);
        errors.When(other is null, "CouncilId", "Velg regionrådet avtalen er med.");
        return (other, counties.Single(c => c.Id == caller.Owner.Id), errors);
    }
}
