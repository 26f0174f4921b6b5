using System.Diagnostics;
using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Benchmarks;

public sealed record RatioResult(int Iterations, int Rows, double FilteredMedian, double UnfilteredMedian, double FilteredP95, double UnfilteredP95,
    double RatioOfMedians, double MedianPairRatio);

public sealed record PartTiming(string Part, double Median, double P95);

/// <summary>
/// The county's agreement list in process, with the tenant filter (<see cref="AgreementQueries.ListAsync"/> in the
/// county's scope) and without it (the same four queries with IgnoreQueryFilters() and an explicit
/// <c>FunderCountyId == county</c>, which returns the same rows). Each run gets a fresh DI scope and DbContext, as a
/// request does; the two are interleaved (A B, B A, …) so that drift hits both alike.
/// </summary>
public static class FilterRatio
{
    public static async Task<RatioResult> RunAsync(IServiceProvider services, Guid countyId, int iterations, int warmup)
    {
        var filtered = new List<double>();
        var unfiltered = new List<double>();
        var pairRatios = new List<double>();
        var rows = await CheckEquivalentAsync(services, countyId);
        for (var i = -warmup; i < iterations; i++)
        {
            double a, b;
            if (i % 2 == 0)
            {
                a = await TimeAsync(services, countyId, useFilter: true);
                b = await TimeAsync(services, countyId, useFilter: false);
            }
            else
            {
                b = await TimeAsync(services, countyId, useFilter: false);
                a = await TimeAsync(services, countyId, useFilter: true);
            }

            if (i >= 0)
            {
                filtered.Add(a);
                unfiltered.Add(b);
                pairRatios.Add(a / b);
            }
        }

        var fs = filtered.Order().ToArray();
        var us = unfiltered.Order().ToArray();
        var fm = LoadRunner.Percentile(fs, 0.5);
        var um = LoadRunner.Percentile(us, 0.5);
        return new RatioResult(iterations, rows, fm, um, LoadRunner.Percentile(fs, 0.95), LoadRunner.Percentile(us, 0.95), fm / um,
            LoadRunner.Percentile([.. pairRatios.Order()], 0.5));
    }

    /// <summary>Each of ListAsync's four queries on its own, through the filter in the county's scope (median, p95 in ms).</summary>
    public static async Task<IReadOnlyList<PartTiming>> PartsAsync(IServiceProvider services, Guid countyId, int iterations)
    {
        var parts = new (string Name, Func<AgreementsDbContext, Task> Run)[]
        {
            ("agreements + milestones (list columns only)", db => db.Agreements.AsNoTracking().OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title)
                .Select(a => new
                {
                    a.Id, a.Title, a.CouncilName, a.CountyName, a.Status, a.FrameAmount, a.HourRate, a.ActivitiesDeadline, a.ReportDeadline,
                    CouncilSigned = a.CouncilSignature != null,
                    CountySigned = a.CountySignature != null,
                    Milestones = a.Milestones.Select(m => new MilestoneDeadline(m.Name, m.DueDate, m.State)).ToList(),
                }).ToListAsync()),
            ("hours summed per agreement", db => db.Hours.GroupBy(h => h.AgreementId).Select(g => new { g.Key, Total = g.Sum(h => h.Hours) }).ToDictionaryAsync(g => g.Key, g => g.Total)),
            ("direct costs summed per agreement", db => db.DirectCosts.GroupBy(c => c.AgreementId).Select(g => new { g.Key, Total = g.Sum(c => c.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Total)),
            ("payment requests waiting", db => db.PaymentRequests.Where(r => r.Status == PaymentRequestStatus.Sent).GroupBy(r => r.AgreementId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count)),
        };
        var result = new List<PartTiming>();
        foreach (var (name, run) in parts)
        {
            var times = new List<double>();
            for (var i = -5; i < iterations; i++)
            {
                await using var scope = services.CreateAsyncScope();
                using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForCounty(countyId));
                var db = scope.ServiceProvider.GetRequiredService<AgreementsDbContext>();
                var began = Stopwatch.GetTimestamp();
                await run(db);
                if (i >= 0)
                {
                    times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                }
            }

            var sorted = times.Order().ToArray();
            result.Add(new PartTiming(name, LoadRunner.Percentile(sorted, 0.5), LoadRunner.Percentile(sorted, 0.95)));
        }

        return result;
    }

