using System.Globalization;
using NodaTime;
using NodaTime.Testing;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Publication;

using WellbeingIndex.Tests;

namespace WellbeingIndex.Publication.Tests;

/// <summary>
/// What every <see cref="IResultStore"/> must do, run against each implementation by a derived class. Expected scores
/// are computed by hand from <see cref="TestRuns"/>.
/// </summary>
public abstract class ResultStoreConformanceTests
{
    private static readonly Instant PublishTime = Instant.FromUtc(2024, 6, 2, 9, 0);
    private readonly Lazy<IResultStore> _store;
    private volatile int _failAtBatch = -1;

    protected ResultStoreConformanceTests() => _store = new Lazy<IResultStore>(() => CreateStore(Clock, BeforeBatch));

    private protected FakeClock Clock { get; } = new(PublishTime);

    private protected IResultStore Store => _store.Value;

    /// <summary>A fresh, empty store whose row writes call <paramref name="beforeBatch"/> with the batch number first.</summary>
    private protected abstract IResultStore CreateStore(IClock clock, Func<int, CancellationToken, ValueTask> beforeBatch);

    /// <summary>Batches numbered at or above this fail (−1: none), as a publisher dying midway would.</summary>
    private protected int FailAtBatch
    {
        set => _failAtBatch = value;
    }

    [Fact]
    public async Task Published_run_is_latest_with_its_fields()
    {
        var run = TestRuns.Build();
        var published = await Store.PublishAsync(run);

        var latest = await Store.GetLatestRunAsync(TestRuns.FrameworkId);
        Assert.NotNull(latest);
        Assert.Equal(published, latest);
        Assert.Equal(TestRuns.FrameworkId, latest.FrameworkId);
        Assert.Equal(ReferencePeriod.ForCalendarYear(2023), latest.Period);
        Assert.Equal(TestRuns.Noon2024, latest.ComputedAt);
        Assert.Equal(PublishTime, latest.PublishedAt);
        Assert.Equal(RunStatus.Complete, latest.Status);
        Assert.Equal(4, latest.AreaCount);
        Assert.Equal(3, latest.IndicatorCount);
        Assert.StartsWith("2023-", latest.RunId, StringComparison.Ordinal);
        Assert.Equal(IndexDefinitionJson.ToJson(TestRuns.Definition).ToString(Newtonsoft.Json.Formatting.None), latest.DefinitionJson);
        Assert.Equal(published, await Store.GetRunAsync(TestRuns.FrameworkId, published.RunId));
        Assert.Equal([published], await Store.ListRunsAsync(TestRuns.FrameworkId));
    }

    [Fact]
    public async Task Area_scores_are_the_hand_computed_ones()
    {
        var published = await Store.PublishAsync(TestRuns.Build());
        var rows = await Store.GetAreaScoresAsync(TestRuns.FrameworkId, published.RunId);

        // min-max 0–100 after direction: pay 10..40 → 0, 33.3, 66.7, 100; benefits −(4, 3, –, 1) → 0, 33.3, –, 100;
        // rent −(100, 300, 200, 400) → 100, 33.3, 66.7, 0. income = mean(pay, benefits) = 0, 33.3, 66.7 (one of two: coverage
        // 0.5), 100; housing = rent; index = mean(income, housing) = 50, 33.3, 66.7, 50.
        // Ranks 2, 4, 1, 2 (tie shares the best rank); deciles ⌈10·r/4⌉ = 5, 10, 3, 5; quintiles ⌈5·r/4⌉ = 3, 5, 2, 3.
        Assert.Equal(TestRuns.Areas.Select(a => a.Code), rows.Select(r => r.AreaCode));
        Assert.Equal(TestRuns.Areas.Select(a => a.Name), rows.Select(r => r.AreaName));
        Assert.All(rows, r => Assert.Equal(["index", "income", "housing"], r.Scores.Select(s => s.NodeCode)));
        Assert.All(rows, r => Assert.Equal(published.RunId, r.RunId));
        double[] index = [50, 100.0 / 3, 200.0 / 3, 50];
        int[] ranks = [2, 4, 1, 2], deciles = [5, 10, 3, 5], quintiles = [3, 5, 2, 3];
        for (var i = 0; i < 4; i++)
        {
            var s = rows[i]["index"];
            Assert.Equal(index[i], s.Score!.Value, 9);
            Assert.Equal(ranks[i], s.Rank);
            Assert.Equal(deciles[i], s.Decile);
            Assert.Equal(quintiles[i], s.Quintile);
            Assert.Equal(1.0, s.Coverage);
        }

        Assert.Equal(200.0 / 3, rows[2]["income"].Score!.Value, 9);
        Assert.Equal(0.5, rows[2]["income"].Coverage);
        Assert.Equal(0, rows[3]["housing"].Score!.Value, 9);
        Assert.Equal(4, rows[3]["housing"].Rank);
    }

