namespace BioSirk.Portal.Reporting.Domain;

/// <summary>The person acting on a report, as its history shows her.</summary>
public sealed record ReportActor(Guid UserId, string Name);
