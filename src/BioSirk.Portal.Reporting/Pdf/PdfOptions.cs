namespace BioSirk.Portal.Reporting.Pdf;

/// <summary>The <c>Pdf</c> section of the configuration (documented in etc/config/README.md).</summary>
internal sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The system Chromium (Debian package <c>chromium</c>); Playwright's own browsers are not used.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many documents are printed at once; each open page costs Chromium memory.</summary>
    public int MaxConcurrentPages { get; set; } = 2;
}
