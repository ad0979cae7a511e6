import ArgumentParser

/// `switchboard-bench`: measures Switchboard, one subcommand per area, beside the reference tools.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard-bench",
        abstract: "Benchmarks of Switchboard, run beside the tools users know. Build with -c release.",
        subcommands: [
            ProbesBenchmark.self, TargetsCommand.self, QueueBenchmark.self, JobsBenchmark.self, RulesBenchmark.self,
            ConsoleBenchmark.self, HistoryBenchmark.self, CheckpointBenchmark.self, APIBenchmark.self,
            MetricsBenchmark.self, FlowsBenchmark.self, ConditionsBenchmark.self,
        ])

}
