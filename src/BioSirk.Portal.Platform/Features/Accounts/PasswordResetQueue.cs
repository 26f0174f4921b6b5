using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BioSirk.Portal.Platform.Features.Accounts;

/// <summary>
/// "Glemt passordet?" asks here and answers at once; <see cref="PasswordResetMailer"/> then looks the address up and
/// sends the link. So the answer takes as long for an address with an account as for one without, and a slow mail
/// server never holds up the page.
/// </summary>
public sealed class PasswordResetQueue
{
    /// <summary>More than this waiting means a flood: the rest are dropped (the sign-in rate limit stops most before).</summary>
    private const int Capacity = 1_000;

    private readonly Channel<string> requests = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private int waiting;

    internal ChannelReader<string> Reader => requests.Reader;

    public void Ask(string email)
    {
        if (requests.Writer.TryWrite(email))
        {
            Interlocked.Increment(ref waiting);
        }
    }

    /// <summary>Waits until every request asked for so far has been handled (at shutdown, and in tests).</summary>
    public async Task HandledAsync(CancellationToken ct = default)
    {
        while (Volatile.Read(ref waiting) > 0)
        {
            await Task.Delay(20, ct);
        }
    }

    internal void Handled() => Interlocked.Decrement(ref waiting);
}

/// <summary>Sends the links asked for through <see cref="PasswordResetQueue"/>, one request at a time.</summary>
internal sealed class PasswordResetMailer(PasswordResetQueue queue, IServiceScopeFactory scopes, ILogger<PasswordResetMailer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var email in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(email);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is sent below, so that a restart loses none of the links asked for.
        }

        while (queue.Reader.TryRead(out var email))
        {
            await SendAsync(email);
        }
    }

    private async Task SendAsync(string email)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Passwords>().RequestResetAsync(email);
        }
        catch (Exception ex)
        {
            // The address is personal data: only that it failed is logged. The person can ask again.
            log.LogError(ex, "A password reset link could not be prepared");
        }
        finally
        {
            queue.Handled();
        }
    }
}
