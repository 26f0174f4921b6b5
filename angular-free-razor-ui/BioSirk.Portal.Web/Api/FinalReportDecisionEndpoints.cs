using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Api;

/// <summary>
/// The five sections of the final report: the text to deliver, or (in a decision) the county's comment on each. A
/// delivery without any section delivers what is already written on the report page.
/// </summary>
public sealed record FinalReportSectionsRequest(string? Activities, string? Results, string? Deviations, string? UseOfFunds, string? FurtherWork)
{
    public bool IsEmpty => new[] { Activities, Results, Deviations, UseOfFunds, FurtherWork }.All(string.IsNullOrWhiteSpace);

    public ReportSections ToSections() => new(Activities ?? "", Results ?? "", Deviations ?? "", UseOfFunds ?? "", FurtherWork ?? "");

    public IReadOnlyDictionary<ReportSection, string?> ByReportSection() => new Dictionary<ReportSection, string?>
    {
        [ReportSection.Activities] = Activities,
        [ReportSection.Results] = Results,
        [ReportSection.Deviations] = Deviations,
        [ReportSection.UseOfFunds] = UseOfFunds,
        [ReportSection.FurtherWork] = FurtherWork,
    };
}

/// <summary>The county's decision on the version it has read: "approve" or "return" (with a comment, or comments per section).</summary>
public sealed record FinalReportDecisionRequest(string? Decision, int? Version, string? Comment, FinalReportSectionsRequest? SectionComments);

/// <summary>The version the step concerned, and where the agreement stands after it.</summary>
public sealed record FinalReportStepResponse(int Version, AgreementStatusResponse Agreement);

/// <summary>
/// The final report's delivery (the council's secretary) and the county officer's decision on it, through the same use
/// cases as the report pages (<see cref="ReportDrafts"/>, <see cref="SubmitFinalReport"/>, <see cref="DecideFinalReport"/>).
/// Both are a person's act: app-only tokens are refused.
/// </summary>
public static class FinalReportDecisionEndpoints
{
    public static RouteGroupBuilder MapFinalReportDecisionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/agreements/{agreementId:guid}/final-report/submission", SubmitAsync).WithName("SubmitFinalReport")
            .WithSummary("Lever sluttrapporten til fylket (rådets sekretariat; If-Match)")
            .Produces<FinalReportStepResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/agreements/{agreementId:guid}/final-report/decision", DecideAsync).WithName("DecideFinalReport")
            .WithSummary("Godkjenn sluttrapporten, eller send den tilbake med merknader (fylkets rådgiver; If-Match)")
            .Produces<FinalReportStepResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, ReportDrafts drafts, SubmitFinalReport submit, TimeProvider clock,
        Guid agreementId, FinalReportSectionsRequest? body)
    {
        var caller = callers.Caller!;
        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound(); // before the body and the permission: another council's id says nothing
        }

        if (caller.IsApp)
        {
            return ApiProblems.Forbidden("Sluttrapporten leveres av en person i rådets sekretariat, med et delegert token, ikke med et app-token.");
        }

        if (!caller.IsCouncil || (caller.Roles & CouncilRoles.Secretary) == 0)
        {
            return ApiProblems.Forbidden("Sluttrapporten leveres av rådets sekretariat.");
        }

        if (AgreementETag.IfMatchFails(http, details) is { } stale)
        {
            return stale;
        }

        var by = new ReportActor(caller.ActorId, caller.Name);
        if (body is { IsEmpty: false })
        {
            var written = await drafts.WriteAsync(new WriteReportCommand(agreementId, body.ToSections(), null, by), http.RequestAborted);
            if (written is null)
            {
                return ApiProblems.NotFound();
            }

            if (!written.Succeeded)
            {
                return ApiProblems.Refused(written, http);
            }
        }

        var submitted = await submit.HandleAsync(agreementId, null, by, http.RequestAborted);
        if (submitted is null)
        {
            return ApiProblems.NotFound();
        }

        return submitted.Succeeded ? await StepAsync(http, queries, caller, clock, agreementId, submitted.Value) : ApiProblems.Refused(submitted, http);
    }

    private static async Task<IResult> DecideAsync(
        HttpContext http, ApiCallerAccessor callers, AgreementQueries queries, DecideFinalReport decide, TimeProvider clock,
        Guid agreementId, FinalReportDecisionRequest body)
    {
        var caller = callers.Caller!;
        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        if (details is null)
        {
            return ApiProblems.NotFound();
        }

        if (caller.IsApp)
        {
            return ApiProblems.Forbidden("Sluttrapporten vurderes av en person hos fylket, med et delegert token, ikke med et app-token.");
        }

        if (caller.IsCouncil)
        {
            return ApiProblems.Forbidden("Sluttrapporten vurderes av fylket.");
        }

        if (AgreementETag.IfMatchFails(http, details) is { } stale)
        {
            return stale;
        }

        var approve = string.Equals(body.Decision, "approve", StringComparison.OrdinalIgnoreCase);
        var errors = new Errors()
            .When(!approve && !string.Equals(body.Decision, "return", StringComparison.OrdinalIgnoreCase), "Decision", "Skriv approve eller return.")
            .When(body.Version is null, "Version", "Oppgi versjonen av sluttrapporten du har lest.");
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.All, PageTexts.Of(http));
        }

        var by = new ReportActor(caller.ActorId, caller.Name);
        var version = body.Version!.Value;
        var decided = approve
            ? await decide.ApproveAsync(new ApproveReportCommand(agreementId, version, body.Comment, by), http.RequestAborted)
            : await decide.ReturnAsync(new ReturnReportCommand(agreementId, version, body.Comment,
                (body.SectionComments ?? new(null, null, null, null, null)).ByReportSection(), by), http.RequestAborted);
        if (decided is null)
        {
            return ApiProblems.NotFound();
        }

        // the use case names a section's comment "SectionActivities"; in the body it is sectionComments.activities
        return decided.Succeeded
            ? await StepAsync(http, queries, caller, clock, agreementId, version)
            : ApiProblems.Refused(Result.Fail(decided.Errors.Select(e => e.Field.StartsWith("Section", StringComparison.Ordinal)
                ? e with { Field = "SectionComments." + e.Field["Section".Length..] }
                : e).ToList()), http);
    }

    private static async Task<IResult> StepAsync(HttpContext http, AgreementQueries queries, ApiCaller caller, TimeProvider clock, Guid agreementId, int version)
    {
        var details = (await queries.GetAsync(agreementId, http.RequestAborted))!;
        AgreementETag.Set(http, details);
        return Results.Ok(new FinalReportStepResponse(version, AgreementLifecycleEndpoints.Status(details, caller, clock)));
    }
}
