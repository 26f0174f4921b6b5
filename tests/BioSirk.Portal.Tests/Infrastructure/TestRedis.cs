using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>
/// The Redis server that etc/test.sh starts for the scale-out tests (BIOSIRK_REDIS, "127.0.0.1:port"), and the
/// redis-server binary it found (BIOSIRK_REDIS_SERVER), for a test that needs a Redis of its own to stop and start.
/// </summary>
public static class TestRedis
{
    public const string AddressVariable = "BIOSIRK_REDIS";
    public const string ServerVariable = "BIOSIRK_REDIS_SERVER";

    public static string Address => Required(AddressVariable);

    public static string ServerBinary => Required(ServerVariable);

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the tests with etc/test.sh, which installs redis-server (as root, or tells how), "
                + "starts a Redis server of its own and sets it.");
}

/// <summary>A redis-server process of a test's own, in memory only, on a free local port, that the test stops and starts.</summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("biosirk-redis-").FullName;
    private Process? process;

    public int Port { get; } = FreePort();

    public string Address => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        if (process is not null)
        {
            throw new InvalidOperationException("Redis is already running.");
        }

        var start = new ProcessStartInfo(TestRedis.ServerBinary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no",
                     "--daemonize", "no", "--logfile", Path.Combine(folder, "log"),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await AnswersAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = File.Exists(Path.Combine(folder, "log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "log")) : "";
                throw new InvalidOperationException($"redis-server did not start on port {Port}: {log}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server as a crash would: every connection to it breaks, and what it held is gone.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    // Above Linux's ephemeral range (32768-60999), so that no outgoing connection takes the port while the server is
    // stopped, and apart from etc/test.sh's own range (63790-63890).
    private static int FreePort()
    {
        foreach (var port in Enumerable.Range(0, 1000).Select(i => 64000 + ((Random.Shared.Next(1000) + i) % 1000)))
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try the next one
            }
        }

        throw new InvalidOperationException("No free port in 64000-64999.");
    }
}
