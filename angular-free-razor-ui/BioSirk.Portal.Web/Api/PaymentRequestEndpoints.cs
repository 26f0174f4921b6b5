using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Web.Api;

public sealed record PaymentRequestResponse(
    Guid Id, Guid MilestoneId, decimal Amount, decimal SpentSoFar, string StatusText, string InvoiceMarking, string Status,
    string SentBy, DateTime SentAtUtc, string? DecisionComment, string? DecidedBy, DateTime? DecidedAtUtc)
{
    public static PaymentRequestResponse Of(PaymentRequest r) => new(r.Id, r.MilestoneId, r.Amount, r.SpentSoFar, r.StatusText, r.InvoiceMarking,
        r.Status.ToString(), r.SentBy, r.SentAtUtc, r.DecisionComment, r.DecidedBy, r.DecidedAtUtc);
}

/// <summary>A request for a payable milestone: the same fields and rule as the form on the agreement page.</summary>
public sealed record PaymentRequestBody(Guid? MilestoneId, string? StatusText);

/// <summary>The county's answer to a request: <c>approve</c>, or <c>return</c> with what the council must put right.</summary>
public sealed record PaymentRequestDecision(string? Decision, string? Comment);

/// <summary>
/// Payment requests (utbetalingsanmodninger) through the agreement page's use case: the council's secretary (or its
/// client with Budget.Write) requests a payable milestone; the county's officer (or its client with Payments.Write)
/// approves or returns it. Registering the payment is <see cref="PaymentEndpoints"/>.
/// </summary>
public static class PaymentRequestEndpoints
{
    public static RouteGroupBuilder MapPaymentRequestEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{agreementId:guid}/payment-requests", ListAsync).WithName("ListPaymentRequests")
            .WithSummary("Utbetalingsanmodningene på avtalen, nyeste først")
            .Produces<List<PaymentRequestResponse>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/agreements/{agreementId:guid}/payment-requests", SendAsync).WithName("SendPaymentRequest")
            .WithSummary("Send utbetalingsanmodning for en utbetaling som kan anmodes (rådet; samme regler som skjemaet; If-Match)")
            .Produces<List<PaymentRequestResponse>>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/agreements/{agreementId:guid}/payment-requests/{requestId:guid}/decision", DecideAsync).WithName("DecidePaymentRequest")
            .WithSummary("Godkjenn eller send tilbake en utbetalingsanmodning (fylket; If-Match)")
            .Produces<List<PaymentRequestResponse>>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static Task<IResult> ListAsync(HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, Guid agreementId) =>
        AgreementReads.PartAsync(http, callers.Caller!, queries, agreementId, details => details.Requests.Select(PaymentRequestResponse.Of).ToList());

    private static async Task<IResult> SendAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, PaymentRequests requests, Guid agreementId, PaymentRequestBody body)
    {
        var caller = callers.Caller!;
        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound(); // before the permission and the body: another council's id says nothing
        }

        if (!caller.CanWriteBudget)
        {
            return ApiProblems.Forbidden("Utbetalingsanmodninger sendes av rådets sekretariat, eller av en klient med app-rollen Budget.Write.");
        }

        if (AgreementETag.IfMatchFails(http, details) is { } stale)
        {
            return stale;
        }

        if (body.MilestoneId is not { } milestoneId || details.Agreement.Milestones.All(m => m.Id != milestoneId))
        {
            return ApiProblems.Validation([new FieldError("MilestoneId", PaymentEndpoints.UnknownMilestone)], http);
        }

        var result = await requests.SendAsync(
            new SendPaymentRequestCommand(agreementId, milestoneId, body.StatusText, new Actor(caller.ActorId, caller.Name)), http.RequestAborted);
        return ApiProblems.Refusal(result, http) ?? await AnswerAsync(http, queries, agreementId, StatusCodes.Status201Created);
    }

    private static async Task<IResult> DecideAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, PaymentRequests requests, Guid agreementId, Guid requestId,
        PaymentRequestDecision body)
    {
        var caller = callers.Caller!;
        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null || details.Requests.All(r => r.Id != requestId))
        {
            return ApiProblems.NotFound();
        }

        if (!caller.CanRegisterPayments)
        {
            return ApiProblems.Forbidden("Utbetalingsanmodninger behandles av fylkets rådgivere, eller av fylkets klient med app-rollen Payments.Write.");
        }

        if (AgreementETag.IfMatchFails(http, details) is { } stale)
        {
            return stale;
        }

        bool? approve = body.Decision?.Trim().ToLowerInvariant() switch
        {
            "approve" => true,
            "return" => false,
            _ => null,
        };
        if (approve is null)
        {
            return ApiProblems.Validation([new FieldError("Decision", "Skriv approve eller return.")], http);
        }

        var result = await requests.DecideAsync(
            new DecidePaymentRequestCommand(agreementId, requestId, approve.Value, body.Comment, new Actor(caller.ActorId, caller.Name)), http.RequestAborted);
        return ApiProblems.Refusal(result, http) ?? await AnswerAsync(http, queries, agreementId, StatusCodes.Status200OK);
    }

    /// <summary>The agreement's requests after the change, with its new ETag for the next conditional write.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, AgreementQueries queries, Guid agreementId, int status)
    {
        var after = (await queries.GetAsync(agreementId, http.RequestAborted))!;
        AgreementETag.Set(http, after);
        var body = after.Requests.Select(PaymentRequestResponse.Of).ToList();
        return status == StatusCodes.Status201Created
            ? Results.Created($"/api/v1/agreements/{agreementId}/payment-requests", body)
            : Results.Ok(body);
    }
}
