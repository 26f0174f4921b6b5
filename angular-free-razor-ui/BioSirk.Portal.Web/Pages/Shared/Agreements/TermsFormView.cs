namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

public sealed record TermsFormView(TermsInput Input, string CouncilName, string CountyName);
