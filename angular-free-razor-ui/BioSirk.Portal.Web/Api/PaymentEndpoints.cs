using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Api;

/// <summary>
/// A payment milestone as the agreement page shows it. <c>Amount</c> is set once it is payable (negative: a repayment
/// claim); <c>Paid</c>: what its registered payments come to, which may differ from <c>Amount</c> when the county
/// confirmed another amount; <c>AwaitsPayment</c>: the county may register its payment now (the council's request
/// for it is approved, or it is a repayment claim): a request that waits is decided first, through its decision.
/// <c>Status</c>: Waiting, Payable, Requested, Paid, or InFinalSettlement (not paid when the final report was approved:
/// the final settlement pays it instead).
/// </summary>
public sealed record MilestoneResponse(
    Guid Id, int Number, string Name, decimal SharePercent, decimal? Amount, string Trigger, string TriggerText, DateOnly? DueDate,
    string Status, string StatusText, bool AwaitsPayment, decimal Paid);

public sealed record PaymentResponse(Guid Id, Guid MilestoneId, DateOnly Date, decimal Amount, string Reference, string RegisteredBy, DateTime RegisteredAtUtc);

/// <summary>A payment to register: the same fields, and the same rule, as the county's payment form (negative amount: a repayment).</summary>
/// <param name="ConfirmsDeviation">True to register an amount other than the milestone's expected one (otherwise refused with 400).</param>
public sealed record PaymentRegistration(Guid? MilestoneId, DateOnly? Date, decimal? Amount, string? Reference, bool? ConfirmsDeviation = null);

/// <summary>Why a payment registered by mistake is taken back (required; kept in the agreement's history).</summary>
public sealed record PaymentReversal(string? Reason);

/// <summary>
/// The payment milestones and payments of an agreement, through the same queries and use case as the agreement page:
/// the funding county registers payments on the milestones whose request it has approved (or a repayment claim).
/// </summary>
public static class PaymentEndpoints
{
    public const string UnknownMilestone = "Avtalen har ingen utbetaling med denne id-en. Se /milestones.";

    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{agreementId:guid}/milestones", ListMilestonesAsync).WithName("ListMilestones")
            .WithSummary("Utbetalingene etter avtalen: andel, beløp, utløser og status")
            .Produces<List<MilestoneResponse>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/agreements/{agreementId:guid}/payments", ListPaymentsAsync).WithName("ListPayments")
            .WithSummary("Registrerte betalinger og tilbakebetalinger")
            .Produces<List<PaymentResponse>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/agreements/{agreementId:guid}/payments", RegisterPaymentAsync).WithName("RegisterPayment")
            .WithSummary("Registrer en betaling (fylket; samme regler som skjemaet; If-Match)")
            .Produces<List<PaymentResponse>>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/agreements/{agreementId:guid}/payments/{paymentId:guid}/reversal", ReversePaymentAsync).WithName("ReversePayment")
            .WithSummary("Reverser en betaling som er registrert feil (fylket; begrunnelse kreves; If-Match). Utbetalingen venter på betaling igjen.")
            .Produces<List<PaymentResponse>>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static Task<IResult> ListMilestonesAsync(HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, Guid agreementId) =>
        AgreementReads.PartAsync(http, callers.Caller!, queries, agreementId, details =>
            details.Agreement.Milestones.OrderBy(m => m.Number).Select(m => new MilestoneResponse(m.Id, m.Number, m.Name, m.SharePercent,
                m.Amount, m.Trigger.ToString(), AgreementQueries.TriggerText(m), m.DueDate, m.State.ToString(),
                AgreementQueries.MilestoneStateText(m.State), m.IsReadyForPayment(details.Requests), m.PaidIn(details.Payments))).ToList());

    private static Task<IResult> ListPaymentsAsync(HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, Guid agreementId) =>
        AgreementReads.PartAsync(http, callers.Caller!, queries, agreementId, Payments);

    private static async Task<IResult> RegisterPaymentAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, PaymentRequests payments, Guid agreementId, PaymentRegistration body)
    {
        var caller = callers.Caller!;
        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound(); // before the permission and the body: another county's or council's id says nothing
        }

        if (!caller.CanRegisterPayments)
        {
            return ApiProblems.Forbidden("Betalinger registreres av fylkets rådgivere, eller av fylkets klient med app-rollen Payments.Write.");
        }

        if (AgreementETag.IfMatchFails(http, details) is { } stale)
        {
            return stale;
        }

        var texts = PageTexts.Of(http);
        if (body.MilestoneId is not { } milestoneId || details.Agreement.Milestones.All(m => m.Id != milestoneId))
        {
            return ApiProblems.Validation([new FieldError("MilestoneId", UnknownMilestone)], texts);
        }

        var result = await payments.RegisterPaymentAsync(new RegisterPaymentCommand(agreementId, milestoneId, body.Date, body.Amount, body.Reference,
            new Actor(caller.ActorId, caller.Name)) { ConfirmsDeviation = body.ConfirmsDeviation == true }, http.RequestAborted);
        if (result is null)
        {
            return ApiProblems.NotFound();
        }

        if (result.Errors.FirstOrDefault(e => e.Field.Length == 0) is { } refusal)
        {
            return ApiProblems.Conflict(refusal.Message);
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Validation(result.Errors, texts);
        }

        var after = (await queries.GetAsync(agreementId, http.RequestAborted))!;
        AgreementETag.Set(http, after);
        return Results.Created($"/api/v1/agreements/{agreementId}/payments", Payments(after));
    }

    /// <summary>Answers with the payments that remain, as the county's reversal form on the agreement page does.</summary>
    private static async Task<IResult> ReversePaymentAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, PaymentRequests payments, Guid agreementId, Guid paymentId, PaymentReversal body)
    {
        var caller = callers.Caller!;
        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null || details.Payments.All(p => p.Id != paymentId))
        {
            return ApiProblems.NotFound();
        }

        if (!caller.CanRegisterPayments)
        {
            return ApiProblems.Forbidden("Betalinger reverseres av fylkets rådgivere, eller av fylkets klient med app-rollen Payments.Write.");
        }

        if (AgreementETag.IfMatchFails(http, details) is { } stale)
        {
            return stale;
        }

        var result = await payments.ReversePaymentAsync(
            new ReversePaymentCommand(agreementId, paymentId, body.Reason, new Actor(caller.ActorId, caller.Name)), http.RequestAborted);
        if (ApiProblems.Refusal(result, http) is { } refused)
        {
            return refused;
        }

        var after = (await queries.GetAsync(agreementId, http.RequestAborted))!;
        AgreementETag.Set(http, after);
        return Results.Ok(Payments(after));
    }

    private static List<PaymentResponse> Payments(AgreementDetails details) =>
        details.Payments.Select(p => new PaymentResponse(p.Id, p.MilestoneId, p.Date, p.Amount, p.Reference, p.RegisteredBy, p.RegisteredAtUtc)).ToList();
}
