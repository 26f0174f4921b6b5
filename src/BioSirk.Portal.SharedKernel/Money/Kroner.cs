namespace BioSirk.Portal.SharedKernel.Money;

/// <summary>
/// Money rules of the house: NOK as <see cref="decimal"/>, rounded to whole øre half away from zero, and only at the
/// last step of a computation.
/// </summary>
public static class Kroner
{
    public static decimal RoundToOre(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The largest amount one figure may have: far above any agreement of a regional council, and inside what the
    /// database's amount columns hold (14 digits, 2 of them øre), so that a slip of the finger is refused, not stored.
    /// </summary>
    public const decimal MaxAmount = 999_999_999.99m;

    /// <summary>True when the amount has at most two decimals (whole øre).</summary>
    public static bool HasWholeOre(decimal amount) => amount == Math.Round(amount, 2);
}
