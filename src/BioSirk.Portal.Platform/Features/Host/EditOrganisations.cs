using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Features.Host;

/// <summary>A council as the host admin edits it.</summary>
public sealed record OrganisationDetails(Guid Id, string Slug, string Name, string? OrganisationNumber, Guid? CountyId, bool IsActive, string ConcurrencyStamp);

/// <summary>A county as the host admin edits it.</summary>
public sealed record CountyDetails(
    Guid Id, string Slug, string Name, string? OrganisationNumber, string? ContactName, string? ContactEmail,
    string? InvoiceOrderNumber, string? InvoiceProjectNumber, string ConcurrencyStamp);

public sealed record EditCouncilCommand(Guid CouncilId, string? Name, string? OrganisationNumber, Guid? CountyId, bool IsActive, string ConcurrencyStamp);

public sealed record EditCountyCommand(
    Guid CountyId, string? Name, string? OrganisationNumber, string? ContactName, string? ContactEmail, string ConcurrencyStamp)
{
    public string? InvoiceOrderNumber { get; init; }

    public string? InvoiceProjectNumber { get; init; }
}

/// <summary>
/// The host admin corrects a council (name, organisation number, county, whether it is active) or a county (name,
/// organisation number, contact person for agreements, the numbers its invoices carry). The slug stays: it is in every link people have saved. A council that is made inactive is
/// closed to its people (their memberships no longer open it) and nothing of it is deleted.
/// </summary>
public sealed class EditOrganisations(PlatformDbContext db)
{
    public Task<OrganisationDetails?> FindCouncilAsync(Guid councilId, CancellationToken ct = default) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == councilId)
            .Select(t => new OrganisationDetails(t.Id, t.Slug, t.Name, t.OrganisationNumber, t.CountyId, t.IsActive, t.ConcurrencyStamp))
            .FirstOrDefaultAsync(ct);

    public Task<CountyDetails?> FindCountyAsync(Guid countyId, CancellationToken ct = default) =>
        db.Counties.AsNoTracking().Where(c => c.Id == countyId)
            .Select(c => new CountyDetails(c.Id, c.Slug, c.Name, c.OrganisationNumber, c.ContactName, c.ContactEmail, c.InvoiceOrderNumber, c.InvoiceProjectNumber, c.ConcurrencyStamp))
            .FirstOrDefaultAsync(ct);

    /// <returns>null when there is no such council (the page answers 404).</returns>
    public async Task<Result?> EditCouncilAsync(EditCouncilCommand command, CancellationToken ct = default)
    {
        var council = await db.Tenants.FirstOrDefaultAsync(t => t.Id == command.CouncilId, ct);
        if (council is null)
        {
            return null;
        }

        var errors = new Errors().NameAndNumber(command.Name, command.OrganisationNumber, "Skriv inn rådets navn, for eksempel «Regionrådet for Hallingdal».");
        await errors.RefuseTakenAsync(command.Name, command.OrganisationNumber, "Et råd",
            name => db.Tenants.AnyAsync(t => t.Id != council.Id && t.Name.ToLower() == name, ct),
            number => db.Tenants.Where(t => t.Id != council.Id && t.OrganisationNumber == number).Select(t => t.Name).FirstOrDefaultAsync(ct));
        if (command.CountyId is { } countyId && !await db.Counties.AnyAsync(c => c.Id == countyId, ct))
        {
            errors.Add("CountyId", "Velg et fylke fra listen.");
        }

        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        db.Entry(council).Property(t => t.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        council.Name = command.Name!.Trim();
        council.OrganisationNumber = OrganisationRules.StoredNumber(command.OrganisationNumber);
        council.CountyId = command.CountyId;
        council.IsActive = command.IsActive;
        return await db.SaveOrConflictAsync(ConcurrencyMessages.ChangedByOther, ct);
    }

    /// <returns>null when there is no such county (the page answers 404).</returns>
    public async Task<Result?> EditCountyAsync(EditCountyCommand command, CancellationToken ct = default)
    {
        var county = await db.Counties.FirstOrDefaultAsync(c => c.Id == command.CountyId, ct);
        if (county is null)
        {
            return null;
        }

        var errors = new Errors()
            .NameAndNumber(command.Name, command.OrganisationNumber, "Skriv inn fylkeskommunens navn, for eksempel «Buskerud fylkeskommune».")
            .Contact(command.ContactName, command.ContactEmail)
            .WhenLongerThan(command.InvoiceOrderNumber, 100, nameof(command.InvoiceOrderNumber), "Bestillernummeret")
            .WhenLongerThan(command.InvoiceProjectNumber, 100, nameof(command.InvoiceProjectNumber), "Prosjektnummeret");
        await errors.RefuseTakenAsync(command.Name, command.OrganisationNumber, "Et fylke",
            name => db.Counties.AnyAsync(c => c.Id != county.Id && c.Name.ToLower() == name, ct),
            number => db.Counties.Where(c => c.Id != county.Id && c.OrganisationNumber == number).Select(c => c.Name).FirstOrDefaultAsync(ct));
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        db.Entry(county).Property(c => c.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        county.Name = command.Name!.Trim();
        county.OrganisationNumber = OrganisationRules.StoredNumber(command.OrganisationNumber);
        county.ContactName = OrganisationRules.StoredContactName(command.ContactName);
        county.ContactEmail = OrganisationRules.StoredContactEmail(command.ContactEmail);
        county.InvoiceOrderNumber = string.IsNullOrWhiteSpace(command.InvoiceOrderNumber) ? null : command.InvoiceOrderNumber.Trim();
        county.InvoiceProjectNumber = string.IsNullOrWhiteSpace(command.InvoiceProjectNumber) ? null : command.InvoiceProjectNumber.Trim();
        return await db.SaveOrConflictAsync(ConcurrencyMessages.ChangedByOther, ct);
    }
}
