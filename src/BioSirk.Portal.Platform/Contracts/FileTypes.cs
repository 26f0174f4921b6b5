namespace BioSirk.Portal.Platform.Contracts;

/// <summary>The file types the portal accepts as vouchers, recognised from their first bytes, not from the name.</summary>
public static class FileTypes
{
    public const long MaxVoucherBytes = 10 * 1024 * 1024;

    public static string? DetectVoucherType(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return "image/jpeg";
        }

        return header.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png" : null;
    }
}
