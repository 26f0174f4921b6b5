using System.Security.Cryptography;
using System.Text.Json;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace BioSirk.Portal.Web.Api;

/// <summary>
/// The agreement's ETag (a hash of what GET /agreements/{id} answers: its terms and its figures, so every registered
/// hour, cost or payment changes it; and its stamp and signatures) and the If-Match check of every write on an agreement.
/// </summary>
public static class AgreementETag
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of(AgreementDetails details) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(Versioned(details), Json)))[..32]}\"";

    /// <summary>
    /// What the response shows, and what it does not show but a write may change: the concurrency stamp (renewed by a
    /// change of the terms or the status) and the signatures (owned rows: the first signature leaves the stamp as it was).
    /// </summary>
    private static object Versioned(AgreementDetails details) => new
    {
        Body = AgreementResponse.From(details),
        Stamp = details.Agreement.ConcurrencyStamp,
        Signed = new[] { details.Agreement.CouncilSignature?.AtUtc, details.Agreement.CountySignature?.AtUtc },
    };

    /// <summary>
    /// For a write on the agreement, after its 404 and 403 checks: a 412 problem when the request's If-Match names
    /// neither the agreement's current ETag nor <c>*</c>; null (go on) when it does, or when there is no If-Match.
    /// </summary>
    public static IResult? IfMatchFails(HttpContext http, AgreementDetails details)
    {
        var header = http.Request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        var current = new EntityTagHeaderValue(Of(details));
        var matches = EntityTagHeaderValue.TryParseList(header, out var tags)
                      && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: true));
        return matches ? null : ApiProblems.PreconditionFailed(PageTexts.Of(http));
    }

    /// <summary>The agreement's ETag after a write, so that the client can make its next write conditional.</summary>
    public static void Set(HttpContext http, AgreementDetails details) => http.Response.Headers.ETag = Of(details);
}
