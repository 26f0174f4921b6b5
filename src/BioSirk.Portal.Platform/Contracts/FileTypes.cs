using System.IO.Compression;
using System.Xml;

namespace BioSirk.Portal.Platform.Contracts;

/// <summary>
/// The file types the portal accepts, recognised from their content, never from the name: vouchers (PDF, JPEG, PNG)
/// and documents (those, and Word and Excel files).
/// </summary>
public static class FileTypes
{
    public const long MaxVoucherBytes = 10 * 1024 * 1024;

    public const long MaxDocumentBytes = 20 * 1024 * 1024;

    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The content types of the main part that a package of each kind declares; the macro-enabled kinds (.docm, .xlsm)
    // declare others and are not accepted.
    private static readonly Dictionary<string, string> OfficeMainParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = Docx,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = Xlsx,
    };

    // The package's small XML parts that are read; anything larger is not a document we accept.
    private const long MaxPackagePartBytes = 1024 * 1024;

    // The extensions a saved file of each checked type may carry; the first is given to one that carries none of them.
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [Pdf] = [".pdf"],
        [Jpeg] = [".jpg", ".jpeg"],
        [Png] = [".png"],
        [Docx] = [".docx"],
        [Xlsx] = [".xlsx"],
    };

    /// <summary>
    /// The name a file is kept and downloaded under: the uploader's, with an extension that matches the type its
    /// content was checked to be. A PDF named «timeliste.cmd» is «timeliste.pdf»: saved from a download, a file opens by
    /// its extension, so the name must not make a checked PDF run as a script.
    /// </summary>
    public static string NameFor(string fileName, string contentType)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (!Extensions.TryGetValue(contentType, out var allowed) || allowed.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return name;
        }

        var stem = Path.GetFileNameWithoutExtension(name).Trim();
        return (stem.Length == 0 ? "fil" : stem) + allowed[0];
    }

    /// <summary>The checked type of a kept file, by its name: <see cref="NameFor"/> gave it an extension that matches its content. Null for another.</summary>
    public static string? TypeOfName(string fileName) =>
        Extensions.FirstOrDefault(e => e.Value.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase)).Key;

    public static string? DetectVoucherType(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return Jpeg;
        }

        return header.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? Png : null;
    }

    /// <summary>
    /// A voucher type, or Word (.docx) or Excel (.xlsx): a ZIP package whose [Content_Types].xml declares a Word
    /// document or an Excel workbook as its main part. Null for anything else. The stream must be seekable; it is left
    /// at its start.
    /// </summary>
    public static string? DetectDocumentType(Stream content)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable.", nameof(content));
        }

        content.Position = 0;
        Span<byte> header = stackalloc byte[16];
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var type = DetectVoucherType(header[..read]);
        if (type is null && header[..read].StartsWith("PK\x03\x04"u8))
        {
            type = OfficeType(content);
            content.Position = 0;
        }

        return type;
    }

    /// <summary>"PDF", "Word", "Excel", "JPEG-bilde", "PNG-bilde": what people call the type.</summary>
    public static string Name(string contentType) => contentType switch
    {
        Pdf => "PDF",
        Docx => "Word",
        Xlsx => "Excel",
        Jpeg => "JPEG-bilde",
        Png => "PNG-bilde",
        _ => contentType,
    };

    /// <summary>
    /// The type of the package's main part, found as a reader finds it: the officeDocument relationship of
    /// _rels/.rels names the part, and [Content_Types].xml gives its type (an Override for the part, else the Default
    /// for its extension).
    /// </summary>
    private static string? OfficeType(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var main = Elements(zip, "_rels/.rels", "Relationship")
                .FirstOrDefault(r => r.GetValueOrDefault("Type")?.EndsWith("/officeDocument", StringComparison.Ordinal) == true)
                ?.GetValueOrDefault("Target")?.TrimStart('/');
            if (main is null || zip.GetEntry(main) is null)
            {
                return null;
            }

            var types = Elements(zip, "[Content_Types].xml", "Override", "Default");
            var declared = types.FirstOrDefault(t => string.Equals(t.GetValueOrDefault("PartName"), "/" + main, StringComparison.OrdinalIgnoreCase))
                           ?? types.FirstOrDefault(t => string.Equals(t.GetValueOrDefault("Extension"), Path.GetExtension(main).TrimStart('.'), StringComparison.OrdinalIgnoreCase));
            return declared?.GetValueOrDefault("ContentType") is { } type && OfficeMainParts.TryGetValue(type, out var office) ? office : null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return null;
        }
    }

    /// <summary>The attributes of the named elements of a small XML entry, Overrides before Defaults as listed.</summary>
    private static List<Dictionary<string, string>> Elements(ZipArchive zip, string entryName, params string[] names)
    {
        var entry = zip.GetEntry(entryName);
        if (entry is null || entry.Length > MaxPackagePartBytes)
        {
            return [];
        }

        var found = new List<(int Order, Dictionary<string, string> Attributes)>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxPackagePartBytes, // the declared size may lie
        };
        using var reader = XmlReader.Create(entry.Open(), settings);
        while (reader.Read())
        {
            var order = Array.IndexOf(names, reader.LocalName);
            if (reader.NodeType != XmlNodeType.Element || order < 0)
            {
                continue;
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.MoveToNextAttribute())
            {
                attributes[reader.LocalName] = reader.Value;
            }

            found.Add((order, attributes));
        }

        return [.. found.OrderBy(f => f.Order).Select(f => f.Attributes)];
    }
}
