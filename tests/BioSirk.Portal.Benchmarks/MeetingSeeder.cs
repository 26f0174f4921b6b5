using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Benchmarks;

/// <summary>The published meeting the live benchmark follows, and the e-mail addresses of its participants (all share the demo password).</summary>
public sealed record SeededMeeting(Guid MeetingId, Guid ItemId, string Place, IReadOnlyList<string> Emails, double Seconds);

/// <summary>
/// A Hallingdal council meeting with <c>participants</c> invited people: the three demo people of Hallingdal and as many
/// fictional members as it takes, made through Identity's <see cref="UserManager{TUser}"/> with the demo password hashed
/// once (as the demo seed does), then scheduled, given one agenda item and published through the Meetings module's own
/// use cases, acting as Hallingdal's secretary.
/// </summary>
public static class MeetingSeeder
{
    private const string Council = "hallingdal";

    public static async Task<SeededMeeting> SeedAsync(IServiceProvider services, int participants)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Guid councilId;
        var emails = new List<string>();
        await using (var scope = services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            councilId = (await platform.Tenants.AsNoTracking().SingleAsync(t => t.Slug == Council)).Id;
            emails.AddRange(await (from m in platform.TenantMemberships.IgnoreQueryFilters()
                                   join u in platform.Users on m.UserId equals u.Id
                                   where m.TenantId == councilId && m.IsActive
                                   orderby u.Email
                                   select u.Email!).ToListAsync());
            string? hash = null;
            var now = DateTime.UtcNow;
            for (var n = 1; emails.Count < participants; n++)
            {
                var email = $"deltaker{n:000}.hallingdal@bench.biosirk.no";
                var user = new PortalUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    FullName = $"Deltaker {n:000} Hallingdal",
                    CreatedAtUtc = now,
                };
                hash ??= users.PasswordHasher.HashPassword(user, DemoDataSeeder.Password);
                user.PasswordHash = hash;
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"{email}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                }

                platform.TenantMemberships.Add(new TenantMembership(councilId, user.Id, TenantRoles.Member));
                emails.Add(email);
            }

            await platform.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(councilId)))
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var secretary = await platform.Users.AsNoTracking().SingleAsync(u => u.Email == "sekretar.hallingdal@demo.biosirk.no");
            var actor = new MeetingActor(secretary.Id, secretary.FullName, councilId, IsSecretary: true);
            var schedule = scope.ServiceProvider.GetRequiredService<ScheduleMeeting>();
            var people = await schedule.CandidatesAsync(councilId);
            var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
            var meetingId = Expect(await schedule.CreateAsync(new ScheduleMeetingCommand(null,
                new MeetingDetails("Rådsmøte med 300 deltakere (benchmark)", date, new TimeOnly(10, 0), new TimeOnly(12, 0), "Kommunehuset, Gol",
                    "https://teams.example.no/mote/benchmark"),
                [.. people.Select(p => p.UserId)], actor)), "schedule");
            var agenda = scope.ServiceProvider.GetRequiredService<EditAgenda>();
            var itemId = Expect(await agenda.AddItemAsync(meetingId, new AgendaItemText("Felles veikart for BioSirk",
                "Partnerskapet har utarbeidet et felles veikart for sirkulære ressurser.", null, "Veikartet vedtas.", null), [], actor), "add item");
            var published = await agenda.PublishAsync(meetingId, actor) ?? throw new InvalidOperationException("publish: not the secretary's meeting");
            if (!published.Succeeded)
            {
                throw new InvalidOperationException("publish: " + string.Join("; ", published.Errors.Select(e => e.Message)));
            }

            var invited = (await scope.ServiceProvider.GetRequiredService<MeetingStore>().VisibleAsync(meetingId, actor))!.Participants.Count;
            if (invited != participants || emails.Count != participants)
            {
                throw new InvalidOperationException($"The meeting invites {invited} people and {emails.Count} were seeded, not {participants}.");
            }

            return new SeededMeeting(meetingId, itemId, "rad/" + Council, emails,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static T Expect<T>(SharedKernel.Results.Result<T>? result, string step) =>
        result is { Succeeded: true } ? result.Value! : throw new InvalidOperationException(
            $"{step}: " + (result is null ? "not found" : string.Join("; ", result.Errors.Select(e => e.Message))));
}