    private static async Task<int> CheckEquivalentAsync(IServiceProvider services, Guid countyId)
    {
        var a = await ListAsync(services, countyId, useFilter: true);
        var b = await ListAsync(services, countyId, useFilter: false);
        if (!a.SequenceEqual(b))
        {
            throw new InvalidOperationException($"The filtered ({a.Count} rows) and unfiltered ({b.Count} rows) lists differ: the comparison would be meaningless.");
        }

        return a.Count;
    }

    private static async Task<double> TimeAsync(IServiceProvider services, Guid countyId, bool useFilter)
    {
        var began = Stopwatch.GetTimestamp();
        var rows = await ListAsync(services, countyId, useFilter);
        GC.KeepAlive(rows);
        return Stopwatch.GetElapsedTime(began).TotalMilliseconds;
    }

    private static async Task<List<AgreementRow>> ListAsync(IServiceProvider services, Guid countyId, bool useFilter)
    {
        await using var scope = services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForCounty(countyId));
        return useFilter
            ? await scope.ServiceProvider.GetRequiredService<AgreementQueries>().ListAsync()
            : await UnfilteredListAsync(scope.ServiceProvider.GetRequiredService<AgreementsDbContext>(), countyId,
                scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }

    /// <summary><see cref="AgreementQueries.ListAsync"/> query for query, with the filter replaced by an explicit condition.</summary>
    private static async Task<List<AgreementRow>> UnfilteredListAsync(AgreementsDbContext db, Guid county, TimeProvider clock)
    {
        var agreements = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.FunderCountyId == county)
            .OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title)
            .Select(a => new
            {
                a.Id, a.Title, a.CouncilName, a.CountyName, a.Status, a.FrameAmount, a.HourRate, a.ActivitiesDeadline, a.ReportDeadline,
                CouncilSigned = a.CouncilSignature != null,
                CountySigned = a.CountySignature != null,
                Milestones = a.Milestones.Select(m => new MilestoneDeadline(m.Name, m.DueDate, m.State)).ToList(),
            })
            .ToListAsync();
        var hours = await db.Hours.IgnoreQueryFilters().Where(h => h.FunderCountyId == county)
            .GroupBy(h => h.AgreementId).Select(g => new { g.Key, Total = g.Sum(h => h.Hours) }).ToDictionaryAsync(g => g.Key, g => g.Total);
        var costs = await db.DirectCosts.IgnoreQueryFilters().Where(c => c.FunderCountyId == county)
            .GroupBy(c => c.AgreementId).Select(g => new { g.Key, Total = g.Sum(c => c.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Total);
        var waiting = await db.PaymentRequests.IgnoreQueryFilters().Where(r => r.FunderCountyId == county && r.Status == PaymentRequestStatus.Sent)
            .GroupBy(r => r.AgreementId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var today = SharedKernel.Time.Oslo.Today(clock);
        return agreements.Select(a =>
        {
            var s = Settlement.Compute(a.FrameAmount, a.HourRate, hours.GetValueOrDefault(a.Id), costs.GetValueOrDefault(a.Id), 0);
            return new AgreementRow(a.Id, a.Title, a.CouncilName, a.CountyName, a.Status, s.PercentUsed, s.Level,
                AgreementQueries.NextDeadline(a.Status, a.ActivitiesDeadline, a.ReportDeadline, a.Milestones, today),
                a.Status == AgreementStatus.Draft && !a.CouncilSigned,
                a.Status == AgreementStatus.Draft && !a.CountySigned,
                waiting.GetValueOrDefault(a.Id),
                a.Milestones.Any(m => m.State == MilestoneState.Requested));
        }).ToList();
    }
}
