namespace BioSirk.Portal.SharedKernel.Validation;

/// <summary>Norwegian organisation number (organisasjonsnummer): nine digits, the last a modulus-11 check digit.</summary>
public static class OrganisationNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    public static string Normalize(string? value) =>
        new((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static bool IsValid(string? value)
    {
        var digits = Normalize(value);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        var check = remainder == 0 ? 0 : 11 - remainder;
        return check != 10 && check == digits[8] - '0';
    }
}
