using System.Net;
using System.Text;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Plays Microsoft's sign-in page in the browser: the portal's redirect to login.microsoftonline.com is answered with a
/// small page whose form posts the code and the state back to the portal (response_mode form_post), as Entra's page
/// does once the person has signed in ("Fortsett"), or when she declines ("Avbryt"). Nothing leaves the machine.
/// </summary>
public static class MicrosoftSignInPage
{
    public const string ContinueButton = "Fortsett";

    /// <summary>Declines at Microsoft: Entra posts access_denied back with the state.</summary>
    public const string CancelButton = "Avbryt";

    /// <summary>From now on, Microsoft in <paramref name="page"/> signs in <paramref name="person"/>.</summary>
    public static Task SignsInAsync(IPage page, TestIdentityProvider idp, EntraPerson person) =>
        page.RouteAsync("https://login.microsoftonline.com/**", async route =>
        {
            var authorize = new Uri(route.Request.Url);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/html; charset=utf-8",
                Body = $"""
                    <!doctype html>
                    <html lang="nb"><head><meta charset="utf-8"><title>Logg på kontoen din</title></head>
                    <body><main>
                    <h1>Microsoft</h1>
                    <p>{Encode(person.Name)} ({Encode(person.Email)})</p>
                    {await FormAsync(idp.SignIn(authorize, person), ContinueButton)}
                    {await FormAsync(TestIdentityProvider.Cancel(authorize), CancelButton)}
                    </main></body></html>
                    """,
            });
        });

    private static async Task<string> FormAsync(HttpRequestMessage answer, string button)
    {
        Assert.Equal(HttpMethod.Post, answer.Method); // the portal asks for response_mode=form_post
        var fields = new StringBuilder();
        foreach (var (name, value) in QueryHelpers.ParseQuery(await answer.Content!.ReadAsStringAsync()))
        {
            fields.Append($"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value.ToString())}\">");
        }

        return $"<form method=\"post\" action=\"{Encode(answer.RequestUri!.ToString())}\">{fields}<button type=\"submit\">{button}</button></form>";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
