using BioSirk.Portal.Agreements.Features;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

public sealed record AgreementListView(IReadOnlyList<AgreementRow> Rows, string BasePath, bool ShowCouncil, string EmptyText, DateOnly Today);
