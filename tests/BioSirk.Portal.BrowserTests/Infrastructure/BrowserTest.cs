using BioSirk.Portal.Platform.Seeding;
using Microsoft.Playwright;

namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser tests: a clean, seeded database and a fresh browser context before each test. Every page a test
/// opens is watched; a test fails if a document of the portal was loaded in it that axe did not check
/// (<see cref="CheckAsync"/>), or if the Content Security Policy blocked anything in it. Pages that are not the
/// portal's (Microsoft's sign-in page, played by <see cref="MicrosoftSignInPage"/>) are not the portal's to check.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserPortalFactory portal) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<string> loaded = [];
    private readonly List<string> checkedUrls = [];
    private readonly List<string> blockedByPolicy = [];
    private IPage? page;

    protected BrowserPortalFactory Portal { get; } = portal;

    /// <summary>The test's page, in its own browser context.</summary>
    protected IPage Page => page ?? throw new InvalidOperationException("No page yet.");

    public async Task InitializeAsync()
    {
        await Portal.ResetAsync();
        page = await NewPageInFreshContextAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        List<string> notChecked;
        lock (loaded)
        {
            notChecked = loaded.Where(IsThePortals).GroupBy(u => u)
                .Where(g => g.Count() > checkedUrls.Count(c => c == g.Key))
                .Select(g => g.Key)
                .ToList();
        }

        Assert.True(notChecked.Count == 0, "Pages loaded but not checked with axe: " + string.Join(", ", notChecked));
        Assert.True(blockedByPolicy.Count == 0, "The Content Security Policy blocked something a page needs: " + string.Join(" | ", blockedByPolicy));
    }

    /// <summary>A page in a new browser context: another person at another computer.</summary>
    protected async Task<IPage> NewPageInFreshContextAsync()
    {
        var context = await Portal.NewContextAsync();
        contexts.Add(context);
        var newPage = await context.NewPageAsync();
        newPage.Load += (_, p) =>
        {
            lock (loaded)
            {
                loaded.Add(WithoutFragment(p.Url));
            }
        };
        // A style attribute or inline script the CSP blocks fails silently for the user (lost line breaks, dead
        // buttons); the browser only says so in its console.
        newPage.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (blockedByPolicy)
                {
                    blockedByPolicy.Add($"{newPage.Url}: {message.Text}");
                }
            }
        };
        return newPage;
    }

    /// <summary>Opens <paramref name="path"/>, expects 200 and checks the page with axe.</summary>
    protected async Task GotoAsync(string path, IPage? on = null)
    {
        on ??= Page;
        var response = await on.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"GET {path} answered {response.Status}, expected 200.");
        await CheckAsync(on);
    }

    /// <summary>
    /// Clicks <paramref name="target"/> (a link or a submit button), waits until the document it leads to has loaded,
    /// expects 200 at <paramref name="expectedPath"/> and checks the page with axe.
    /// </summary>
    protected async Task ClickAndCheckAsync(ILocator target, string expectedPath, IPage? on = null)
    {
        on ??= Page;
        var response = await NavigateAsync(on, () => target.ClickAsync());
        Assert.True(response.Status == 200, $"{response.Request.Method} {response.Url} answered {response.Status}, expected 200.");
        Assert.Equal(expectedPath, new Uri(on.Url).PathAndQuery);
        await CheckAsync(on);
    }

    /// <summary>Runs <paramref name="action"/> and waits for the final (non-redirect) document it loads in the page.</summary>
    protected static async Task<IResponse> NavigateAsync(IPage on, Func<Task> action)
    {
        var documentLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage p) => documentLoaded.TrySetResult();
        on.Load += OnLoad;
        try
        {
            var response = await on.RunAndWaitForResponseAsync(action, r =>
                r.Request.IsNavigationRequest && r.Frame == on.MainFrame && r.Status is < 300 or >= 400);
            await documentLoaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return response;
        }
        finally
        {
            on.Load -= OnLoad;
        }
    }

    /// <summary>axe on the page as it is now; it must find no WCAG 2.1 A/AA violation.</summary>
    protected async Task CheckAsync(IPage? on = null)
    {
        on ??= Page;
        await on.WaitForLoadStateAsync(LoadState.Load);
        lock (loaded)
        {
            checkedUrls.Add(WithoutFragment(on.Url));
        }

        await Accessibility.AssertNoViolationsAsync(on);
    }

    /// <summary>Signs in on the sign-in page (axe on it and on the page it leads to) and expects to land on <paramref name="landing"/>.</summary>
    protected async Task SignInAsync(string email, string landing, IPage? on = null)
    {
        on ??= Page;
        await GotoAsync("/logg-inn", on);
        await on.Locator("#Input_Email").FillAsync(email);
        await on.Locator("#Input_Password").FillAsync(DemoDataSeeder.Password);
        await ClickAndCheckAsync(on.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }), landing, on);
    }

    private bool IsThePortals(string url) => url.StartsWith(Portal.BaseUrl + "/", StringComparison.Ordinal);

    private static string WithoutFragment(string url) => url.Split('#')[0];
}