    [Fact]
    public async Task Indicator_values_keep_raw_normalised_status_and_provenance()
    {
        var published = await Store.PublishAsync(TestRuns.Build());
        var values = await Store.GetIndicatorValuesAsync(TestRuns.FrameworkId, published.RunId);

        Assert.Equal(12, values.Count);
        Assert.Equal(["pay", "benefits", "rent"], values.Select(v => v.IndicatorCode).Distinct());
        var pay = values.Single(v => v.IndicatorCode == "pay" && v.AreaCode == "E09000002");
        Assert.Equal(20, pay.RawValue);
        Assert.Equal(100.0 / 3, pay.NormalisedValue!.Value, 9); // (20 − 10) / (40 − 10) · 100
        Assert.Equal(ReferencePeriod.ForCalendarYear(2023), pay.PeriodUsed);
        Assert.Equal(ValueStatus.Ok, pay.Status);
        Assert.Null(pay.Reason);
        Assert.Equal("Barking and Dagenham", pay.AreaName);
        Assert.Equal("pay-provider", pay.ProviderId);
        Assert.Equal("Office for National Statistics", pay.Publisher);
        Assert.Equal("pay dataset", pay.Dataset);
        Assert.Equal("https://www.ons.gov.uk/pay", pay.Url);
        Assert.Equal("Open Government Licence v3.0", pay.Licence);

        var suppressed = values.Single(v => v.IndicatorCode == "benefits" && v.AreaCode == "E09000003");
        Assert.Null(suppressed.RawValue);
        Assert.Null(suppressed.NormalisedValue);
        Assert.Equal(ValueStatus.Suppressed, suppressed.Status);
        Assert.Equal("Publisher: fewer than 10 claimants", suppressed.Reason);

        var rent = values.Single(v => v.IndicatorCode == "rent" && v.AreaCode == "E09000004");
        Assert.Equal(400, rent.RawValue);
        Assert.Equal(0, rent.NormalisedValue); // lowest is better: the highest rent scores 0
    }

    [Fact]
    public async Task Run_id_depends_on_inputs_not_on_computation_time()
    {
        var first = await Store.PublishAsync(TestRuns.Build());
        var recomputed = await Store.PublishAsync(TestRuns.Build(computedAt: TestRuns.Noon2024 + Duration.FromHours(5)));
        var changed = await Store.PublishAsync(TestRuns.Build(payShift: 1));
        var nextYear = await Store.PublishAsync(TestRuns.Build(year: 2024));

        Assert.Equal(first.RunId, recomputed.RunId);
        Assert.Equal(first, recomputed); // the stored run stands: computed and published when first published
        Assert.NotEqual(first.RunId, changed.RunId);
        Assert.StartsWith("2024-", nextYear.RunId, StringComparison.Ordinal);
        Assert.Equal(3, (await Store.ListRunsAsync(TestRuns.FrameworkId)).Count);
    }

    [Fact]
    public async Task Publishing_twice_is_idempotent()
    {
        var once = await Store.PublishAsync(TestRuns.Build());
        var scores = Describe(await Store.GetAreaScoresAsync(TestRuns.FrameworkId, once.RunId));
        var values = Describe(await Store.GetIndicatorValuesAsync(TestRuns.FrameworkId, once.RunId));
        Clock.Advance(Duration.FromMinutes(10));

        var twice = await Store.PublishAsync(TestRuns.Build());

        Assert.Equal(once, twice);
        Assert.Equal([once], await Store.ListRunsAsync(TestRuns.FrameworkId));
        Assert.Equal(scores, Describe(await Store.GetAreaScoresAsync(TestRuns.FrameworkId, once.RunId)));
        Assert.Equal(values, Describe(await Store.GetIndicatorValuesAsync(TestRuns.FrameworkId, once.RunId)));
    }

