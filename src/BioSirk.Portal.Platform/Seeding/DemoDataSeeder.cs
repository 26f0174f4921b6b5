using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Platform.Seeding;

public sealed record DemoLogin(string Role, string Email, string FullName, string Where);

/// <summary>
/// The real councils, counties and partnership of the seed documents, with fictional people. Runs once: a database
/// that already has councils is left as it is, so a restart keeps what users did.
/// </summary>
public sealed class DemoDataSeeder(PlatformDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    // The demo people share one password: it is hashed once (100 000 iterations) instead of once per person.
    private string? passwordHash;

    public const string Password = "Biosirk-demo-2026";

    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("Vertsadministrator", "vert@demo.biosirk.no", "Vera Vertsen", "hele portalen"),
        new("Rådsadministrator", "admin.hallingdal@demo.biosirk.no", "Ingrid Haugen", "Regionrådet for Hallingdal"),
        new("Sekretariat", "sekretar.hallingdal@demo.biosirk.no", "Kari Nordby", "Regionrådet for Hallingdal"),
        new("Medlem", "medlem.hallingdal@demo.biosirk.no", "Ola Bakken", "Regionrådet for Hallingdal"),
        new("Fylkesrådgiver", "radgiver.buskerud@demo.biosirk.no", "Sigrid Lien", "Buskerud fylkeskommune"),
        new("Sekretariat", "sekretar.ringerike@demo.biosirk.no", "Jon Aasen", "Ringeriksregionen"),
        new("Sekretariat", "sekretar.hadeland@demo.biosirk.no", "Marte Grinaker", "Hadeland"),
        new("Sekretariat", "sekretar.gjovik@demo.biosirk.no", "Anders Lunde", "Gjøvikregionen"),
        new("Medlem i to råd", "medlem.biosirk@demo.biosirk.no", "Per Solberg", "Hadeland og Gjøvikregionen"),
        new("Fylkesrådgiver", "radgiver.innlandet@demo.biosirk.no", "Hanne Moen", "Innlandet fylkeskommune"),
    ];

    /// <summary>Stamps the database with the current demo data version, once every module has seeded its part.</summary>
    public async Task StampAsync(CancellationToken ct = default)
    {
        var stamp = await db.DemoData.SingleOrDefaultAsync(ct);
        if (stamp is null)
        {
            db.DemoData.Add(new DemoDataStamp(DemoDataStamp.CurrentVersion, clock.GetUtcNow().UtcDateTime));
        }
        else
        {
            stamp.Renew(DemoDataStamp.CurrentVersion, clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Tenants.AnyAsync(ct))
        {
            return false;
        }

        var buskerud = new County("buskerud", "Buskerud fylkeskommune", null)
        {
            ContactName = Logins[4].FullName, ContactEmail = Logins[4].Email, InvoiceOrderNumber = "B701010", InvoiceProjectNumber = "60256", // seed 002
        };
        var akershus = new County("akershus", "Akershus fylkeskommune", null);
        var innlandet = new County("innlandet", "Innlandet fylkeskommune", null) { ContactName = Logins[9].FullName, ContactEmail = Logins[9].Email };
        db.Counties.AddRange(buskerud, akershus, innlandet);

        var hallingdal = new Tenant("hallingdal", "Regionrådet for Hallingdal", "975576469", buskerud.Id)
        {
            ContactName = Logins[2].FullName,
            ContactEmail = Logins[2].Email,
        };
        var ringerike = new Tenant("ringerike", "Ringeriksregionen", null, buskerud.Id);
        var hadeland = new Tenant("hadeland", "Hadeland", null, innlandet.Id);
        var gjovik = new Tenant("gjovik", "Gjøvikregionen", null, innlandet.Id);
        db.Tenants.AddRange(hallingdal, ringerike, hadeland, gjovik);

        var biosirk = new Partnership("biosirk", "BioSirk",
            "Samarbeid mellom Ringeriksregionen, Hadeland og Gjøvikregionen om fornybar energi og sirkulære ressurser.");
        biosirk.AddMember(ringerike.Id);
        biosirk.AddMember(hadeland.Id);
        biosirk.AddMember(gjovik.Id);
        db.Partnerships.Add(biosirk);

        var host = await Person(Logins[0], isHostAdmin: true);
        _ = host;
        Member(await Person(Logins[1]), hallingdal, TenantRoles.TenantAdmin | TenantRoles.Member);
        Member(await Person(Logins[2]), hallingdal, TenantRoles.Secretary);
        Member(await Person(Logins[3]), hallingdal, TenantRoles.Member);
        db.CountyMemberships.Add(new CountyMembership(buskerud.Id, (await Person(Logins[4])).Id));
        Member(await Person(Logins[5]), ringerike, TenantRoles.Secretary | TenantRoles.TenantAdmin);
        Member(await Person(Logins[6]), hadeland, TenantRoles.Secretary | TenantRoles.TenantAdmin);
        Member(await Person(Logins[7]), gjovik, TenantRoles.Secretary | TenantRoles.TenantAdmin);
        var per = await Person(Logins[8]);
        Member(per, hadeland, TenantRoles.Member);
        Member(per, gjovik, TenantRoles.Member);
        db.CountyMemberships.Add(new CountyMembership(innlandet.Id, (await Person(Logins[9])).Id));

        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Member(PortalUser user, Tenant tenant, TenantRoles roles) =>
        db.TenantMemberships.Add(new TenantMembership(tenant.Id, user.Id, roles));

    private async Task<PortalUser> Person(DemoLogin login, bool isHostAdmin = false)
    {
        var user = new PortalUser
        {
            UserName = login.Email,
            Email = login.Email,
            EmailConfirmed = true,
            FullName = login.FullName,
            IsHostAdmin = isHostAdmin,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        passwordHash ??= users.PasswordHasher.HashPassword(user, Password);
        user.PasswordHash = passwordHash;
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
