using System.Security.Cryptography;
using System.Text;

namespace BioSirk.Portal.Web.Hosting;

/// <summary>
/// SHA-256 of a request's method, path with query, and body: two requests with the same fingerprint ask for the same
/// thing. A form counts by its fields and files, in order, so that a multipart form sent again with a new boundary
/// has the same fingerprint.
/// </summary>
public static class RequestFingerprint
{
    public static async Task<string> OfAsync(HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{field.Key}={field.Value}\n"));
            }

            foreach (var file in form.Files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{file.Name};{file.FileName}\n"));
                await using var content = file.OpenReadStream();
                hash.AppendData(await SHA256.HashDataAsync(content, ct));
            }
        }
        else
        {
            if (!request.Body.CanSeek)
            {
                throw new InvalidOperationException("The body must be buffered (EnableBuffering) before its fingerprint is taken.");
            }

            request.Body.Position = 0;
            hash.AppendData(await SHA256.HashDataAsync(request.Body, ct));
            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