    [Fact]
    public async Task A_run_computed_earlier_never_replaces_a_later_latest()
    {
        var later = await Store.PublishAsync(TestRuns.Build(year: 2024, computedAt: TestRuns.Noon2024 + Duration.FromDays(1)));
        var earlier = await Store.PublishAsync(TestRuns.Build(year: 2023));

        Assert.Equal(later, await Store.GetLatestRunAsync(TestRuns.FrameworkId));
        Assert.Equal([later, earlier], await Store.ListRunsAsync(TestRuns.FrameworkId));
        Assert.Equal(earlier, await Store.GetRunAsync(TestRuns.FrameworkId, earlier.RunId));
    }

    [Fact]
    public async Task Concurrent_publishers_leave_the_latest_computed_run_as_latest()
    {
        var runs = Enumerable.Range(0, 6).Select(i => TestRuns.Build(payShift: i, computedAt: TestRuns.Noon2024 + Duration.FromHours(i))).ToList();

        var published = await Task.WhenAll(runs.AsEnumerable().Reverse().Select(r => Task.Run(() => Store.PublishAsync(r))));

        var newest = published.Single(p => p.ComputedAt == TestRuns.Noon2024 + Duration.FromHours(5));
        Assert.Equal(newest, await Store.GetLatestRunAsync(TestRuns.FrameworkId));
        Assert.Equal(6, (await Store.ListRunsAsync(TestRuns.FrameworkId)).Count);
    }

    [Fact]
    public async Task A_publish_dying_midway_leaves_readers_on_the_previous_run_and_can_be_rerun()
    {
        var previous = await Store.PublishAsync(TestRuns.Build(year: 2023));
        var previousScores = Describe(await Store.GetAreaScoresAsync(TestRuns.FrameworkId, previous.RunId));
        var next = TestRuns.Build(year: 2024, computedAt: TestRuns.Noon2024 + Duration.FromDays(1), payShift: 5);

        FailAtBatch = 1;
        await Assert.ThrowsAsync<IOException>(() => Store.PublishAsync(next));

        Assert.Equal(previous, await Store.GetLatestRunAsync(TestRuns.FrameworkId));
        Assert.Equal([previous], await Store.ListRunsAsync(TestRuns.FrameworkId));
        Assert.Equal(previousScores, Describe(await Store.GetAreaScoresAsync(TestRuns.FrameworkId, previous.RunId)));
        var unfinished = PublicationOf(next);
        Assert.Null(await Store.GetRunAsync(TestRuns.FrameworkId, unfinished));
        Assert.Empty(await Store.GetAreaScoresAsync(TestRuns.FrameworkId, unfinished));
        Assert.Empty(await Store.GetIndicatorValuesAsync(TestRuns.FrameworkId, unfinished));

        FailAtBatch = -1;
        Clock.Advance(Duration.FromMinutes(1));
        var rerun = await Store.PublishAsync(next);
        var again = await Store.PublishAsync(next);

        Assert.Equal(unfinished, rerun.RunId);
        Assert.Equal(rerun, again);
        Assert.Equal(PublishTime + Duration.FromMinutes(1), rerun.PublishedAt);
        Assert.Equal(rerun, await Store.GetLatestRunAsync(TestRuns.FrameworkId));
        Assert.Equal([rerun, previous], await Store.ListRunsAsync(TestRuns.FrameworkId));
        Assert.Equal(4, (await Store.GetAreaScoresAsync(TestRuns.FrameworkId, rerun.RunId)).Count);
        Assert.Equal(12, (await Store.GetIndicatorValuesAsync(TestRuns.FrameworkId, rerun.RunId)).Count);
    }

