using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WellbeingIndex.Tests.Telemetry;

/// <summary>
/// Records what the <c>WellbeingIndex</c> activity source and meter emit inside one test: the recorder starts a root
/// activity, and keeps only activities of its trace and measurements made while it (or a child) is current, so tests
/// running in parallel do not see each other's telemetry.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private const string Name = "WellbeingIndex";

    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly Activity? _root;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == Name && _root is { } root && activity.TraceId == root.TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _root = new Activity("WellbeingIndex.Tests").SetIdFormat(ActivityIdFormat.W3C).Start();
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>The activities of this test's trace that have stopped, in stopping order.</summary>
    public IReadOnlyList<Activity> Activities(string operationName) => _stopped.Where(a => a.OperationName == operationName).ToList();

    /// <summary>The measurements of <paramref name="instrument"/> made in this test's trace.</summary>
    public IReadOnlyList<Measurement> Measurements(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose()
    {
        _root?.Dispose();
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_root is { } root && Activity.Current?.TraceId == root.TraceId)
        {
            _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
    }

    /// <summary>One recorded measurement.</summary>
    internal sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);
}
