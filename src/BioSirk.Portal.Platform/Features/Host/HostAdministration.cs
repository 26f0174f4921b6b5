using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Platform.Features.Host;

public sealed record CreateTenantCommand(
    string? Slug, string? Name, string? OrganisationNumber, Guid? CountyId, string? AdminEmail, string? AdminName,
    Guid HostAdminId, string PortalBaseUrl);

public sealed record CreateCountyCommand(
    string? Slug, string? Name, string? OrganisationNumber, string? OfficerEmail, string? OfficerName,
    Guid HostAdminId, string PortalBaseUrl);

public sealed record CreatePartnershipCommand(string? Slug, string? Name, string? Description, IReadOnlyList<Guid> TenantIds);

/// <summary>A council or county just made, with the invitation to its first administrator or officer.</summary>
public sealed record OrganisationCreated(Guid Id, InvitationSent Invitation);

/// <summary>A row of the host's lists; <see cref="IsActive"/> is false only for a council closed to its people.</summary>
public sealed record OrganisationRow(Guid Id, string Slug, string Name, string? OrganisationNumber, string? Extra, bool IsActive);

/// <summary>
/// The host admin's side: councils, counties and partnerships. These are not tenant-owned, and the first admin's
/// invitation is written for the new council explicitly.
/// </summary>
public sealed class HostAdministration(
    PlatformDbContext db, EmailOutbox outbox, IOptions<EmailOptions> emailOptions, TimeProvider clock)
{
    public Task<List<OrganisationRow>> ListTenantsAsync(CancellationToken ct = default) =>
        (from t in db.Tenants.AsNoTracking()
         join c in db.Counties on t.CountyId equals c.Id into county
         from c in county.DefaultIfEmpty()
         orderby t.Name
         select new OrganisationRow(t.Id, t.Slug, t.Name, t.OrganisationNumber, c == null ? null : c.Name, t.IsActive))
        .ToListAsync(ct);

    public Task<List<OrganisationRow>> ListCountiesAsync(CancellationToken ct = default) =>
        db.Counties.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new OrganisationRow(c.Id, c.Slug, c.Name, c.OrganisationNumber, null, true))
            .ToListAsync(ct);

    public Task<OrganisationRow?> FindCountyAsync(Guid countyId, CancellationToken ct = default) =>
        db.Counties.AsNoTracking().Where(c => c.Id == countyId)
            .Select(c => new OrganisationRow(c.Id, c.Slug, c.Name, c.OrganisationNumber, null, true))
            .FirstOrDefaultAsync(ct);

    public async Task<List<OrganisationRow>> ListPartnershipsAsync(CancellationToken ct = default)
    {
        var partnerships = await db.Partnerships.AsNoTracking().Include(p => p.Members).OrderBy(p => p.Name).ToListAsync(ct);
        var names = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return partnerships
            .Select(p => new OrganisationRow(p.Id, p.Slug, p.Name, null,
                string.Join(", ", p.Members.Select(m => names.GetValueOrDefault(m.TenantId, "?")).Order(StringComparer.Create(SharedKernel.Formatting.Norwegian.Culture, false))), true))
            .ToList();
    }

    public async Task<Result<OrganisationCreated>> CreateTenantAsync(CreateTenantCommand command, CancellationToken ct = default)
    {
        var errors = await ValidateOrganisation(command.Slug, command.Name, command.OrganisationNumber, db.Tenants.Select(t => t.Slug), ct);
        await errors.RefuseTakenAsync(command.Name, command.OrganisationNumber, "Et råd",
            name => db.Tenants.AnyAsync(t => t.Name.ToLower() == name, ct),
            number => db.Tenants.Where(t => t.OrganisationNumber == number).Select(t => t.Name).FirstOrDefaultAsync(ct));
        ValidatePerson(errors, command.AdminEmail, command.AdminName, "AdminEmail", "AdminName");
        if (command.CountyId is { } countyId && !await db.Counties.AnyAsync(c => c.Id == countyId, ct))
        {
            errors.Add("CountyId", "Velg et fylke fra listen.");
        }

        if (errors.Any)
        {
            return Result<OrganisationCreated>.Fail(errors.All);
        }

        var tenant = new Tenant(Slug(command.Slug), command.Name!.Trim(), OrganisationRules.StoredNumber(command.OrganisationNumber), command.CountyId);
        db.Tenants.Add(tenant);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Invitation.NewToken();
        var invitation = new Invitation(tenant.Id, EmailAddress.Normalize(command.AdminEmail!), command.AdminName!.Trim(),
            TenantRoles.TenantAdmin | TenantRoles.Secretary, command.HostAdminId, now, token);
        db.Invitations.Add(invitation);
        return Result<OrganisationCreated>.Ok(new(tenant.Id, await SaveAndSendAsync(tenant.Name, invitation, token, command.PortalBaseUrl, ct)));
    }

    public async Task<Result<OrganisationCreated>> CreateCountyAsync(CreateCountyCommand command, CancellationToken ct = default)
    {
        var errors = await ValidateOrganisation(command.Slug, command.Name, command.OrganisationNumber, db.Counties.Select(c => c.Slug), ct);
        await errors.RefuseTakenAsync(command.Name, command.OrganisationNumber, "Et fylke",
            name => db.Counties.AnyAsync(c => c.Name.ToLower() == name, ct),
            number => db.Counties.Where(c => c.OrganisationNumber == number).Select(c => c.Name).FirstOrDefaultAsync(ct));
        ValidatePerson(errors, command.OfficerEmail, command.OfficerName, "OfficerEmail", "OfficerName");
        if (errors.Any)
        {
            return Result<OrganisationCreated>.Fail(errors.All);
        }

        var county = new County(Slug(command.Slug), command.Name!.Trim(), OrganisationRules.StoredNumber(command.OrganisationNumber));
        db.Counties.Add(county);
        var token = Invitation.NewToken();
        var invitation = Invitation.ForCounty(county.Id, EmailAddress.Normalize(command.OfficerEmail!), command.OfficerName!.Trim(),
            command.HostAdminId, clock.GetUtcNow().UtcDateTime, token);
        db.Invitations.Add(invitation);
        return Result<OrganisationCreated>.Ok(new(county.Id, await SaveAndSendAsync(county.Name, invitation, token, command.PortalBaseUrl, ct)));
    }

    public async Task<Result> CreatePartnershipAsync(CreatePartnershipCommand command, CancellationToken ct = default)
    {
        var errors = await ValidateOrganisation(command.Slug, command.Name, null, db.Partnerships.Select(p => p.Slug), ct);
        await RefusePartnershipNameTakenAsync(errors, command.Name, null, ct);
        await ValidatePartnershipMembersAsync(errors, command.TenantIds, ct);
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var partnership = new Partnership(Slug(command.Slug), command.Name!.Trim(), command.Description?.Trim());
        foreach (var tenantId in command.TenantIds.Distinct())
        {
            partnership.AddMember(tenantId);
        }

        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>A second partnership with the same name is a mistake, not a new one (as for councils and counties).</summary>
    internal async Task RefusePartnershipNameTakenAsync(Errors errors, string? name, Guid? except, CancellationToken ct) =>
        await errors.RefuseTakenAsync(name, null, "Et partnerskap",
            lowered => db.Partnerships.AnyAsync(p => p.Name.ToLower() == lowered && p.Id != except, ct),
            _ => Task.FromResult<string?>(null));

    /// <summary>At least two councils, each of them one that exists.</summary>
    internal async Task ValidatePartnershipMembersAsync(Errors errors, IReadOnlyList<Guid> tenantIds, CancellationToken ct)
    {
        var distinct = tenantIds.Distinct().ToList();
        if (distinct.Count < 2)
        {
            errors.Add("TenantIds", "Et partnerskap må ha minst to råd. Kryss av for rådene som er med.");
        }
        else if (await db.Tenants.CountAsync(t => distinct.Contains(t.Id), ct) != distinct.Count)
        {
            errors.Add("TenantIds", "Velg rådene fra listen.");
        }
    }

    private static async Task<Errors> ValidateOrganisation(
        string? slug, string? name, string? organisationNumber, IQueryable<string> existingSlugs, CancellationToken ct)
    {
        var errors = new Errors()
            .NameAndNumber(name, organisationNumber, "Skriv inn navnet.")
            .When(string.IsNullOrWhiteSpace(slug), "Slug", "Skriv inn en kortform til nettadressen, for eksempel «hallingdal».");
        if (!string.IsNullOrWhiteSpace(slug))
        {
            var normalized = Slug(slug);
            if (normalized.Length < 2 || normalized.Length > 60 || !normalized.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                errors.Add("Slug", "Kortformen kan bare ha små bokstaver a–z, tall og bindestrek (2–60 tegn), for eksempel «hallingdal».");
            }
            else if (await existingSlugs.AnyAsync(s => s == normalized, ct))
            {
                errors.Add("Slug", $"Kortformen «{normalized}» er allerede i bruk. Velg en annen.");
            }
        }

        return errors;
    }

    private static void ValidatePerson(Errors errors, string? email, string? name, string emailField, string nameField) =>
        Invitee.Check(errors, name, email, nameField, emailField);

    private async Task<InvitationSent> SaveAndSendAsync(string organisation, Invitation invitation, string token, string baseUrl, CancellationToken ct)
    {
        var link = InvitationLink.For(baseUrl, token);
        var mail = outbox.Add(invitation.Email, InvitationLink.Subject(organisation), InvitationLink.Body(organisation, invitation, link));
        await db.SaveChangesAsync(ct);
        return await InvitationSent.MailAsync(outbox, emailOptions.Value.IsSmtpConfigured, invitation.Id, invitation.Email, link, mail, ct);
    }

    private static string Slug(string? value) => (value ?? string.Empty).Trim().ToLowerInvariant();
}