    [Fact]
    public async Task A_published_series_is_latest_with_its_mode_base_periods_and_hand_computed_scores()
    {
        var published = await Store.PublishSeriesAsync(TestRuns.BuildSeries());

        Assert.Equal(published, await Store.GetLatestSeriesAsync(TestRuns.FrameworkId));
        Assert.Equal("base-period", published.TimeMode);
        Assert.Equal("2022", published.Base);
        Assert.Equal([ReferencePeriod.ForCalendarYear(2022), ReferencePeriod.ForCalendarYear(2023)], published.Periods);
        Assert.Equal(TestRuns.Noon2024, published.ComputedAt);
        Assert.Equal(PublishTime, published.PublishedAt);
        Assert.Equal(4, published.AreaCount);
        Assert.Equal(RunStatus.Complete, published.Status);
        Assert.StartsWith("2022-2023-", published.SeriesId, StringComparison.Ordinal);
        Assert.Null(await Store.GetLatestRunAsync(TestRuns.FrameworkId));

        var rows = await Store.GetSeriesScoresAsync(TestRuns.FrameworkId, published.SeriesId);
        Assert.Equal(8, rows.Count);
        Assert.Equal([2022, 2022, 2022, 2022, 2023, 2023, 2023, 2023], rows.Select(r => r.Period.Start.Year));
        Assert.Equal(TestRuns.Areas.Select(a => a.Code).Concat(TestRuns.Areas.Select(a => a.Code)), rows.Select(r => r.AreaCode));
        Assert.All(rows, r => Assert.Equal(["index", "income", "housing"], r.Scores.Select(s => s.NodeCode)));
        // Base 2022: every indicator's min-max goalposts come from 2022 (pay 10..40, benefits −4..−1, rent −400..−100).
        // 2022 as in the run: index 50, 33.3, 66.7, 50. 2023 pay 20..50 → (x − 10)/30·100 = 33.3, 66.7, 100, 133.3 (no
        // truncation); income = mean(pay, benefits) = (33.3 + 0)/2 = 16.7, (66.7 + 33.3)/2 = 50, 100 (pay only),
        // (133.3 + 100)/2 = 116.7; housing unchanged 100, 33.3, 66.7, 0; index = 58.3, 41.7, 83.3, 58.3.
        double[] index = [50, 100.0 / 3, 200.0 / 3, 50, 175.0 / 3, 125.0 / 3, 250.0 / 3, 175.0 / 3];
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(index[i], rows[i]["index"].Score!.Value, 9);
        }

        Assert.Equal(350.0 / 3, rows[7]["income"].Score!.Value, 9);
        // Ranks stay within the period: 2023 ranks 2, 4, 1, 2.
        Assert.Equal([2, 4, 1, 2], rows.Skip(4).Select(r => r["index"].Rank ?? 0));

