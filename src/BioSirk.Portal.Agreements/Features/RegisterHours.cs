using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Agreements.Features;

public sealed record RegisterHoursCommand(Guid AgreementId, DateOnly? Date, string? Person, string? Activity, decimal? Hours, string? Comment, Actor By);

/// <summary>Hours against a signed agreement, inside its period. Beyond the frame is allowed and shown as not eligible.</summary>
public sealed class RegisterHours(AgreementStore store, TimeProvider clock)
{
    public async Task<Result?> HandleAsync(RegisterHoursCommand c, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(c.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        if (BudgetRules.ClosedFor(agreement) is { } closed)
        {
            return Result.Fail("", closed);
        }

        var errors = HourEntry.Check(agreement, c.Date, c.Person, c.Activity, c.Hours, c.Comment);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        store.Db.Hours.Add(new HourEntry(agreement, c.Date!.Value, c.Person!, c.Activity!, c.Hours!.Value, c.Comment, c.By.Name, clock.GetUtcNow().UtcDateTime));
        return await store.SaveAsync(ct);
    }
}

internal static class BudgetRules
{
    /// <summary>Hours and costs are registered while the agreement is in force and its final report is not with the county.</summary>
    public static string? ClosedFor(Agreement agreement) => agreement.Status switch
    {
        AgreementStatus.Draft => "Timer og kostnader registreres når avtalen er signert av begge parter.",
        AgreementStatus.Signed => null,
        AgreementStatus.FinalReportSubmitted =>
            "Sluttrapporten er levert, og timer og kostnader står i den slik de var da. De kan endres igjen hvis fylket sender rapporten tilbake.",
        _ => "Avtalen er avsluttet: sluttrapporten er godkjent, så det kan ikke registreres flere timer eller kostnader.",
    };
}
