using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Councils;

/// <summary>What the council's admin can change about the council itself; its slug (the URLs) and county stay the host's.</summary>
public sealed record CouncilDetailsView(string Name, string? OrganisationNumber, string? ContactName, string? ContactEmail, string ConcurrencyStamp);

public sealed record SaveCouncilDetailsCommand(
    Guid CouncilId, string? Name, string? OrganisationNumber, string? ContactName, string? ContactEmail, string ConcurrencyStamp);

/// <summary>
/// The council's name, organisation number and agreement contact, kept by its tenant admin. New agreements take the
/// organisation number and contact from here; agreements already drafted keep their own.
/// </summary>
public sealed class CouncilDetails(PlatformDbContext db)
{
    public Task<CouncilDetailsView?> GetAsync(Guid councilId, CancellationToken ct = default) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == councilId)
            .Select(t => new CouncilDetailsView(t.Name, t.OrganisationNumber, t.ContactName, t.ContactEmail, t.ConcurrencyStamp))
            .FirstOrDefaultAsync(ct);

    /// <returns>null when there is no such council (the page answers 404).</returns>
    public async Task<Result?> SaveAsync(SaveCouncilDetailsCommand command, CancellationToken ct = default)
    {
        var council = await db.Tenants.FirstOrDefaultAsync(t => t.Id == command.CouncilId, ct);
        if (council is null)
        {
            return null;
        }

        var errors = Validate(command);
        await errors.RefuseTakenAsync(command.Name, command.OrganisationNumber, "Et råd",
            name => db.Tenants.AnyAsync(t => t.Id != council.Id && t.Name.ToLower() == name, ct),
            number => db.Tenants.Where(t => t.Id != council.Id && t.OrganisationNumber == number).Select(t => t.Name).FirstOrDefaultAsync(ct));
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        db.Entry(council).Property(t => t.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        council.Name = command.Name!.Trim();
        council.OrganisationNumber = OrganisationRules.StoredNumber(command.OrganisationNumber);
        council.ContactName = OrganisationRules.StoredContactName(command.ContactName);
        council.ContactEmail = OrganisationRules.StoredContactEmail(command.ContactEmail);
        return await db.SaveOrConflictAsync(ConcurrencyMessages.ChangedByOther, ct);
    }

    private static Errors Validate(SaveCouncilDetailsCommand command) => new Errors()
        .NameAndNumber(command.Name, command.OrganisationNumber, "Skriv inn rådets navn, for eksempel «Regionrådet for Hallingdal».")
        .Contact(command.ContactName, command.ContactEmail);
}
