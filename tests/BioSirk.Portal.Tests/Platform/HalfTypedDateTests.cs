using AngleSharp.Html.Dom;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using static BioSirk.Portal.Tests.Strategy.RoadmapSteps;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// A date typed in part («15.03») without JavaScript. A browser's own date field posts such a date as an empty value, so
/// the portal never saw it: a required date came back empty with «fill it in», an optional one was dropped without a
/// word. The date fields are therefore text fields in the page as sent (site.js makes them date pickers when it runs):
/// what was typed is posted, comes back in the field, and the message beside it is in bokmål.
/// </summary>
public sealed class HalfTypedDateTests(PortalFactory portal) : PortalTest(portal)
{
    private const string HalfDate = "«15.03» er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.";

    [Fact]
    public async Task DateFields_AreSentAsTextFields_SoAHalfDateIsPosted_AndSayHowToWriteTheDate()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var roadmap = await StartRoadmapAsync(jon);

        foreach (var (page, field) in new[]
                 {
                     (await kari.GetPageAsync(CouncilUrl(id)), "Hours.Date"),
                     (await kari.GetPageAsync("/rad/hallingdal/moter/nytt"), "Input.Date"),
                     (await jon.GetPageAsync(roadmap + "/versjoner"), "Freeze.DecisionWanted"),
                 })
        {
            var input = (IHtmlInputElement)page.GetElementById(field.Replace('.', '_'))!;
            Assert.Equal("text", input.Type);
            Assert.Equal("date", input.GetAttribute("data-picker"));
            Assert.Contains(input.Id + "-format", input.GetAttribute("aria-describedby")!.Split(' '));
            Assert.Equal("Skriv datoen som dd.mm.åååå.", page.GetElementById(input.Id + "-format")!.TextContent);
        }

        // A date the server has read is given back as a Norwegian writes it (site.js turns it into the picker's value).
        Assert.Equal("20.01.2026", (await kari.GetPageAsync(CouncilUrl(id))).FieldValue("Hours.Date"));
        var time = (IHtmlInputElement)(await kari.GetPageAsync("/rad/hallingdal/moter/nytt")).GetElementById("Input_Start")!;
        Assert.Equal(("text", "time", "10:00"), (time.Type, time.GetAttribute("data-picker"), time.Value));
    }

    [Fact]
    public async Task AHalfDate_ComesBackAsTyped_WithANorwegianMessageBesideIt_AndNothingIsSaved()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;

        var hours = await PortalClient.ReadAsync(await HallingdalLifecycleTests.RegisterHoursAsync(kari, id, "15.03", "Kari", "Oppstart", "7,5"));
        Assert.Equal(HalfDate, hours.FieldError("Hours.Date"));
        Assert.Equal("15.03", hours.FieldValue("Hours.Date"));
        Assert.Equal("7,5", hours.FieldValue("Hours.Hours"));
        Assert.Null((await kari.GetPageAsync(CouncilUrl(id))).QuerySelector("[data-testid=hour-rows] tbody tr"));

        var meeting = await PortalClient.ReadAsync(await PostNewMeetingAsync(kari, "hallingdal", form => Set(form, "Input.Date", "15.03")));
        Assert.Equal(HalfDate, meeting.FieldError("Input.Date"));
        Assert.Equal("15.03", meeting.FieldValue("Input.Date"));

        // An optional date: a version is frozen for good, so a half date stops it rather than being left out.
        using var jon = await Portal.SignedInAsync(Demo.RingerikeSecretary);
        var roadmap = await StartRoadmapAsync(jon);
        var freeze = await PortalClient.ReadAsync(await jon.SubmitAsync(roadmap + "/versjoner", "form[action*=Freeze]",
            new() { ["Freeze.Label"] = "Forslag", ["Freeze.DecisionWanted"] = "15.03" }));
        Assert.Equal(HalfDate, freeze.FieldError("Freeze.DecisionWanted"));
        Assert.Equal("15.03", freeze.FieldValue("Freeze.DecisionWanted"));
        Assert.DoesNotContain((await jon.GetPageAsync(roadmap + "/versjoner")).QuerySelectorAll("a"), a => a.TextContent == "Les versjonen");
    }
}
