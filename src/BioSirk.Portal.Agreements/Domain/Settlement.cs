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
            Kroner.RoundToOre(eligible), Kroner.RoundToOre(paid), Kroner.RoundToOre(eligible - paid), frame);
    }

    public bool IsRepaymentClaim => Remainder < 0;

    public decimal Remaining => Frame - Spent;

    /// <summary>Share of the frame spent, in percent (may pass 100 when costs exceed the frame).</summary>
    public decimal PercentUsed => Frame == 0 ? 0 : Math.Round(Spent / Frame * 100m, 1, MidpointRounding.AwayFromZero);

    public decimal NotEligible => Math.Max(0, Spent - Frame);

    public SpendLevel Level => PercentUsed switch
    {
        > 100 => SpendLevel.BeyondFrame,
        >= 90 => SpendLevel.Above90,
        >= 75 => SpendLevel.Above75,
        _ => SpendLevel.Normal,
    };
}

public enum SpendLevel
{
    Normal,
    Above75,
    Above90,
    BeyondFrame,
}
