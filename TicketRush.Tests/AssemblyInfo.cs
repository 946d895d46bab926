// Collections (the single-database system, the two-primaries system) run one after another: two AppHosts at once on
// a two-core box starve each other's servers and turn rushes into 503s (measured: 161 of a pessimistic rush's answers).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
