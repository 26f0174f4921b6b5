using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>
/// Tells the other party when an agreement waits for it (a signature, a payment request, a decision, a payment), in
/// the portal and by e-mail, with a link to the agreement in that party's own pages.
/// </summary>
public sealed class AgreementNotices(IPlatformDirectory directory, INotifier notifier)
{
    /// <summary>Every county officer of the agreement's county.</summary>
    public Task ToCountyAsync(Agreement agreement, string subject, Phrase text, CancellationToken ct) =>
        ToCountyAsync(agreement, new NoticeText(subject, text, LinkToAgreement: true), ct);

    private async Task ToCountyAsync(Agreement agreement, NoticeText notice, CancellationToken ct)
    {
        var county = (await directory.ListCountiesAsync(ct)).FirstOrDefault(c => c.Id == agreement.FunderCountyId);
        if (county is not null)
        {
            await notifier.NotifyCountyAsync(county.Id, notice.Message($"/fylke/{county.Slug}/avtaler/{agreement.Id}"), ct);
        }
    }

    /// <summary>The party that did not act: the step one party took is news to the other.</summary>
    public Task ToOtherPartyAsync(Agreement agreement, Party acting, string subject, Phrase text, CancellationToken ct) =>
        acting == Party.County ? ToCouncilAsync(agreement, subject, text, ct) : ToCountyAsync(agreement, subject, text, ct);

    /// <summary>The council's secretaries, who act on its agreements.</summary>
    public Task ToCouncilAsync(Agreement agreement, string subject, Phrase text, CancellationToken ct) =>
        ToCouncilAsync(agreement, new NoticeText(subject, text, LinkToAgreement: true), ct);

    private async Task ToCouncilAsync(Agreement agreement, NoticeText notice, CancellationToken ct)
    {
        var council = (await directory.ListCouncilsAsync(ct)).FirstOrDefault(c => c.Id == agreement.TenantId);
        if (council is not null)
        {
            await notifier.NotifyCouncilAsync(council.Id, CouncilRoles.Secretary, notice.Message($"/rad/{council.Slug}/avtaler/{agreement.Id}"), ct);
        }
    }

    /// <summary>The other party, of an agreement that is gone (a deleted draft): the notice has no link to open.</summary>
    public Task ToOtherPartyWithoutLinkAsync(Agreement agreement, Party acting, string subject, Phrase text, CancellationToken ct)
    {
        var notice = new NoticeText(subject, text, LinkToAgreement: false);
        return acting == Party.County ? ToCouncilAsync(agreement, notice, ct) : ToCountyAsync(agreement, notice, ct);
    }

    private sealed record NoticeText(string Subject, Phrase Text, bool LinkToAgreement)
    {
        public NoticeMessage Message(string agreementUrl) => new(Subject, Text, LinkToAgreement ? agreementUrl : null);
    }
}
