using BioSirk.Portal.Platform.Contracts;

namespace BioSirk.Portal.Web.Api;

/// <summary>
/// Who calls the API, once its bearer token is checked: a person of the council or county (a delegated token, with her
/// roles there) or the council's or county's own daemon client (an app-only token, with its app roles).
/// </summary>
public sealed record ApiCaller(EntraOwner Owner, Guid ActorId, string Name, CouncilRoles Roles, IReadOnlySet<string> AppRoles)
{
    public const string ReadAgreements = "Agreements.Read";
    public const string WriteBudget = "Budget.Write";
    public const string WritePayments = "Payments.Write";
    public const string ReadIndicators = "Indicators.Read";
    public const string WriteIndicators = "Indicators.Write";

    /// <summary>The client as its idempotency keys are kept: the Entra tenant with the application or the person.</summary>
    public string Client { get; init; } = string.Empty;

    public bool IsApp => AppRoles.Count > 0;

    public bool IsCouncil => !Owner.IsCounty;

    /// <summary>Every member of the council and every officer of the county reads agreements, as on the pages.</summary>
    public bool CanRead => !IsApp || AppRoles.Contains(ReadAgreements) || AppRoles.Contains(WriteBudget) || AppRoles.Contains(WritePayments);

    /// <summary>Hours and costs are registered by the council's secretaries, as on the agreement page.</summary>
    public bool CanWriteBudget => ActsAsSecretary(WriteBudget);

    /// <summary>Payments are registered by the funding county's officers, as on the agreement page.</summary>
    public bool CanRegisterPayments => Owner.IsCounty && (!IsApp || AppRoles.Contains(WritePayments));

    /// <summary>Every member of the council and every officer of a funding county reads indicators, as on the pages.</summary>
    public bool CanReadIndicators => !IsApp || AppRoles.Contains(ReadIndicators) || AppRoles.Contains(WriteIndicators);

    /// <summary>
    /// A council's secretary, or its client with <paramref name="appRole"/>: the client acts for the council as its
    /// secretariat does on the pages.
    /// </summary>
    public bool ActsAsSecretary(string appRole) => IsCouncil && (IsApp ? AppRoles.Contains(appRole) : (Roles & CouncilRoles.Secretary) != 0);
}
