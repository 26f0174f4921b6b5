namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <param name="IsAmendment">The terms of a signed agreement, changed by an amendment (tillegg).</param>
public sealed record TermsFormView(TermsInput Input, string CouncilName, string CountyName, bool IsAmendment = false);
