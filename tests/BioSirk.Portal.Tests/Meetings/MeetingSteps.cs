using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>What a secretary does with meetings, through the pages.</summary>
public static class MeetingSteps
{
    /// <summary>
    /// Posts the new-meeting form of <paramref name="council"/> as the page offers it (everyone of the council invited),
    /// with the fields given; returns the response.
    /// </summary>
    public static async Task<HttpResponseMessage> PostNewMeetingAsync(PortalClient secretary, string council, Action<List<KeyValuePair<string, string>>> fill)
    {
        var url = $"/rad/{council}/moter/nytt";
        var form = await secretary.FormListAsync(url, "form[data-testid=meeting-form]");
        fill(form);
        return await secretary.Http.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Creates a meeting on the date given (10:00–12:00 Oslo time); returns its URL path. A meeting whose start has
    /// passed is registered as already held, as the secretary confirms on the form.
    /// </summary>
    public static async Task<string> CreateMeetingAsync(
        PortalClient secretary, string council, string title, string date, string? partnershipId = null, string start = "10:00", string end = "12:00",
        bool alreadyHeld = false)
    {
        var response = await PostNewMeetingAsync(secretary, council, form =>
        {
            Set(form, "Input.Title", title);
            Set(form, "Input.Date", date);
            Set(form, "Input.Start", start);
            Set(form, "Input.End", end);
            Set(form, "Input.Place", "Kommunehuset, Gol");
            Set(form, "Input.VideoLink", "https://teams.example.no/mote/123");
            if (partnershipId is not null)
            {
                Set(form, "Input.PartnershipId", partnershipId);
            }

            if (alreadyHeld)
            {
                Set(form, "Input.ConfirmsPastTime", "true");
            }
        });
        await ExpectRedirectAsync(response);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Ringeriksregionen's secretary creates a meeting of the BioSirk partnership (every member of its councils invited); returns its URL path.</summary>
    public static async Task<string> CreateBioSirkMeetingAsync(PortalClient ringerikeSecretary, string title, string date)
    {
        var biosirk = (await ringerikeSecretary.GetPageAsync("/rad/ringerike/moter/nytt")).QuerySelector("[data-testid=body-partnership]")!.GetAttribute("value")!;
        return await CreateMeetingAsync(ringerikeSecretary, "ringerike", title, date, biosirk);
    }

    public static async Task AddItemAsync(PortalClient secretary, string meetingPath, string title, string? proposed = null)
    {
        await ExpectRedirectAsync(await secretary.SubmitAsync(meetingPath + "/saker/ny", "form[data-testid=item-form]", new()
        {
            ["Input.Title"] = title,
            ["Input.Background"] = "Rådet ba sekretariatet om en sak.",
            ["Input.ProposedResolution"] = proposed ?? "Saken tas til orientering.",
        }));
    }

    public static async Task PublishAsync(PortalClient secretary, string meetingPath) =>
        await ExpectRedirectAsync(await secretary.SubmitAsync(meetingPath, "form[data-testid=publish-form]", []));

    /// <summary>The agenda as the page lists it: "SAK 1/26 Title" per item, in order.</summary>
    public static async Task<List<string>> AgendaAsync(PortalClient client, string meetingPath) =>
        (await client.GetPageAsync(meetingPath)).QuerySelectorAll("[data-testid=agenda-item]")
        .Select(li => li.QuerySelector("[data-testid=case-number]")!.TextContent.Trim() + " " + li.QuerySelector("[data-testid=item-title]")!.TextContent.Trim())
        .ToList();

    /// <summary>A new Hallingdal meeting with one item on its agenda; the item's path.</summary>
    public static async Task<string> ItemOfANewMeetingAsync(PortalClient secretary, string meetingTitle, string date, string itemTitle)
    {
        var path = await CreateMeetingAsync(secretary, "hallingdal", meetingTitle, date);
        await AddItemAsync(secretary, path, itemTitle);
        return await ItemPathAsync(secretary, path, itemTitle);
    }

    public static async Task<string> ItemPathAsync(PortalClient client, string meetingPath, string title) =>
        (await client.GetPageAsync(meetingPath)).QuerySelectorAll("[data-testid=item-title]")
        .Single(a => a.TextContent.Trim() == title).GetAttribute("href")!;

    public static void Set(List<KeyValuePair<string, string>> form, string name, string value)
    {
        form.RemoveAll(f => f.Key == name);
        form.Add(new(name, value));
    }
}
