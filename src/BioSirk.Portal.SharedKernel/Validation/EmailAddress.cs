using System.Net.Mail;

namespace BioSirk.Portal.SharedKernel.Validation;

public static class EmailAddress
{
    /// <summary>A plain address (name@domain.tld) without display name; what people type into an invitation.</summary>
    public static bool IsValid(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 256 || text.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        if (!MailAddress.TryCreate(text, out var address) || address.Address != text)
        {
            return false;
        }

        var domain = address.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}
