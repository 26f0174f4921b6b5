using BioSirk.Portal.SharedKernel.Money;

namespace BioSirk.Portal.Agreements.Domain;

/// <summary>
/// The money of an agreement, computed in one place. Eligible cost is what the hours cost (each at the rate of its
/// day) + direct costs, capped at the frame; the remainder after what was paid is the final payment (positive) or a
/// repayment claim (negative). Rounded to whole øre, half away from zero, at the last step only.
/// </summary>
public sealed record Settlement(
    decimal HoursTotal, decimal HourCost, decimal DirectCosts, decimal Spent, decimal Eligible, decimal Paid, decimal Remainder,
    decimal Frame)
{
    public static Settlement Of(decimal frame, HoursWorked hours, decimal directCosts, decimal paid)
    {
        var spent = hours.Cost + directCosts;
        var eligible = Math.Min(spent, frame);
        return new Settlement(hours.Hours, Kroner.RoundToOre(hours.Cost), Kroner.RoundToOre(directCosts), Kroner.RoundToOre(spent),
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

/// <summary>Hours and what they cost, exact: the sum of each row's hours × the rate of its day.</summary>
public sealed record HoursWorked(decimal Hours, decimal Cost)
{
    public static readonly HoursWorked None = new(0, 0);

    /// <summary>Hours all at one rate.</summary>
    public static HoursWorked AtRate(decimal hours, decimal rate) => new(hours, hours * rate);

    public static HoursWorked Of(IEnumerable<HourEntry> entries)
    {
        var list = entries as IReadOnlyCollection<HourEntry> ?? entries.ToList();
        return new(list.Sum(h => h.Hours), list.Sum(h => h.Cost));
    }
}

public enum SpendLevel
{
    Normal,
    Above75,
    Above90,
    BeyondFrame,
}
