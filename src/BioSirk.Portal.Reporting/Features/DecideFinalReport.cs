using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Reporting.Features;

public sealed record ReturnReportCommand(Guid AgreementId, int Version, string? Comment, IReadOnlyDictionary<ReportSection, string?> SectionComments, ReportActor By);

public sealed record ApproveReportCommand(Guid AgreementId, int Version, string? Comment, ReportActor By);

/// <summary>
/// The county officer's decision on the submitted version: return it with comments on named sections (the council
/// writes on and submits a new version), or approve it (the agreement's final milestone becomes payable with the
/// settlement amount). The version in the command is the one she read: a newer one answers with a message.
/// </summary>
public sealed class DecideFinalReport(FinalReportStore store, IAgreementReports agreements, INotifier notifier, ReportLinks links, TimeProvider clock)
{
    public async Task<Result?> ReturnAsync(ReturnReportCommand c, CancellationToken ct = default)
    {
        var (report, submission, refused) = await PendingAsync(c.AgreementId, c.Version, ct);
        if (report is null || submission is null)
        {
            return refused;
        }

        var comments = c.SectionComments.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .Select(kv => new SectionComment(kv.Key, kv.Value!.Trim())).ToList();
        var errors = new Errors()
            .When(comments.Count == 0 && string.IsNullOrWhiteSpace(c.Comment), "Comment",
                "Skriv hva rådet må rette: en merknad til rapporten eller til minst én del.")
            .WhenLongerThan(c.Comment, ReportRules.MaxCommentLength, "Comment", "Merknaden til rapporten");
        foreach (var comment in comments)
        {
            errors.WhenLongerThan(comment.Text, ReportRules.MaxCommentLength, "Section" + comment.Section, $"Merknaden til «{ReportRules.Title(comment.Section)}»");
        }

        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var moved = await agreements.MarkReturnedAsync(c.AgreementId, c.Version, new AgreementActor(c.By.UserId, c.By.Name), ct);
        if (moved is null)
        {
            return null;
        }

        if (!moved.Succeeded)
        {
            return moved;
        }

        submission.Return(c.Comment, comments, c.By.Name, clock.GetUtcNow().UtcDateTime);
        report.Returned();
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            await notifier.NotifyPersonAsync(submission.SubmittedByUserId, new NoticeMessage(
                $"Sluttrapporten er sendt tilbake: {report.AgreementTitle}",
                Phrase.Of("Fylket har sendt sluttrapporten (versjon {0}) tilbake med merknader. Se merknadene ved delene, rett rapporten og lever den på nytt.", c.Version),
                await links.CouncilAsync(report.TenantId, report.AgreementId, ct)), ct);
        }

        return saved;
    }

    public async Task<Result?> ApproveAsync(ApproveReportCommand c, CancellationToken ct = default)
    {
        var (report, submission, refused) = await PendingAsync(c.AgreementId, c.Version, ct);
        if (report is null || submission is null)
        {
            return refused;
        }

        // Checked before the agreement is approved: the agreement saves first, and a comment the report cannot store
        // would leave it approved with the report still waiting.
        var errors = new Errors().WhenLongerThan(c.Comment, ReportRules.MaxCommentLength, "Comment", "Merknaden til rapporten");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var approved = await agreements.ApproveAsync(c.AgreementId, c.Version, new AgreementActor(c.By.UserId, c.By.Name), ct);
        if (approved is null)
        {
            return null;
        }

        if (!approved.Succeeded)
        {
            return approved;
        }

        submission.Approve(c.Comment, c.By.Name, clock.GetUtcNow().UtcDateTime);
        report.Approved();
        var saved = await store.SaveAsync(ct);
        if (saved.Succeeded)
        {
            var figures = approved.Value!;
            var settlement = figures.IsRepaymentClaim
                ? Phrase.Of("Sluttoppgjøret er et krav om tilbakebetaling på {0}.", Norwegian.Kroner(-figures.Remainder))
                : Phrase.Of("Sluttoppgjøret på {0} kan nå anmodes utbetalt.", Norwegian.Kroner(figures.Remainder));
            await notifier.NotifyPersonAsync(submission.SubmittedByUserId, new NoticeMessage(
                $"Sluttrapporten er godkjent: {report.AgreementTitle}",
                Phrase.Of("Fylket har godkjent sluttrapporten (versjon {0}). {1}", c.Version, settlement),
                await links.CouncilAsync(report.TenantId, report.AgreementId, ct)), ct);
        }

        return saved;
    }

    private async Task<(FinalReport? Report, ReportSubmission? Submission, Result? Refused)> PendingAsync(Guid agreementId, int version, CancellationToken ct)
    {
        var report = await store.FindAsync(agreementId, ct);
        if (report is null)
        {
            return (null, null, null);
        }

        var pending = await store.PendingSubmissionAsync(report.Id, ct);
        if (pending is null || report.Stage != ReportStage.Submitted)
        {
            return (null, null, Result.Fail("", "Det er ingen levert sluttrapport som venter på vurdering."));
        }

        return pending.Version != version
            ? (null, null, Result.Fail("", $"Rådet har levert en nyere versjon ({pending.Version}). Les den før du avgjør."))
            : (report, pending, null);
    }
}
