using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Web.Api;

public sealed record VoucherResponse(string FileName, string ContentType, long Size, string Sha256);

public sealed record CostResponse(Guid Id, DateOnly Date, string Supplier, string Description, decimal Amount, string RegisteredBy, VoucherResponse? Voucher)
{
    public static CostResponse Of(DirectCost c) => new(c.Id, c.Date, c.Supplier, c.Description, c.Amount, c.RegisteredBy,
        c.Voucher is { } v ? new VoucherResponse(v.FileName, v.ContentType, v.Size, v.Sha256) : null);
}

/// <summary>The voucher file of a cost, base64-encoded; its type is read from the content, as on the form (PDF, JPEG or PNG).</summary>
public sealed record VoucherRequest(string? FileName, string? Content);

/// <summary>A direct cost to register: the fields and the rule (<see cref="DirectCost.Check"/>, voucher required) of the form.</summary>
public sealed record CostRequest(DateOnly? Date, string? Supplier, string? Description, decimal? Amount, VoucherRequest? Voucher);

/// <param name="Hours">The hours imported; rows already registered (<see cref="Skipped"/>) are not counted.</param>
public sealed record HoursImportResponse(int Imported, decimal Hours)
{
    /// <summary>Rows left out because the same hours were registered already (a repeated import).</summary>
    public int Skipped { get; init; }
}

/// <summary>
/// Direct costs and the bulk import of hours, through the same use cases as the agreement page (<see cref="RegisterDirectCost"/>,
/// <see cref="ImportTimesheet"/>), so the same tenant filter and the same rules apply.
/// </summary>
public static class BudgetEndpoints
{
    public const int MaxImportRows = 5000;

    public static RouteGroupBuilder MapBudgetEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{agreementId:guid}/costs", ListCostsAsync).WithName("ListCosts")
            .WithSummary("De direkte kostnadene på avtalen, eventuelt fra og med from til og med to (åååå-mm-dd)")
            .Produces<List<CostResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/agreements/{agreementId:guid}/costs", RegisterCostAsync).WithName("RegisterCost")
            .WithSummary("Registrer en direkte kostnad med bilag (samme regler som skjemaet)")
            .Produces<List<CostResponse>>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/agreements/{agreementId:guid}/hours/import", ImportHoursAsync).WithName("ImportHours")
            .WithSummary("Importer mange rader med timer: alle eller ingen, med feilene rad for rad (samme regler som timelisteimporten)")
            .Produces<HoursImportResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<IResult> ListCostsAsync(
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
            details => details.Costs.Where(c => period.Contains(c.Date)).Select(CostResponse.Of).ToList());
    }

    private static async Task<IResult> RegisterCostAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, RegisterDirectCost register, Guid agreementId, CostRequest body)
    {
        if (await RefuseBudgetWriteAsync(http, callers.Caller!, queries, agreementId) is { } refused)
        {
            return refused;
        }

        var content = Decode(body.Voucher?.Content);
        using var stream = new MemoryStream(content ?? []);
        var voucher = content is null ? null : new VoucherUpload(stream, FileName(body.Voucher!.FileName), content.Length);
        var result = await register.HandleAsync(new RegisterDirectCostCommand(agreementId, body.Date, body.Supplier, body.Description, body.Amount,
            voucher, new Actor(callers.Caller!.ActorId, callers.Caller.Name)), http.RequestAborted);
        if (result is { Succeeded: false } && body.Voucher?.Content is { Length: > 0 } && content is null)
        {
            // The form cannot send a file that is not a file; through the API it is text that is not base64.
            result = Result.Fail([.. result.Errors.Where(e => e.Field != "Voucher"),
                new FieldError("Voucher", "Bilaget må sendes som base64 i voucher.content.")]);
        }

        if (ApiProblems.Refusal(result, http) is { } refusal)
        {
            return refusal;
        }

        var after = (await queries.GetAsync(agreementId, http.RequestAborted))!;
        AgreementETag.Set(http, after);
        return Results.Created($"/api/v1/agreements/{agreementId}/costs", after.Costs.Select(CostResponse.Of).ToList());
    }

    private static async Task<IResult> ImportHoursAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, ImportTimesheet import, Guid agreementId, List<HoursRequest?>? body)
    {
        if (await RefuseBudgetWriteAsync(http, callers.Caller!, queries, agreementId) is { } refused)
        {
            return refused;
        }

        var rows = body ?? [];
        if (rows.Count is 0 or > MaxImportRows)
        {
            return ApiProblems.Validation([new FieldError("Rows", $"Send fra 1 til {MaxImportRows} rader med timer i én import.")], http);
        }

        var report = await import.HandleAsync(agreementId, [.. rows.Select((row, i) => Row(i + 1, row))],
            new Actor(callers.Caller!.ActorId, callers.Caller.Name), http.RequestAborted);
        if (report is null)
        {
            return ApiProblems.NotFound();
        }

        if (report.FileError is { } refusal)
        {
            return ApiProblems.Conflict(refusal);
        }

        if (!report.Succeeded)
        {
            return ApiProblems.Rows(report.Rows, report.Rows.Count, "Ingen timer er registrert. Rett radene og send hele importen på nytt.", http);
        }

        AgreementETag.Set(http, (await queries.GetAsync(agreementId, http.RequestAborted))!);
        return Results.Created($"/api/v1/agreements/{agreementId}/hours",
            new HoursImportResponse(report.Imported, rows.Where((_, i) => report.Rows.Any(r => r.Row == i + 1 && r.Skipped is null)).Sum(r => r!.Hours ?? 0)) { Skipped = report.SkippedRows });
    }

    /// <summary>
    /// 404 before 403: another council's or a county's agreement says nothing. Then the rule of the agreement page (the
    /// council's secretaries, or its client with Budget.Write, register hours and costs), then the write's If-Match (412).
    /// </summary>
    internal static async Task<IResult?> RefuseBudgetWriteAsync(HttpContext http, ApiCaller caller, AgreementQueries queries, Guid agreementId)
    {
        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound();
        }

        return caller.CanWriteBudget
            ? AgreementETag.IfMatchFails(http, details)
            : ApiProblems.Forbidden("Timer og kostnader registreres av rådets sekretariat, eller av en klient med app-rollen Budget.Write.");
    }

    private static TimesheetRow Row(int number, HoursRequest? row) =>
        new(number, $"{row?.Date:yyyy-MM-dd}, {row?.Person}, {row?.Activity}, {row?.Hours}", row?.Date, row?.Person, row?.Activity, row?.Hours, row?.Comment);

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string FileName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "bilag" : Path.GetFileName(name.Trim());
}
