using System.Text.RegularExpressions;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>
/// The «add to my calendar» file, parsed as a calendar program would: an iTIP PUBLISH (RFC 5546) of one event whose
/// later downloads, after a move or a cancellation, replace the same event.
/// </summary>
public sealed partial class MeetingCalendarFileTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task TheFile_IsAPublishWithItsMethodOnTheContentType_AndAMoveOrCancellationUpdatesTheSameEvent()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var ola = await Portal.SignedInAsync(Demo.HallingdalMember);
        var path = await CreateMeetingAsync(kari, "hallingdal", "Rådsmøte mars", "2026-03-17");
        await AddItemAsync(kari, path, "Budsjett 2027");
        await PublishAsync(kari, path);

        var first = await DownloadAsync(ola, path);
        var firstEvent = first.Single("VEVENT");
        Assert.Equal("0", firstEvent.Value("SEQUENCE"));
        Assert.Equal("CONFIRMED", firstEvent.Value("STATUS"));

        var form = await kari.FormListAsync(path + "/endre", "form[data-testid=meeting-form]");
        Set(form, "Input.Start", "13:00");
        Set(form, "Input.End", "15:00");
        await ExpectRedirectAsync(await kari.Http.PostAsync(path + "/endre", new FormUrlEncodedContent(form)));
        var moved = (await DownloadAsync(ola, path)).Single("VEVENT");
        Assert.Equal(firstEvent.Value("UID"), moved.Value("UID"));
        Assert.Equal("1", moved.Value("SEQUENCE"));
        Assert.Equal("20260317T130000", moved.Value("DTSTART"));

        await ExpectRedirectAsync(await kari.SubmitAsync(path + "/avlys", "form[data-testid=cancel-form]", new() { ["Reason"] = "For få kan møte.", ["Confirms"] = "true" }));
        var cancelled = (await DownloadAsync(ola, path)).Single("VEVENT");
        Assert.Equal(firstEvent.Value("UID"), cancelled.Value("UID"));
        Assert.Equal("2", cancelled.Value("SEQUENCE"));
        Assert.Equal("CANCELLED", cancelled.Value("STATUS"));
    }

    /// <summary>Downloads the file and checks what RFC 5545 and RFC 5546 (PUBLISH) require of it.</summary>
    private static async Task<Component> DownloadAsync(PortalClient client, string meetingPath)
    {
        var response = await client.GetAsync(meetingPath + "/kalender.ics");
        var type = response.Content.Headers.ContentType!;
        Assert.Equal("text/calendar", type.MediaType);
        Assert.Equal("utf-8", type.CharSet);
        var calendar = Component.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("VCALENDAR", calendar.Name);
        Assert.Equal("2.0", calendar.Value("VERSION"));
        Assert.NotEmpty(calendar.Value("PRODID"));
        // RFC 5545 3.7.2: the METHOD property and the content type's «method» parameter go together and agree.
        Assert.Equal("PUBLISH", calendar.Value("METHOD"));
        Assert.Equal("PUBLISH", type.Parameters.Single(p => p.Name == "method").Value);

        var vevent = calendar.Single("VEVENT");
        foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY" })
        {
            Assert.Single(vevent.Properties, p => p.Name == required); // RFC 5546 3.2.1: once each in a PUBLISH
        }

        Assert.DoesNotContain(vevent.Properties, p => p.Name == "ATTENDEE"); // a PUBLISH has none
        Assert.Matches(@"^\d{8}T\d{6}Z$", vevent.Value("DTSTAMP"));
        foreach (var zone in vevent.Properties.Select(p => p.Parameter("TZID")).OfType<string>().Distinct())
        {
            Assert.Single(calendar.Children, c => c.Name == "VTIMEZONE" && c.Value("TZID") == zone);
        }

        return calendar;
    }

    private sealed record Property(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
    {
        public string? Parameter(string name) => Parameters.GetValueOrDefault(name);
    }

    private sealed record Component(string Name, List<Property> Properties, List<Component> Children)
    {
        public string Value(string property) => Properties.Single(p => p.Name == property).Value;

        public Component Single(string child) => Children.Single(c => c.Name == child);

        /// <summary>Unfolds the lines (RFC 5545 3.1) and reads the nested BEGIN/END components.</summary>
        public static Component Parse(string text)
        {
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var open = new Stack<Component>();
            Component? root = null;
            foreach (var line in lines)
            {
                var property = Read(line);
                if (property.Name == "BEGIN")
                {
                    var component = new Component(property.Value, [], []);
                    if (open.TryPeek(out var parent))
                    {
                        parent.Children.Add(component);
                    }
                    else
                    {
                        Assert.Null(root);
                        root = component;
                    }

                    open.Push(component);
                }
                else if (property.Name == "END")
                {
                    Assert.Equal(open.Pop().Name, property.Value);
                }
                else
                {
                    open.Peek().Properties.Add(property);
                }
            }

            Assert.Empty(open);
            return root!;
        }

        private static Property Read(string line)
        {
            var match = ContentLine().Match(line);
            Assert.True(match.Success, line);
            var parameters = match.Groups["param"].Captures.Select(c => c.Value.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('"'));
            return new Property(match.Groups["name"].Value, parameters, match.Groups["value"].Value);
        }
    }

    [GeneratedRegex("""^(?<name>[A-Z][A-Z0-9-]*)(?:;(?<param>[A-Z0-9-]+=(?:"[^"]*"|[^";:,]*)))*:(?<value>.*)$""")]
    private static partial Regex ContentLine();
}
