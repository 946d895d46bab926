using System.Globalization;

namespace TicketRush.Bench.Load;

/// <summary>
/// Where the machine's CPU went during one measured window, in cores (1.0 = one core busy the whole window), read from
/// <c>/proc</c>: each of our processes (this bench, the load tools it ran, and everything the AppHost started, grouped by
/// process name) and <see cref="Others"/>, the rest of the machine (other users' builds and tests on a shared box).
/// </summary>
/// <remarks>
/// A load generator on the same cores takes what it measures away from the servers, and another user's build takes it
/// from both: two runs of the same code differ by as much as the CPU the window lost to others. Reading it next to
/// every ceiling and scenario tells a slow window from a slow path.
/// </remarks>
internal sealed record CpuUse(TimeSpan Window, double Busy, double Cores, IReadOnlyDictionary<string, double> Ours)
{
    /// <summary>This bench's own process: our .NET load generator (and the AppHost host code, idle while measuring).</summary>
    public const string BenchClient = "bench (.NET client)";

    /// <summary>Native load tools the bench ran and has reaped (wrk, mariadb-slap, redis-benchmark).</summary>
    public const string NativeTools = "native tools";

    // USER_HZ, the unit of /proc's CPU times: 100 on every Linux the bench runs on.
    private const double TicksPerSecond = 100;

    /// <summary>The API servers' process name as /proc shows it (15 characters at most).</summary>
    public const string Servers = "TicketRush.Api";

    /// <summary>
    /// CPU time both servers spent per request, in microseconds: what a request costs, whatever share of the machine
    /// was left to serve it. On a shared box rates follow what other users leave; this follows our code.
    /// </summary>
    public double? ServerMicrosecondsPer(int requests) =>
        requests > 0 && Ours.TryGetValue(Servers, out var cores) ? cores * Window.TotalSeconds * 1e6 / requests : null;

    /// <summary>Busy cores that none of our processes used.</summary>
    public double Others => Math.Max(0, Busy - Ours.Values.Sum());

    /// <summary>Cores nobody used.</summary>
    public double Idle => Math.Max(0, Cores - Busy);

    /// <summary>One line: every group at or above 0.05 cores, then the others and the idle share.</summary>
    public string Summary() =>
        string.Join(", ", Ours.Where(o => o.Value >= 0.05).OrderByDescending(o => o.Value).Select(o => Invariant($"{o.Key} {o.Value:F2}"))
            .Append(Invariant($"others {Others:F2}")).Append(Invariant($"idle {Idle:F2}")));

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="window"/> and returns its result with the CPU it cost; null CPU where /proc cannot be read.</summary>
    public static async Task<(T Result, CpuUse? Cpu)> MeasureAsync<T>(Func<Task<T>> window)
    {
        var before = Snapshot.Take();
        var result = await window();
        var after = Snapshot.Take();
        return (result, before is null || after is null ? null : after.Since(before));
    }

    /// <summary>The machine's CPU counters and every process's, at one moment.</summary>
    private sealed record Snapshot(long TakenAt, double BusySeconds, int Cores, IReadOnlyDictionary<int, ProcessTimes> Processes)
    {
        public static Snapshot? Take()
        {
            if (!File.Exists("/proc/stat"))
            {
                return null;
            }

            var total = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already inside user)
            var busy = total[0] + total[1] + total[2] + total[5] + total[6] + (total.Length > 7 ? total[7] : 0);
            var processes = new Dictionary<int, ProcessTimes>();
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid) && ProcessTimes.Read(pid) is { } times)
                {
                    processes[pid] = times;
                }
            }

            return new Snapshot(System.Diagnostics.Stopwatch.GetTimestamp(), busy / TicksPerSecond, Environment.ProcessorCount, processes);
        }

        public CpuUse Since(Snapshot before)
        {
            var window = System.Diagnostics.Stopwatch.GetElapsedTime(before.TakenAt, TakenAt);
            var seconds = Math.Max(window.TotalSeconds, 0.001);
            var self = Environment.ProcessId;
            var ours = new Dictionary<string, double>(StringComparer.Ordinal);
            void Add(string group, double cpuSeconds) => ours[group] = ours.GetValueOrDefault(group) + (cpuSeconds / seconds);

            foreach (var (pid, now) in Processes)
            {
                if (!IsOurs(pid))
                {
                    continue;
                }

                var then = before.Processes.GetValueOrDefault(pid) is { } earlier && earlier.StartTicks == now.StartTicks ? earlier : null;
                Add(pid == self ? BenchClient : now.Name, now.OwnSeconds - (then?.OwnSeconds ?? 0));
                if (pid == self)
                {
                    // wrk, mariadb-slap and redis-benchmark ended inside the window: the kernel added their time to ours when reaped.
                    Add(NativeTools, now.ChildrenSeconds - (then?.ChildrenSeconds ?? 0));
                }
            }

            return new CpuUse(window, (BusySeconds - before.BusySeconds) / seconds, Cores, ours);

            bool IsOurs(int pid)
            {
                for (var hops = 0; pid > 1 && hops < 64; hops++)
                {
                    var process = Processes.GetValueOrDefault(pid);
                    if (pid == self || process?.ServesBench == true)
                    {
                        return true;
                    }

                    pid = process?.ParentId ?? 0;
                }

                return false;
            }
        }
    }

    /// <param name="ServesBench">
    /// Aspire's DCP, which starts every resource, detaches from the AppHost (its parent is init) and is told which
    /// process to serve (<c>--monitor PID</c>): whatever it starts for this bench is ours.
    /// </param>
    private sealed record ProcessTimes(string Name, int ParentId, long StartTicks, double OwnSeconds, double ChildrenSeconds, bool ServesBench)
    {
        public static ProcessTimes? Read(int pid)
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null; // ended while we looked
            }

            // pid (comm) state ppid ...: the name may hold spaces and parentheses, so split after its last ')'.
            var close = stat.LastIndexOf(')');
            var open = stat.IndexOf('(');
            if (open < 0 || close < open)
            {
                return null;
            }

            var fields = stat[(close + 2)..].Split(' ');
            long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture); // fields counted from 1, as in proc(5)
            var name = stat[(open + 1)..close];
            return new ProcessTimes(name, (int)Field(4), Field(22),
                (Field(14) + Field(15)) / TicksPerSecond, (Field(16) + Field(17)) / TicksPerSecond,
                name == "dcp" && MonitorsBench(pid));
        }

        private static bool MonitorsBench(int pid)
        {
            try
            {
                var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
                var monitor = Array.IndexOf(arguments, "--monitor");
                return monitor >= 0 && monitor + 1 < arguments.Length
                    && arguments[monitor + 1] == Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
