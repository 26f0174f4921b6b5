using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace BioSirk.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Every form POST passes a <see cref="Gate"/> before the portal sees it, and its answer another one after the portal
/// has carried it out: a held gate plays a server that is slow to answer, with the request already on its way (or
/// done, and its answer on its way), as a busy server or a slow network is for a real user. Requests are held without
/// the request's abort token, so a post the browser gives up on still reaches the page, as it would.
/// </summary>
internal sealed class GatedFormPosts(Gate posts, Gate answers) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
            {
                await following(context);
                return;
            }

            await posts.PassAsync(CancellationToken.None);
            await following(context);
            await answers.PassAsync(CancellationToken.None); // a redirect has no body: nothing is sent before this returns
        });
        next(app);
    };
}
