using BioSirk.Portal.Platform.Email;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Web.Hosting;

public static class PortalAddressExtensions
{
    /// <summary>
    /// The portal's address for links that leave the page (invitations, calendar feeds): Email:PortalUrl, as in every
    /// e-mail, never the request's Host header, which the client chooses.
    /// </summary>
    public static string PortalAddress(this HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<EmailOptions>>().Value.PortalAddress;
}
