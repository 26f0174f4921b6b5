using BioSirk.Portal.SharedKernel.Money;

namespace BioSirk.Portal.Agreements.Domain;

/// <summary>
/// The money of an agreement, computed in one place. Eligible cost is hours × rate + direct costs, capped at the
/// frame; the remainder after what was paid is the final payment (positive) or a repayment claim (negative).
/// Rounded to whole øre, half away from zero, at the last step only.
/// </summary>
public sealed record Settlement(
    decimal HoursTotal, decimal HourCost, decimal DirectCosts, decimal Spent, decimal Eligible, decimal Paid, decimal Remainder,
    decimal Frame)
{
    public static Settlement Compute(decimal frame, decimal hourRate, decimal hours, decimal directCosts, decimal paid)
    {
        var hourCost = hours * hourRate;
        var spent = hourCost + directCosts;
        var eligible = Math.Min(spent, frame);
        return new Settlement(hours, Kroner.RoundToOre(hourCost), Kroner.RoundToOre(directCosts), Kroner.RoundToOre(spent),
            Kroner.RoundToOre(eligible), Kroner.RoundToOre(paid), Kroner.RoundToOre(eligible - paid), frame)
        {
            EligibleHasPartsOfAnOre = eligible != Kroner.RoundToOre(eligible),
        };
    }

    /// <summary>
    /// The exact eligible cost has parts of an øre (an hour rate in øre times hours in hundredths): the amounts shown
    /// are each rounded, and the remainder, rounded once from the exact figures, may differ by an øre from their difference.
    /// </summary>
    public bool EligibleHasPartsOfAnOre { get; init; }

    public bool IsRepaymentClaim => Remainder < 0;

    public decimal Remaining => Frame - Spent;

    /// <summary>
    /// Share of the frame spent, in percent with one decimal (may pass 100 when costs exceed the frame). Cut, not
    /// rounded, so that it never shows a threshold as reached before it is: 74,96 % reads 74,9 %.
    /// </summary>
    public decimal PercentUsed => Frame == 0 ? 0 : Math.Round(Spent / Frame * 100m, 1, MidpointRounding.ToZero);

    public decimal NotEligible => Math.Max(0, Spent - Frame);

    /// <summary>The warnings compare the amounts themselves, never the rounded percentage.</summary>
    public SpendLevel Level =>
        Spent > Frame ? SpendLevel.BeyondFrame
        : Spent * 100 >= Frame * 90 ? SpendLevel.Above90
        : Spent * 100 >= Frame * 75 ? SpendLevel.Above75
        : SpendLevel.Normal;
}

public enum SpendLevel
{
    Normal,
    Above75,
    Above90,
    BeyondFrame,
}
