namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>The portal's clock in tests: it stands still unless a test moves it, and is set back between tests.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}
