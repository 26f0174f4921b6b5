using BioSirk.Portal.Strategy.Domain;

namespace BioSirk.Portal.Tests.Strategy;

public sealed class ReportingWindowTests
{
    private static readonly DateOnly WindowStart = new(2026, 3, 1);

    [Theory]
    [InlineData("2026-03-01T23:30:00Z", false)] // 00:30 on 2 March in Norway: inside the window
    [InlineData("2026-03-01T22:30:00Z", true)]  // 23:30 on 1 March in Norway: the window's first day is not after it
    [InlineData("2026-02-28T12:00:00Z", true)]
    public void AnUpdate_CountsByItsDayInNorway(string updatedAtUtc, bool awaitsUpdate)
    {
        var action = new RoadmapAction(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        action.ReportProgress(ActionStatus.InProgress, ProgressJudgement.OnTrack, null, "Kari Nordby",
            DateTime.Parse(updatedAtUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(awaitsUpdate, action.AwaitsUpdate(WindowStart));
    }
}
