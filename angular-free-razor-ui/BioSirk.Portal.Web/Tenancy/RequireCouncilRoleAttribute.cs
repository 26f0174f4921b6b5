using BioSirk.Portal.Platform.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BioSirk.Portal.Web.Tenancy;

/// <summary>
/// A page inside a council that only some roles may use. Someone of the council without the role gets 403 with a
/// page that says so; someone outside the council never gets this far (404 from the middleware).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireCouncilRoleAttribute(CouncilRoles roles) : Attribute, IAsyncPageFilter
{
    public CouncilRoles Roles { get; } = roles;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var portal = context.HttpContext.RequestServices.GetRequiredService<PortalContext>();
        if (portal.Council is null || (portal.Council.Roles & Roles) == 0)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
