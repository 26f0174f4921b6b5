namespace BioSirk.Portal.SharedKernel.Money;

/// <summary>
/// Money rules of the house: NOK as <see cref="decimal"/>, rounded to whole øre half away from zero, and only at the
/// last step of a computation.
/// </summary>
public static class Kroner
{
    public static decimal RoundToOre(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>True when the amount has at most two decimals (whole øre).</summary>
    public static bool HasWholeOre(decimal amount) => amount == Math.Round(amount, 2);
}