        var barnet = await Store.GetSeriesScoresAsync(TestRuns.FrameworkId, published.SeriesId, "E09000003");
        Assert.Equal([2022, 2023], barnet.Select(r => r.Period.Start.Year));
        Assert.Equal(200.0 / 3, barnet[0]["index"].Score!.Value, 9);
        Assert.Equal(250.0 / 3, barnet[1]["index"].Score!.Value, 9);
        Assert.Empty(await Store.GetSeriesScoresAsync(TestRuns.FrameworkId, "2022-2023-0000000000000000"));
    }

    [Fact]
    public async Task Publishing_a_series_twice_is_idempotent_and_an_earlier_one_never_replaces_a_later()
    {
        var later = await Store.PublishSeriesAsync(TestRuns.BuildSeries(TestRuns.Noon2024 + Duration.FromDays(1), payRise: 5));
        Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(later, await Store.PublishSeriesAsync(TestRuns.BuildSeries(TestRuns.Noon2024 + Duration.FromDays(2), payRise: 5)));
        var earlier = await Store.PublishSeriesAsync(TestRuns.BuildSeries());

        Assert.NotEqual(later.SeriesId, earlier.SeriesId);
        Assert.Equal(later, await Store.GetLatestSeriesAsync(TestRuns.FrameworkId));
        Assert.Equal(8, (await Store.GetSeriesScoresAsync(TestRuns.FrameworkId, earlier.SeriesId)).Count);
        Assert.Equal(8, (await Store.GetSeriesScoresAsync(TestRuns.FrameworkId, later.SeriesId)).Count);
    }

    [Fact]
    public async Task A_series_publish_dying_midway_leaves_readers_on_the_previous_series_and_can_be_rerun()
    {
        var previous = await Store.PublishSeriesAsync(TestRuns.BuildSeries());
        var next = TestRuns.BuildSeries(TestRuns.Noon2024 + Duration.FromDays(1), payRise: 20);

        FailAtBatch = 0;
        await Assert.ThrowsAsync<IOException>(() => Store.PublishSeriesAsync(next));

        Assert.Equal(previous, await Store.GetLatestSeriesAsync(TestRuns.FrameworkId));
        var unfinished = SeriesPublication.From(next).SeriesId;
        Assert.Empty(await Store.GetSeriesScoresAsync(TestRuns.FrameworkId, unfinished));

        FailAtBatch = -1;
        var rerun = await Store.PublishSeriesAsync(next);
        Assert.Equal(unfinished, rerun.SeriesId);
        Assert.Equal(rerun, await Store.GetLatestSeriesAsync(TestRuns.FrameworkId));
        Assert.Equal(8, (await Store.GetSeriesScoresAsync(TestRuns.FrameworkId, rerun.SeriesId)).Count);
    }

    [Fact]
    public async Task Large_runs_round_trip_in_order()
    {
        // 2,500 areas: three partitions of at most 1,000 areas per table, 25 transactions of 100 per indicator.
        var run = TestRuns.Synthetic(2500, TestRuns.Noon2024);
        var published = await Store.PublishAsync(run);

        var scores = await Store.GetAreaScoresAsync(TestRuns.FrameworkId, published.RunId);
        var values = await Store.GetIndicatorValuesAsync(TestRuns.FrameworkId, published.RunId);

        Assert.Equal(run.Result.AreaCodes, scores.Select(s => s.AreaCode));
        Assert.Equal(run.Result.Index.Ranks.ToArray(), scores.Select(s => s["index"].Rank ?? 0));
        Assert.Equal(7500, values.Count);
        Assert.Equal(run.Values["rent"].Select(v => v.Value), values.Where(v => v.IndicatorCode == "rent").Select(v => v.RawValue));
        Assert.Equal(run.Values["pay"].Select(v => v.AreaCode), values.Take(2500).Select(v => v.AreaCode));
    }

    [Fact]
    public async Task Unknown_frameworks_and_runs_read_as_absent()
    {
        Assert.Null(await Store.GetLatestRunAsync("nothing-published"));
        Assert.Null(await Store.GetRunAsync(TestRuns.FrameworkId, "2023-0000000000000000"));
        Assert.Empty(await Store.ListRunsAsync("nothing-published"));
        Assert.Empty(await Store.GetAreaScoresAsync(TestRuns.FrameworkId, "2023-0000000000000000"));
        Assert.Empty(await Store.GetIndicatorValuesAsync(TestRuns.FrameworkId, "2023-0000000000000000"));
    }

    [Fact]
    public async Task A_key_with_a_forbidden_character_is_rejected_before_anything_is_written()
    {
        var run = TestRuns.Build();
        var bad = run with { Framework = run.Framework with { Id = "test/index" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.PublishAsync(bad));

        Assert.Contains("framework id 'test/index'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ListRunsAsync("test/index"));
    }

    private ValueTask BeforeBatch(int batch, CancellationToken cancellationToken) =>
        _failAtBatch >= 0 && batch >= _failAtBatch
            ? throw new IOException($"Injected failure before batch {batch}.")
            : ValueTask.CompletedTask;

    private static string PublicationOf(WellbeingIndex.Providers.FrameworkRun run) => RunPublication.From(run).RunId;

    private static List<string> Describe(IEnumerable<AreaScoreRow> rows) =>
        rows.Select(r => $"{r.RunId} {r.Period} {r.AreaCode} {r.AreaName} " + string.Join(" ", r.Scores.Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.NodeCode}:{s.Score:R}/{s.Rank}/{s.Decile}/{s.Quintile}/{s.Coverage:R}")))).ToList();

    private static List<string> Describe(IEnumerable<IndicatorValueRow> rows) => rows.Select(r => r.ToString()).ToList();
}
