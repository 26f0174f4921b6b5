using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Spreadsheets;
using BioSirk.Portal.Tests.Meetings;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>The one place where an upload's type is told from its bytes, for vouchers and for documents.</summary>
public sealed class FileTypesTests
{
    [Fact]
    public void Documents_AreRecognisedByTheirContent_OfficeFilesByTheirDeclaredMainPart()
    {
        Assert.Equal(FileTypes.Pdf, Detect(ItemAttachmentTests.Pdf(100)));
        Assert.Equal(FileTypes.Jpeg, Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal(FileTypes.Docx, Detect(ItemAttachmentTests.Docx()));
        Assert.Equal(FileTypes.Xlsx, Detect(SpreadsheetWriter.Xlsx([["A"]], "Ark")));

        Assert.Null(Detect(ItemAttachmentTests.Docx(WordprocessingDocumentType.MacroEnabledDocument)));
        Assert.Null(Detect(MacroWorkbook()));
        Assert.Null(Detect("PK\x03\x04 not really a zip at all"u8.ToArray()));
        Assert.Null(Detect("Regnskap;2026\n"u8.ToArray()));
        Assert.Null(Detect([]));
    }

    [Fact]
    public void Vouchers_StayPdfJpegAndPng()
    {
        Assert.Null(FileTypes.DetectVoucherType(ItemAttachmentTests.Docx().AsSpan(0, 16)));
        Assert.Equal(FileTypes.Png, FileTypes.DetectVoucherType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    }

    [Fact]
    public void Detection_LeavesTheStreamAtItsStart_ForTheStoreToRead()
    {
        using var stream = new MemoryStream(ItemAttachmentTests.Docx());
        stream.Position = 7;
        Assert.Equal(FileTypes.Docx, FileTypes.DetectDocumentType(stream));
        Assert.Equal(0, stream.Position);
    }

    private static string? Detect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return FileTypes.DetectDocumentType(stream);
    }

    private static byte[] MacroWorkbook()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.MacroEnabledWorkbook))
        {
            document.AddWorkbookPart().Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        }

        return stream.ToArray();
    }
}
