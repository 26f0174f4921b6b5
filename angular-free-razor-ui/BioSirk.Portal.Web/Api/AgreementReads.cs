using BioSirk.Portal.Agreements.Features;

namespace BioSirk.Portal.Web.Api;

/// <summary>
/// The API's reads of one agreement or a part of it: the client needs Agreements.Read, and an agreement it cannot see
/// (another council's or county's) is 404, the same answer as one that does not exist.
/// </summary>
internal static class AgreementReads
{
    public static async Task<IResult> PartAsync(
        HttpContext http, ApiCaller caller, AgreementQueries queries, Guid agreementId, Func<AgreementDetails, object> part)
    {
        if (!caller.CanRead)
        {
            return ApiProblems.CannotRead();
        }

        var details = await queries.GetAsync(agreementId, http.RequestAborted);
        return details is null ? ApiProblems.NotFound() : Results.Ok(part(details));
    }
}
