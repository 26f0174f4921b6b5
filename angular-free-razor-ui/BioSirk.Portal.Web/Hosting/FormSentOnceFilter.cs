using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Idempotency;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace BioSirk.Portal.Web.Hosting;

/// <summary>
/// A form is carried out once, also when the browser sends it twice (a double click without JavaScript, a click
/// again after site.js has given up waiting, a slow network): every POST form carries a submission id
/// (<see cref="TagHelpers.FormSubmissionTagHelper"/>), and a POST that this person has sent before with the same id
/// and the same content is not run again. It waits for the first one's answer and goes where that one went, with a
/// notice that the form was sent twice and saved once. Only an answer that moved on to another page (a redirect, as
/// every form that succeeds answers) is kept: a form that came back with its errors, or failed, lets the id go, so
/// that sending it again runs.
/// </summary>
public sealed class FormSentOnceFilter : IAsyncPageFilter
{
    public const string Field = "__SubmissionId";

    /// <summary>The TempData entry the layout shows as a notice on the page the second sending was sent to.</summary>
    public const string NoticeKey = "FormSentTwice";

    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(15);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType
            || CurrentUser.IdOf(http.User) is not { } userId
            || !Guid.TryParse(http.Request.Form[Field], out var submission))
        {
            await next();
            return;
        }

        // A browser that sends the form again stops waiting for the first sending, which would then be cancelled
        // half-way (saved, but without its answer kept): a form is carried out to the end, whoever is still waiting.
        http.RequestAborted = CancellationToken.None;

        // The keys have a DbContext of their own: what the page leaves unsaved in the request's is not saved with them.
        await using var own = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var keys = own.ServiceProvider.GetRequiredService<IdempotencyKeys>();
        var client = $"form:{userId:N}";
        var hash = await RequestFingerprint.OfAsync(http.Request);
        var key = $"{submission:N}:{hash}"; // the same form with other content (Back, changed, sent) is a new sending
        var giveUp = DateTime.UtcNow + WaitForFirst;
        while (true)
        {
            var (row, taken) = await keys.TakeAsync(client, key, hash, http.RequestAborted);
            if (taken)
            {
                await RunAndKeepAsync(context, next, keys, row!);
                return;
            }

            if (row is not null)
            {
                row = await keys.WaitForAnswerAsync(row, giveUp, http.RequestAborted);
            }

            if (row is null && DateTime.UtcNow < giveUp)
            {
                continue; // the first sending came back with errors and let the id go: this one runs
            }

            SendToFirstAnswer(context, row);
            return;
        }
    }

    private static async Task RunAndKeepAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next, IdempotencyKeys keys, IdempotencyKey row)
    {
        PageHandlerExecutedContext executed;
        try
        {
            executed = await next();
        }
        catch
        {
            await keys.ReleaseAsync(row);
            throw;
        }

        var location = executed.Exception is null || executed.ExceptionHandled ? LocationOf(executed.Result, context) : null;
        if (location is null)
        {
            await keys.ReleaseAsync(row);
        }
        else
        {
            await keys.AnswerAsync(row, StatusCodes.Status302Found, null, location, []);
        }
    }

    /// <summary>Where a redirect sends the browser (as the result has it: a "~/" address is resolved when it is executed).</summary>
    private static string? LocationOf(IActionResult? result, ActionContext context) => result switch
    {
        RedirectResult r => r.Url,
        LocalRedirectResult r => r.Url,
        RedirectToPageResult r => (r.UrlHelper ?? context.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(context))
            .Page(r.PageName, r.PageHandler, r.RouteValues, r.Protocol, r.Host, r.Fragment),
        _ => null,
    };

    /// <summary>
    /// The second sending goes where the first one went. If the first is still running after the wait, to the page the
    /// form is on, as it is now.
    /// </summary>
    private static void SendToFirstAnswer(PageHandlerExecutingContext context, IdempotencyKey? first)
    {
        var http = context.HttpContext;
        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        if (first is { IsAnswered: true, Location: { } location })
        {
            tempData[NoticeKey] = "Skjemaet ble sendt to ganger, men er lagret bare én gang.";
            context.Result = new RedirectResult(location);
            return;
        }

        tempData[NoticeKey] = "Skjemaet ble sendt to ganger, og det første er ikke ferdig behandlet ennå. Last inn siden om litt, og se om det er lagret, før du sender det på nytt.";
        context.Result = new RedirectResult(http.Request.PathBase + http.Request.Path);
    }
}
