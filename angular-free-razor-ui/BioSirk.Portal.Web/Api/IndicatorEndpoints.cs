using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Web.Api;

public sealed record IndicatorResponse(
    Guid Id, string Name, string Unit, string PlanKind, Guid PlanId, string PlanTitle, string State, string StateText,
    decimal? LatestValue, DateOnly? LatestDate, decimal TargetValue, DateOnly TargetDate, DateOnly NextReportingDate, string? Responsible)
{
    public static IndicatorResponse Of(IndicatorSummary i) => new(i.Id, i.Name, i.Unit, i.PlanKind.ToString(), i.PlanId, i.PlanTitle,
        i.State.ToString(), IndicatorTexts.State(i.State), i.LatestValue, i.LatestDate, i.TargetValue, i.TargetDate, i.NextReportingDate, i.ResponsibleName);
}

public sealed record MeasurementResponse(Guid Id, DateOnly Date, decimal Value, string? Source, string? Comment, string RegisteredBy)
{
    public static MeasurementResponse Of(Measurement m) => new(m.Id, m.Date, m.Value, m.Source, m.Comment, m.RegisteredByName);
}

/// <summary>A measurement to register: the fields, and the rule (<see cref="IndicatorRules.CheckMeasurement"/>), of the form.</summary>
public sealed record MeasurementRequest(DateOnly? Date, decimal? Value, string? Source, string? Comment);

/// <summary>
/// Indicators and their measurements through the Indicators module's queries and use case, as on the indicator pages:
/// a council reads its own and its partnerships' roadmap goals' indicators, a county those of the agreements it funds;
/// measurements are registered by the owner council's secretaries (or its client with Indicators.Write) and by the
/// indicator's responsible person (<see cref="IndicatorAccess.CanMeasure"/>). An indicator of an agreement whose final
/// report lies with the county or is approved is locked (<see cref="IndicatorLock"/>): a measurement is refused with 409,
/// as on the page.
/// </summary>
public static class IndicatorEndpoints
{
    private const string ReadRefusal = "Klienten har ikke app-rollen Indicators.Read.";

    public static RouteGroupBuilder MapIndicatorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/indicators", ListAsync).WithName("ListIndicators")
            .WithSummary("Indikatorene rådet eller fylket ser, med status og siste måling")
            .Produces<List<IndicatorResponse>>().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/indicators/{indicatorId:guid}/measurements", ListMeasurementsAsync).WithName("ListMeasurements")
            .WithSummary("Målingene av indikatoren, eventuelt fra og med from til og med to (åååå-mm-dd)")
            .Produces<List<MeasurementResponse>>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/indicators/{indicatorId:guid}/measurements", RegisterMeasurementAsync).WithName("RegisterMeasurement")
            .WithSummary("Registrer en måling (samme regler som skjemaet)")
            .Produces<List<MeasurementResponse>>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ApiCallerAccessor callers, IIndicatorReader reader) =>
        callers.Caller!.CanReadIndicators
            ? Results.Ok((await reader.ListVisibleAsync(http.RequestAborted)).Select(IndicatorResponse.Of).ToList())
            : ApiProblems.Forbidden(ReadRefusal);

    private static async Task<IResult> ListMeasurementsAsync(
        HttpContext http, ApiCallerAccessor callers, IndicatorQueries queries, Guid indicatorId, string? from, string? to)
    {
        var details = await queries.GetAsync(indicatorId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound(); // before the permission: another council's id says nothing
        }

        if (!callers.Caller!.CanReadIndicators)
        {
            return ApiProblems.Forbidden(ReadRefusal);
        }

        var errors = new Errors();
        return DateRange.Parse(from, to, errors) is { } period
            ? Results.Ok(details.Measurements.Where(m => period.Contains(m.Date)).Select(MeasurementResponse.Of).ToList())
            : ApiProblems.Validation(errors.All, http);
    }

    private static async Task<IResult> RegisterMeasurementAsync(
        HttpContext http, ApiCallerAccessor callers, IndicatorQueries queries, RegisterMeasurement register, Guid indicatorId, MeasurementRequest body)
    {
        var caller = callers.Caller!;
        var details = await queries.GetAsync(indicatorId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound();
        }

        var councilId = caller.IsCouncil ? caller.Owner.Id : (Guid?)null;
        var userId = caller.IsApp ? (Guid?)null : caller.ActorId;
        if (!IndicatorAccess.CanMeasure(details.Indicator, councilId, caller.ActsAsSecretary(ApiCaller.WriteIndicators), userId))
        {
            return ApiProblems.Forbidden("Målinger registreres av sekretariatet i rådet som eier indikatoren, av den ansvarlige personen, " +
                                         "eller av rådets klient med app-rollen Indicators.Write.");
        }

        var result = await register.HandleAsync(new RegisterMeasurementCommand(indicatorId, body.Value, body.Date, body.Source, body.Comment,
            new ActingPerson(caller.ActorId, caller.Name)), http.RequestAborted);
        if (ApiProblems.Refusal(result, http) is { } refusal)
        {
            return refusal;
        }

        var measurements = (await queries.GetAsync(indicatorId, http.RequestAborted))!.Measurements.Select(MeasurementResponse.Of).ToList();
        return Results.Created($"/api/v1/indicators/{indicatorId}/measurements", measurements);
    }
}
