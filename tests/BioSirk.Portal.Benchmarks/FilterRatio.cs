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
/// The county start page's agreement queries in process, with the tenant filter (in the county's scope:
/// <see cref="AgreementQueries.CouncilsAsync"/>, <see cref="AgreementQueries.NeedingAttentionAsync"/> and the first page
/// of <see cref="AgreementQueries.ListPageAsync"/>) and without it (the same queries with IgnoreQueryFilters() and an
/// explicit <c>FunderCountyId == county</c>, which return the same rows). Each run gets a fresh DI scope and DbContext,
/// as a request does; the two are interleaved (A B, B A, …) so that drift hits both alike.
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

    /// <summary>Each of the start page's agreement queries on its own, through the filter in the county's scope (median, p95 in ms).</summary>
    public static async Task<IReadOnlyList<PartTiming>> PartsAsync(IServiceProvider services, Guid countyId, int iterations)
    {
        var parts = new (string Name, Func<AgreementQueries, Task> Run)[]
        {
            ("councils with agreements (the filter's choices)", q => q.CouncilsAsync()),
            ("agreements needing attention (the tasks)", q => q.NeedingAttentionAsync()),
            ("first page: count + 25 rows with their hours, costs and requests summed", q => q.ListPageAsync(new AgreementListFilter())),
            ("for comparison: ListAsync, the whole list with all hours summed (council pages)", q => q.ListAsync()),
        };
        var result = new List<PartTiming>();
        foreach (var (name, run) in parts)
        {
            var times = new List<double>();
            for (var i = -5; i < iterations; i++)
            {
                await using var scope = services.CreateAsyncScope();
                using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForCounty(countyId));
                var queries = scope.ServiceProvider.GetRequiredService<AgreementQueries>();
                var began = Stopwatch.GetTimestamp();
                await run(queries);
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

    private sealed record StartPageData(List<AgreementCouncil> Councils, List<AgreementAttention> Attention, AgreementPage Page)
    {
        public bool SameAs(StartPageData other) =>
            Councils.SequenceEqual(other.Councils) && Attention.SequenceEqual(other.Attention)
            && Page.Rows.SequenceEqual(other.Page.Rows) && Page.Total == other.Page.Total;
    }

    private static async Task<int> CheckEquivalentAsync(IServiceProvider services, Guid countyId)
    {
        var a = await LoadAsync(services, countyId, useFilter: true);
        var b = await LoadAsync(services, countyId, useFilter: false);
        if (!a.SameAs(b) || a.Page.Rows.Count == 0 || a.Attention.Count == 0)
        {
            throw new InvalidOperationException(
                $"The filtered ({a.Page.Total} agreements, {a.Attention.Count} tasks) and unfiltered ({b.Page.Total}, {b.Attention.Count}) queries differ: the comparison would be meaningless.");
        }

        return a.Page.Total;
    }

    private static async Task<double> TimeAsync(IServiceProvider services, Guid countyId, bool useFilter)
    {
        var began = Stopwatch.GetTimestamp();
        var data = await LoadAsync(services, countyId, useFilter);
        GC.KeepAlive(data);
        return Stopwatch.GetElapsedTime(began).TotalMilliseconds;
    }

    private static async Task<StartPageData> LoadAsync(IServiceProvider services, Guid countyId, bool useFilter)
    {
        await using var scope = services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForCounty(countyId));
        if (useFilter)
        {
            var q = scope.ServiceProvider.GetRequiredService<AgreementQueries>();
            return new StartPageData(await q.CouncilsAsync(), await q.NeedingAttentionAsync(), await q.ListPageAsync(new AgreementListFilter()));
        }

        var db = scope.ServiceProvider.GetRequiredService<AgreementsDbContext>();
        return new StartPageData(await UnfilteredCouncilsAsync(db, countyId), await UnfilteredAttentionAsync(db, countyId),
            await UnfilteredPageAsync(db, countyId, scope.ServiceProvider.GetRequiredService<TimeProvider>()));
    }

    // The three queries of AgreementQueries, query for query, with the filter replaced by an explicit condition.
    private static async Task<List<AgreementCouncil>> UnfilteredCouncilsAsync(AgreementsDbContext db, Guid county)
    {
        var councils = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.FunderCountyId == county)
            .Select(a => new { a.TenantId, a.CouncilName }).Distinct().ToListAsync();
        return councils.GroupBy(c => c.TenantId).Select(g => new AgreementCouncil(g.Key, g.First().CouncilName))
            .OrderBy(c => c.Name, StringComparer.Create(SharedKernel.Formatting.Norwegian.Culture, ignoreCase: true)).ToList();
    }

    private static async Task<List<AgreementAttention>> UnfilteredAttentionAsync(AgreementsDbContext db, Guid county)
    {
        var rows = await db.Agreements.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.FunderCountyId == county)
            .Where(a => (a.Status == AgreementStatus.Draft && (a.CouncilSignature == null || a.CountySignature == null))
                        || a.Milestones.Any(m => m.FunderCountyId == county && (m.State == MilestoneState.Requested || (m.State == MilestoneState.Payable && m.Amount < 0)))
                        || db.PaymentRequests.Any(r => r.FunderCountyId == county && r.AgreementId == a.Id && r.Status == PaymentRequestStatus.Sent))
            .OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Title, a.CouncilName, a.Status,
                CouncilSigned = a.CouncilSignature != null,
                CountySigned = a.CountySignature != null,
                Waiting = db.PaymentRequests.Count(r => r.FunderCountyId == county && r.AgreementId == a.Id && r.Status == PaymentRequestStatus.Sent),
                Due = a.Milestones.Any(m => m.FunderCountyId == county && (m.State == MilestoneState.Requested || (m.State == MilestoneState.Payable && m.Amount < 0))),
                AmountDue = a.Milestones.Where(m => m.FunderCountyId == county && (m.State == MilestoneState.Requested || (m.State == MilestoneState.Payable && m.Amount < 0)))
                    .Sum(m => m.Amount ?? 0),
            })
            .ToListAsync();
        return rows.Select(a => new AgreementAttention(a.Id, a.Title, a.CouncilName,
            a.Status == AgreementStatus.Draft && !a.CouncilSigned, a.Status == AgreementStatus.Draft && !a.CountySigned, a.Waiting, a.Due, a.AmountDue)).ToList();
    }

    private static async Task<AgreementPage> UnfilteredPageAsync(AgreementsDbContext db, Guid county, TimeProvider clock)
    {
        const int size = 25;
        var query = db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.FunderCountyId == county);
        var total = await query.CountAsync();
        var agreements = await query.OrderBy(a => a.PeriodEnd).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Take(size)
            .Select(a => new
            {
                a.Id, a.Title, a.PeriodStart, a.PeriodEnd, a.CouncilName, a.CountyName, a.Status, a.FrameAmount, a.ActivitiesDeadline, a.ReportDeadline,
                CouncilSigned = a.CouncilSignature != null,
                CountySigned = a.CountySignature != null,
                Milestones = a.Milestones.Where(m => m.FunderCountyId == county).Select(m => new MilestoneDeadline(m.Name, m.DueDate, m.State, m.Amount)).ToList(),
            })
            .ToListAsync();
        var ids = agreements.Select(a => a.Id).ToList();
        var sums = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.FunderCountyId == county && ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                HourCost = db.Hours.Where(h => h.FunderCountyId == county && h.AgreementId == a.Id).Sum(h => h.Hours * h.HourRate),
                Costs = db.DirectCosts.Where(c => c.FunderCountyId == county && c.AgreementId == a.Id).Sum(c => c.Amount),
                Waiting = db.PaymentRequests.Count(r => r.FunderCountyId == county && r.AgreementId == a.Id && r.Status == PaymentRequestStatus.Sent),
            })
            .ToDictionaryAsync(a => a.Id);
        var today = SharedKernel.Time.Oslo.Today(clock);
        var rows = agreements.Select(a =>
        {
            var sum = sums[a.Id];
            var s = Settlement.Of(a.FrameAmount, new HoursWorked(0, sum.HourCost), sum.Costs, 0);
            return new AgreementRow(a.Id, a.Title, a.PeriodStart, a.PeriodEnd, a.CouncilName, a.CountyName, a.Status, s.PercentUsed, s.Level,
                AgreementQueries.NextDeadline(a.Status, a.ActivitiesDeadline, a.ReportDeadline, a.Milestones, today),
                a.Status == AgreementStatus.Draft && !a.CouncilSigned,
                a.Status == AgreementStatus.Draft && !a.CountySigned,
                sum.Waiting,
                a.Milestones.Any(m => m.AwaitsPayment),
                a.Milestones.Any(m => m.AwaitsPayment && m.Amount < 0));
        }).ToList();
        return new AgreementPage(rows, total, 1, size);
    }
}
