using System.Collections.Concurrent;
using BioSirk.Portal.Web.Live;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>
/// A live push never fails or holds the request that stored what it announces: not when Redis refuses it, and not while
/// a node is still trying to reach Redis (CI once saw a comment post wait 14 s for a node's first connection attempt).
/// </summary>
public sealed class LivePushTests
{
    private readonly RecordingLogger logger = new();

    [Fact]
    public async Task APushThatHangs_ReleasesTheRequest_AndIsLoggedWhenItFailsLater()
    {
        var redisAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await LivePush.BestEffortAsync(() => redisAnswers.Task, logger, "comment 7").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(logger.Lines, l => l.Contains("comment 7 is still waiting for Redis", StringComparison.Ordinal));
        redisAnswers.SetException(new InvalidOperationException("No connection is active"));
        await WaitForAsync(() => logger.Lines.Any(l => l.Contains("comment 7 failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task APushThatFails_IsLogged_NotThrown()
    {
        await LivePush.BestEffortAsync(() => throw new InvalidOperationException("No connection is active"), logger, "comment 8");

        Assert.Contains(logger.Lines, l => l.Contains("comment 8 failed", StringComparison.Ordinal));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 10_000, "The condition did not come true within 10 s.");
            await Task.Delay(50);
        }
    }

    private sealed class RecordingLogger : ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));
    }
}
