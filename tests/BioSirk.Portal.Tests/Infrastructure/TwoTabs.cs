using System.Net;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>
/// Two people (or one in two tabs) save the same form: the second is told that someone else saved first, keeps what
/// she typed, and saves her version over the first by sending the form she was shown again.
/// </summary>
public static class TwoTabs
{
    public static async Task SecondIsToldAndMaySaveOverAsync(PortalClient first, PortalClient second, string page, string form, string field, string what)
    {
        var post = (await first.GetPageAsync(page)).QuerySelector(form)!.GetAttribute("action") is { Length: > 0 } action ? action : page;
        var a = await first.FormValuesAsync(page, form);
        var b = await second.FormValuesAsync(page, form);
        a[field] = "Første endring";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(post, a)).StatusCode);
        b[field] = "Andre endring";
        var conflict = await PortalClient.ReadAsync(await second.PostFormAsync(post, b));

        Assert.Contains($"Noen andre har lagret endringer i {what} mens du arbeidet. Det du skrev står fortsatt i skjemaet.", conflict.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Andre endring", conflict.FieldValue(field));
        Assert.Equal("Første endring", (await first.FormValuesAsync(page, form))[field]);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(post, PortalClient.FormValues(conflict, form))).StatusCode);
        Assert.Equal("Andre endring", (await first.FormValuesAsync(page, form))[field]);
    }
}
