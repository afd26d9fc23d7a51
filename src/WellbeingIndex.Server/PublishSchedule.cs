using Cronos;
using NodaTime;
using NodaTime.TimeZones;

namespace WellbeingIndex.Server;

/// <summary>
/// The publish schedule: a six-field NCRONTAB expression (seconds first, as in the function app's timer trigger) read as wall-clock time in
/// a NodaTime zone (Europe/London). Cronos matches wall-clock fields; NodaTime maps them to instants, so a time that the
/// spring change skips runs straight after the gap and a time the autumn change repeats runs once, at its first
/// occurrence.
/// </summary>
public sealed class PublishSchedule
{
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private readonly CronExpression _cron;

    public PublishSchedule(string expression, DateTimeZone zone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        ArgumentNullException.ThrowIfNull(zone);
        try
        {
            _cron = CronExpression.Parse(expression.Trim(), CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            throw new FormatException(
                $"'{expression}' is not a six-field NCRONTAB schedule (second minute hour day month day-of-week, e.g. \"0 0 6 * * *\"): {e.Message}", e);
        }

        Expression = expression.Trim();
        Zone = zone;
    }

    public string Expression { get; }

    public DateTimeZone Zone { get; }

    /// <summary>The first occurrence strictly after <paramref name="now"/>; null when the expression never fires again.</summary>
    public Instant? NextAfter(Instant now)
    {
        var wall = now.InZone(Zone).LocalDateTime;
        while (true)
        {
            // Cronos only sees wall-clock fields here: the "UTC" DateTime stands for a London local time.
            var next = _cron.GetNextOccurrence(DateTime.SpecifyKind(wall.ToDateTimeUnspecified(), DateTimeKind.Utc));
            if (next is null)
            {
                return null;
            }

            var local = LocalDateTime.FromDateTime(next.Value);
            var instant = Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
            // In a repeated hour the lenient resolver gives the first occurrence; once that is past the time was served.
            if (instant > now)
            {
                return instant;
            }

            wall = local;
        }
    }
}
