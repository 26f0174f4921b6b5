using System.Text.Json;
using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.SharedKernel.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Benchmarks;

public sealed record SeededCouncil(Guid Id, string Slug, string Name, List<Guid> AgreementIds);

public sealed record SeedResult(Guid CountyId, string CountySlug, IReadOnlyList<SeededCouncil> Councils, int Agreements, int Drafts, int Hours, TimeSpan Took);

/// <summary>
/// The data the benchmark measures: <c>agreements</c> Missions agreements spread round-robin over the four demo councils,
/// all funded by Buskerud, written through the domain constructors (template terms, both signatures, journal events,
/// version 1), and <c>hours</c> hour rows spread over the signed ones. Every 25th agreement stays a draft signed by the
/// council only, so that the county's start page has tasks to show. Inserted in batches, one DbContext per batch,
/// in the scope of the agreement's council; the audit interceptor writes its rows as it does for real changes.
/// </summary>
public static class AgreementSeeder
{
    private static readonly string[] People = ["Kari Nordby", "Jon Aasen", "Marte Grinaker", "Anders Lunde", "Per Solberg", "Ingrid Haugen"];

    private static readonly string[] Activities =
    [
        "Planlegging av samarbeidsarena", "Workshop med næringslivet", "Erfaringsdeling med kommunene",
        "Kompetansebygging", "Rapportskriving", "Møte i arbeidsgruppen",
    ];

    public static async Task<SeedResult> SeedAsync(IServiceProvider services, int agreementCount, int hourCount, int batchSize)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Guid countyId;
        string countyName;
        List<SeededCouncil> councils;
        await using (var scope = services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var county = await platform.Counties.AsNoTracking().SingleAsync(c => c.Slug == "buskerud");
            countyId = county.Id;
            countyName = county.Name;
            string[] slugs = ["hallingdal", "ringerike", "hadeland", "gjovik"];
            var tenants = await platform.Tenants.AsNoTracking().Where(t => slugs.Contains(t.Slug)).ToListAsync();
            councils = slugs.Select(s => tenants.Single(t => t.Slug == s)).Select(t => new SeededCouncil(t.Id, t.Slug, t.Name, [])).ToList();
        }

        var orgNumbers = OrganisationNumbers(councils.Count);
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SharedKernel.Time.Oslo.Today(clock);
        var year = today.Year;
        var random = new Random(20260);

        // Which agreement is a draft, and how many hour rows each signed one gets (the total is exactly hourCount).
        var isDraft = Enumerable.Range(0, agreementCount).Select(i => i % 25 == 0).ToArray();
        var signedCount = isDraft.Count(d => !d);
        var hoursFor = new int[agreementCount];
        var signedSeen = 0;
        for (var i = 0; i < agreementCount; i++)
        {
            if (!isDraft[i])
            {
                hoursFor[i] = hourCount / signedCount + (signedSeen < hourCount % signedCount ? 1 : 0);
                signedSeen++;
            }
        }

        var hoursWritten = 0;
        for (var c = 0; c < councils.Count; c++)
        {
            var council = councils[c];
            var indexes = Enumerable.Range(0, agreementCount).Where(i => i % councils.Count == c).ToList();
            foreach (var batch in indexes.Chunk(batchSize))
            {
                await using var scope = services.CreateAsyncScope();
                using var tenantScope = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(council.Id));
                var db = scope.ServiceProvider.GetRequiredService<AgreementsDbContext>();
                foreach (var i in batch)
                {
                    var agreement = NewAgreement(council, orgNumbers[c], countyId, countyName, year, i);
                    db.Agreements.Add(agreement);
                    var draftedAt = now.AddDays(-300 + (i % 200));
                    db.Events.Add(new AgreementEvent(agreement, draftedAt, "Kari Nordby", Phrase.Of("Utkast opprettet.")));
                    Sign(db, agreement, Party.Council, council.Name, draftedAt.AddDays(1), today);
                    if (isDraft[i])
                    {
                        continue;
                    }

                    Sign(db, agreement, Party.County, countyName, draftedAt.AddDays(2), today);
                    db.Versions.Add(new AgreementVersion(agreement, JsonSerializer.Serialize(agreement.ToTerms()), null, "[]", draftedAt.AddDays(2), "Sigrid Lien"));
                    foreach (var milestone in agreement.Milestones.Where(m => m.State == MilestoneState.Payable))
                    {
                        db.Events.Add(new AgreementEvent(agreement, draftedAt.AddDays(2), "Sigrid Lien",
                            Phrase.Of("Avtalen er i kraft (versjon 1). «{0}» kan utbetales: {1}.", milestone.Name, Norwegian.Kroner(milestone.Amount!.Value))));
                    }

                    var days = Math.Max(1, today.DayNumber - agreement.PeriodStart.DayNumber);
                    for (var h = 0; h < hoursFor[i]; h++)
                    {
                        var date = agreement.PeriodStart.AddDays(random.Next(days));
                        var hours = 0.25m * random.Next(1, 12); // 0,25–2,75 h, on average 1,5 h
                        db.Hours.Add(new HourEntry(agreement, date, People[random.Next(People.Length)], Activities[random.Next(Activities.Length)],
                            hours, h % 10 == 0 ? "Se referat" : null, "Kari Nordby", now.AddMinutes(-h)));
                    }

                    hoursWritten += hoursFor[i];
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                council.AgreementIds.AddRange(db.ChangeTracker.Entries<Agreement>().Select(e => e.Entity.Id));
            }
        }

        // Fresh statistics for the planner, as autovacuum would have them after a while.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgreementsDbContext>();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        return new SeedResult(countyId, "buskerud", councils, agreementCount, isDraft.Count(d => d), hoursWritten,
            System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private static Agreement NewAgreement(SeededCouncil council, string orgNumber, Guid countyId, string countyName, int year, int i)
    {
        var terms = MissionsTemplate.For(new(council.Name, orgNumber), new(countyName), year) with
        {
            Title = $"Missions {council.Name} nr. {i + 1:000}",
            CountyContactName = "Sigrid Lien",
            CountyContactEmail = "radgiver.buskerud@demo.biosirk.no",
            CouncilContactName = "Kari Nordby",
            CouncilContactEmail = $"sekretar.{council.Slug}@demo.biosirk.no",
            FrameAmount = 100_000m + 10_000m * (i % 10),
        };
        var errors = AgreementRules.Validate(terms);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Seed terms are invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        return new Agreement(council.Id, countyId, council.Name, countyName, terms);
    }

    private static void Sign(AgreementsDbContext db, Agreement agreement, Party party, string who, DateTime atUtc, DateOnly today)
    {
        var name = party == Party.Council ? "Kari Nordby" : "Sigrid Lien";
        var result = agreement.Sign(party, Guid.NewGuid(), name, atUtc, today);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding could not sign agreement {agreement.Title} for {party}.");
        }

        db.Events.Add(new AgreementEvent(agreement, atUtc, name, Phrase.Of("Signert for {0}.", who)));
    }

    /// <summary>Valid (mod 11) nine-digit organisation numbers; the first is Hallingdal's real one.</summary>
    private static string[] OrganisationNumbers(int count)
    {
        var numbers = new List<string> { "975576469" };
        for (var n = 920_000_000; numbers.Count < count && n < 921_000_000; n++)
        {
            var candidate = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (OrganisationNumber.IsValid(candidate))
            {
                numbers.Add(candidate);
            }
        }

        return [.. numbers];
    }
}
