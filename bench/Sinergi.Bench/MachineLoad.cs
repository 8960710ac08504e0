using System.Globalization;

namespace Sinergi.Bench;

/// <summary>
/// How much of the machine other processes took while a scenario ran (Linux /proc). The app and
/// this driver share the machine's cores, so a build or a test run next to them skews the figures.
/// </summary>
internal sealed class MachineLoad(int? serverPid)
{
    /// <summary>Above this share of the machine taken by others, a measurement is repeated.</summary>
    public const double TolerablePercent = 5;

    public readonly record struct Sample(long Busy, long Total, long Ours);

    public bool Known => serverPid is not null && File.Exists("/proc/stat");

    public Sample Take()
    {
        if (!Known)
            return default;
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Sum();
        return new Sample(total - cpu[3] - cpu[4], total, Ticks(Environment.ProcessId) + Ticks(serverPid!.Value));
    }

    /// <summary>Waits until other processes have taken no more than <see cref="TolerablePercent"/> for two seconds, or gives up.</summary>
    public async Task WaitUntilQuietAsync(TimeSpan atMost)
    {
        if (!Known)
            return;
        var giveUpAt = DateTime.UtcNow + atMost;
        while (DateTime.UtcNow < giveUpAt)
        {
            var before = Take();
            await Task.Delay(TimeSpan.FromSeconds(2));
            if (OthersPercent(before, Take()) <= TolerablePercent)
                return;
        }
    }

    /// <summary>Percent of all cores used by processes other than the app and the driver between two samples.</summary>
    public static double OthersPercent(Sample from, Sample to) =>
        to.Total == from.Total ? 0 : Math.Max(0, 100.0 * (to.Busy - from.Busy - (to.Ours - from.Ours)) / (to.Total - from.Total));

    /// <summary>User and system time of a process: fields 14 and 15 of /proc/pid/stat, counted after the command name.</summary>
    private static long Ticks(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
            return 0;
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
