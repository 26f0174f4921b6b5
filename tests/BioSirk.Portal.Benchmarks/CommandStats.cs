using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BioSirk.Portal.Benchmarks;

/// <summary>
/// Listens to EF Core's diagnostic events in this process (the portal runs in it) and adds up the SQL commands per
/// scenario: how many, and how long each took from being sent until its reader was disposed (execution plus reading the rows). Tells
/// whether a page's time goes to the database or to the rest (model building, rendering).
/// </summary>
public sealed class CommandStats : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable subscription;
    private readonly List<IDisposable> listeners = [];
    private ConcurrentDictionary<string, Entry>? current;

    public CommandStats() => subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public sealed class Entry
    {
        private long count;
        private long ticks;

        public long Count => Interlocked.Read(ref count);

        public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

        public void Add(TimeSpan duration, bool newCommand)
        {
            if (newCommand)
            {
                Interlocked.Increment(ref count);
            }

            Interlocked.Add(ref ticks, duration.Ticks);
        }
    }

    /// <summary>Starts counting into a fresh table; <see cref="Stop"/> returns it.</summary>
    public void Start() => current = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Entry> Stop()
    {
        var table = current ?? new ConcurrentDictionary<string, Entry>();
        current = null;
        return table;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (listeners)
            {
                listeners.Add(value.Subscribe(this, name => name == RelationalEventId.DataReaderDisposing.Name
                                                            || name == RelationalEventId.CommandExecuted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var table = current;
        if (table is null)
        {
            return;
        }

        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                // Until the command answered (for a query: the first rows are there).
                table.GetOrAdd(Shorten(executed.Command.CommandText), _ => new Entry()).Add(executed.Duration, newCommand: true);
                break;
            case DataReaderDisposingEventData reader:
                // Reading the rest of the rows, until EF Core disposed the reader.
                table.GetOrAdd(Shorten(reader.Command.CommandText), _ => new Entry()).Add(reader.Duration, newCommand: false);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        subscription.Dispose();
        lock (listeners)
        {
            listeners.ForEach(l => l.Dispose());
        }
    }

    /// <summary>The command on one line, trimmed to what tells commands apart (the select list is long; keep FROM … too).</summary>
    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= 240)
        {
            return flat;
        }

        var from = flat.IndexOf(" FROM ", StringComparison.Ordinal);
        return from > 60 ? flat[..60] + " … " + Truncate(flat[from..], 170) : Truncate(flat, 230);
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + " …";
}
