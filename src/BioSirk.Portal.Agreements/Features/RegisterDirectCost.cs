using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Agreements.Features;

public sealed record VoucherUpload(Stream Content, string FileName, long Length);

public sealed record RegisterDirectCostCommand(
    Guid AgreementId, DateOnly? Date, string? Supplier, string? Description, decimal? Amount, VoucherUpload? Voucher, Actor By);

/// <summary>A direct cost with its voucher (PDF, JPEG or PNG, at most 10 MB; the type is read from the content).</summary>
public sealed class RegisterDirectCost(AgreementStore store, IFileStore files, TimeProvider clock)
{
    /// <summary>Said of a voucher over <see cref="FileTypes.MaxVoucherBytes"/>, here and by the page that never received it.</summary>
    public const string VoucherTooLarge = "Filen er større enn 10 MB. Skann den med lavere oppløsning, eller del den i flere filer.";

    public async Task<Result?> HandleAsync(RegisterDirectCostCommand c, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(c.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        if (BudgetRules.ClosedFor(agreement) is { } closed)
        {
            return Result.Fail("", closed);
        }

        var errors = new List<FieldError>(DirectCost.Check(agreement, Oslo.Today(clock), c.Date, c.Supplier, c.Description, c.Amount));
        string? contentType = null;
        byte[]? content = null;
        if (c.Voucher is null || c.Voucher.Length == 0)
        {
            errors.Add(new FieldError("Voucher", "Legg ved bilaget (PDF, JPEG eller PNG)."));
        }
        else
        {
            (content, contentType, var error) = await Uploads.ReadVoucherAsync(c.Voucher, ct);
            if (error is not null)
            {
                errors.Add(new FieldError("Voucher", error));
            }
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var cost = new DirectCost(agreement, c.Date!.Value, c.Supplier!, c.Description!, c.Amount!.Value, c.By.Name, clock.GetUtcNow().UtcDateTime);
        using (var stream = new MemoryStream(content!))
        {
            var stored = await files.SaveAsync(stream, c.Voucher!.FileName, contentType!, ct);
            cost.Attach(new Voucher(stored.FileId, stored.FileName, stored.ContentType, stored.Size, stored.Sha256));
        }

        store.MoneyChanged(agreement);
        store.Db.DirectCosts.Add(cost);
        var saved = await store.SaveAsync(ct);
        if (!saved.Succeeded)
        {
            await files.DeleteAsync(cost.Voucher!.FileId, ct); // a conflict: no row points to the voucher
        }

        return saved;
    }
}

internal static class Uploads
{
    /// <summary>Reads an uploaded voucher and tells its type from its first bytes; an error message when it is not acceptable.</summary>
    public static async Task<(byte[]? Content, string? ContentType, string? Error)> ReadVoucherAsync(VoucherUpload upload, CancellationToken ct)
    {
        if (upload.Length > FileTypes.MaxVoucherBytes)
        {
            return (null, null, RegisterDirectCost.VoucherTooLarge);
        }

        using var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var contentType = FileTypes.DetectVoucherType(content.AsSpan(0, Math.Min(content.Length, 16)));
        return contentType is null
            ? (null, null, "Filen er ikke en PDF, JPEG eller PNG (vi sjekker innholdet, ikke bare navnet). Lagre den som PDF og prøv igjen.")
            : (content, contentType, null);
    }
}
