using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Money;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Web.Api;

public sealed record AgreementSummary(Guid Id, string Title, string Council, string County, string Status, string StatusText, decimal PercentUsed);

public sealed record AgreementPageResponse(IReadOnlyList<AgreementSummary> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record BudgetResponse(decimal Hours, decimal HourCost, decimal DirectCosts, decimal Spent, decimal Frame, decimal Eligible, decimal Paid, decimal Remainder, decimal PercentUsed);

/// <param name="HourRate">The rate in force now.</param>
/// <param name="HourRates">Each rate of the period with its days (to: null = on) and the hours it priced: one unless an amendment changed the rate.</param>
public sealed record AgreementResponse(
    Guid Id, string Title, string Council, string County, string Status, string StatusText, int Version,
    DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly ActivitiesDeadline, DateOnly ReportDeadline,
    decimal FrameAmount, decimal HourRate, IReadOnlyList<HourRateLine> HourRates, BudgetResponse Budget)
{
    public static AgreementResponse From(AgreementDetails details)
    {
        var a = details.Agreement;
        var s = details.Settlement;
        return new AgreementResponse(a.Id, a.Title, a.CouncilName, a.CountyName, a.Status.ToString(), AgreementQueries.StatusText(a.Status),
            a.Version, a.PeriodStart, a.PeriodEnd, a.ActivitiesDeadline, a.ReportDeadline, a.FrameAmount, a.HourRate, details.HourRates,
            new BudgetResponse(s.HoursTotal, s.HourCost, s.DirectCosts, s.Spent, s.Frame, s.Eligible, s.Paid, s.Remainder, s.PercentUsed));
    }
}

/// <param name="HourRate">The agreement's rate on the hours' day (an amendment changes it from its own day on).</param>
/// <param name="Amount">Hours × that rate, rounded to øre.</param>
public sealed record HoursResponse(Guid Id, DateOnly Date, string Person, string Activity, decimal Hours, decimal HourRate, decimal Amount, string? Comment, string RegisteredBy)
{
    public static HoursResponse Of(HourEntry h) => new(h.Id, h.Date, h.Person, h.Activity, h.Hours, h.HourRate, Kroner.RoundToOre(h.Cost), h.Comment, h.RegisteredBy);
}

/// <summary>Hours to register: the same fields, and the same rule (<see cref="HourEntry.Check"/>), as the form.</summary>
public sealed record HoursRequest(DateOnly? Date, string? Person, string? Activity, decimal? Hours, string? Comment);

/// <summary>
/// The agreements of the caller's council or county, through the same queries and use cases as the agreement pages
/// (and so the same tenant filter: another council's agreement is 404).
/// </summary>
public static class AgreementEndpoints
{
    public static RouteGroupBuilder MapAgreementEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements", ListAsync).WithName("ListAgreements").WithSummary("Avtalene til rådet eller fylket, side for side");
        api.MapGet("/agreements/{agreementId:guid}", GetAsync).WithName("GetAgreement").WithSummary("Én avtale med økonomien (ETag)");
        api.MapGet("/agreements/{agreementId:guid}/hours", ListHoursAsync).WithName("ListHours").WithSummary("Timene på avtalen, eventuelt fra og med from til og med to (åååå-mm-dd)");
        api.MapPost("/agreements/{agreementId:guid}/hours", RegisterHoursAsync).WithName("RegisterHours")
            .WithSummary("Registrer timer (samme regler som skjemaet)");
        return api;
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries,
        string? status, string? from, string? to, int? page, int? pageSize)
    {
        if (!callers.Caller!.CanRead)
        {
            return ApiProblems.CannotRead();
        }

        var errors = new Errors();
        AgreementStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = Enum.TryParse<AgreementStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
            errors.When(wanted is null, "Status", $"Ukjent status. Bruk en av: {string.Join(", ", Enum.GetNames<AgreementStatus>())}.");
        }

        var fromDate = ApiDates.Parse(from, "From", errors);
        var toDate = ApiDates.Parse(to, "To", errors);
        errors.When(page is < 1, "Page", "Siden må være 1 eller mer.");
        errors.When(pageSize is < 1 or > 200, "PageSize", "Sidestørrelsen må være fra 1 til 200.");
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.All, http);
        }

        var result = await queries.ListPageAsync(new AgreementListFilter(Status: wanted, Page: page ?? 1, PageSize: pageSize ?? 25)
        {
            From = fromDate,
            To = toDate,
        }, http.RequestAborted);
        AddPageLinks(http, result);
        return Results.Ok(new AgreementPageResponse(
            result.Rows.Select(r => new AgreementSummary(r.Id, r.Title, r.CouncilName, r.CountyName, r.Status.ToString(),
                AgreementQueries.StatusText(r.Status), r.PercentUsed)).ToList(),
            result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<IResult> GetAsync(HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, Guid agreementId)
    {
        if (!callers.Caller!.CanRead)
        {
            return ApiProblems.CannotRead();
        }

        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound();
        }

        var etag = AgreementETag.Of(details);
        http.Response.Headers.ETag = etag;
        return http.Request.Headers.IfNoneMatch.Contains(etag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Ok(AgreementResponse.From(details));
    }

    private static async Task<IResult> ListHoursAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, Guid agreementId, string? from, string? to)
    {
        if (!callers.Caller!.CanRead)
        {
            return ApiProblems.CannotRead();
        }

        var errors = new Errors();
        if (DateRange.Parse(from, to, errors) is not { } period)
        {
            return ApiProblems.Validation(errors.All, http);
        }

        return await AgreementReads.PartAsync(http, callers.Caller!, queries, agreementId,
            details => details.Hours.Where(h => period.Contains(h.Date)).Select(HoursResponse.Of).ToList());
    }

    private static async Task<IResult> RegisterHoursAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, RegisterHours register, Guid agreementId, HoursRequest body)
    {
        var caller = callers.Caller!;
        if (await BudgetEndpoints.RefuseBudgetWriteAsync(http, caller, queries, agreementId) is { } refused)
        {
            return refused;
        }

        var result = await register.HandleAsync(new RegisterHoursCommand(agreementId, body.Date, body.Person, body.Activity, body.Hours,
            body.Comment, new Actor(caller.ActorId, caller.Name)), http.RequestAborted);
        if (ApiProblems.Refusal(result, http) is { } refusal)
        {
            return refusal;
        }

        var after = (await queries.GetAsync(agreementId, http.RequestAborted))!;
        AgreementETag.Set(http, after);
        return Results.Created($"/api/v1/agreements/{agreementId}/hours", after.Hours.Select(HoursResponse.Of).ToList());
    }

    /// <summary>RFC 8288 links to the neighbouring pages, with the same filter.</summary>
    private static void AddPageLinks(HttpContext http, AgreementPage page)
    {
        var links = new List<string>();
        if (page.Page > 1)
        {
            links.Add($"<{PageUrl(http, page.Page - 1)}>; rel=\"prev\"");
        }

        if (page.Page < page.PageCount)
        {
            links.Add($"<{PageUrl(http, page.Page + 1)}>; rel=\"next\"");
        }

        if (links.Count > 0)
        {
            http.Response.Headers.Link = string.Join(", ", links);
        }
    }

    private static string PageUrl(HttpContext http, int number)
    {
        var query = http.Request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"page={number}");
        return $"{http.Request.Path}?{string.Join('&', query)}";
    }
}
