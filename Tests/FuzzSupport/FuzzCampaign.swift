import Foundation
import Synchronization

/// How one input ended.
public enum FuzzVerdict: Sendable {
    /// The parser returned a value.
    case value
    /// The parser refused the input with this message; an empty message is a failure.
    case error(String)
    /// The parser misbehaved without crashing (an error that names no place, say).
    case wrong(String)
}

/// A seeded, input-bounded mutation fuzz run of one parser.
///
/// Replays the regression fixtures, then the corpus, then `iterations` mutated inputs, each on a
/// worker thread with a 4 MiB stack (half of what Linux gives the threads the parsers run on, for
/// the debug build's larger frames: unbounded recursion still overflows it) under a watchdog: an input that runs longer than
/// `watchdog` is reported as a hang. The budget is a count of inputs, never a time, so the run is
/// the same on a fast machine and a slow one.
///
/// `SWITCHBOARD_FUZZ_ITERATIONS` raises the count, `SWITCHBOARD_FUZZ_SEED` (decimal or 0x…) picks
/// another seed, and `SWITCHBOARD_FUZZ_RECORD` names a folder where each input is written before
/// it runs (as `<name>.current`, removed when the run ends), so that `scripts/fuzz.sh` can keep
/// the input that crashed the process.
///
/// ```swift
/// let report = await FuzzCampaign(name: "cron", corpus: ["*/5 * * * *"], dictionary: ["*", "/"], iterations: 5_000)
///     .run { bytes in ... }
/// ```
public struct FuzzCampaign: Sendable {
    public let name: String
    public let corpus: [[UInt8]]
    public let fixtures: [FuzzFixture]
    public let mutator: FuzzMutator
    public let iterations: Int
    public let seed: UInt64
    public let watchdog: Duration

    /// `fixtures` is a folder of regression inputs (any file in it), replayed first.
    public init(
        name: String, corpus: [String], dictionary: [String], iterations: Int, fixtures: String? = nil,
        watchdog: Duration = .seconds(10), environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.name = name
        self.corpus = corpus.map { Array($0.utf8) }
        self.fixtures = fixtures.map(FuzzFixture.all(in:)) ?? []
        mutator = FuzzMutator(corpus: self.corpus, dictionary: dictionary.map { Array($0.utf8) })
        self.iterations = environment["SWITCHBOARD_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? iterations
        let chosen = environment["SWITCHBOARD_FUZZ_SEED"].flatMap(Self.number) ?? 0x5357_4254_4F41_5244
        seed = chosen ^ FuzzFixture.hash(Array(name.utf8))
        self.watchdog = watchdog
        record = environment["SWITCHBOARD_FUZZ_RECORD"].map { "\($0)/\(name).current" }
        seedText = "SWITCHBOARD_FUZZ_SEED=\(chosen)"
    }

    let record: String?
    let seedText: String

    private static func number(_ text: String) -> UInt64? {
        text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    }

    /// Runs every input through `target`; returns when all have run or one has hung.
    public func run(_ target: @escaping @Sendable ([UInt8]) -> FuzzVerdict) async -> FuzzReport {
        // One campaign at a time in the test process: a campaign keeps a core busy, and the suite's other
        // tests wait on real timeouts (a TLS handshake, a child process) that starve behind several.
        await FuzzTurns.shared.take()
        let report = await runAlone(target)
        await FuzzTurns.shared.give()
        return report
    }

    private func runAlone(_ target: @escaping @Sendable ([UInt8]) -> FuzzVerdict) async -> FuzzReport {
        let state = FuzzWorker(FuzzWorkerState(report: FuzzReport(name: name, seed: seedText)))
        let thread = Thread { [self] in work(target, state) }
        thread.stackSize = 4 << 20
        thread.start()
        while true {
            try? await Task.sleep(for: .milliseconds(20))
            let hung = state.mutex.withLock { state -> FuzzReport? in
                if state.finished { return state.report }
                guard let started = state.startedAt, started.duration(to: .now) > watchdog else { return nil }
                state.abandoned = true
                var report = state.report
                report.failures.append(
                    FuzzFailure(problem: "still running after \(watchdog) (a hang)", input: state.input, name: name))
                return report
            }
            if let hung { return hung }
        }
    }

    private func work(_ target: @Sendable ([UInt8]) -> FuzzVerdict, _ state: FuzzWorker) {
        var random = FuzzRandom(seed: seed)
        var pool = corpus
        let total = fixtures.count + corpus.count + iterations
        for index in 0..<total {
            let input: [UInt8]
            if index < fixtures.count {
                input = fixtures[index].bytes
            } else if index < fixtures.count + corpus.count {
                input = corpus[index - fixtures.count]
            } else {
                input = mutator.mutate(random.element(of: pool), random: &random)
            }
            let go = state.mutex.withLock { state in
                state.input = input
                state.startedAt = .now
                return !state.abandoned
            }
            guard go else { return }
            if let record { _ = FileManager.default.createFile(atPath: record, contents: Data(input)) }
            let verdict = target(input)
            state.mutex.withLock { state in
                state.startedAt = nil
                state.report.count(verdict, input: input, name: name)
            }
            // Inputs that parse are mutated further, so the run reaches past the first checks.
            if case .value = verdict, index >= fixtures.count + corpus.count, input.count < 16 * 1024 {
                if pool.count < corpus.count + 256 {
                    pool.append(input)
                } else {
                    pool[corpus.count + random.below(256)] = input
                }
            }
        }
        if let record { try? FileManager.default.removeItem(atPath: record) }
        state.mutex.withLock { $0.finished = true }
    }
}

/// Lets one campaign run at a time, the others waiting in the order they asked.
actor FuzzTurns {
    static let shared = FuzzTurns()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func take() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// What the worker thread and the watchdog share.
final class FuzzWorker: Sendable {
    let mutex: Mutex<FuzzWorkerState>

    init(_ state: FuzzWorkerState) {
        mutex = Mutex(state)
    }
}

struct FuzzWorkerState: Sendable {
    var report: FuzzReport
    var input: [UInt8] = []
    var startedAt: ContinuousClock.Instant?
    var abandoned = false
    var finished = false
}

/// What a run tried and what went wrong.
public struct FuzzReport: Sendable {
    public let name: String
    public let seed: String
    public var tried = 0
    public var values = 0
    public var errors = 0
    public var failures: [FuzzFailure] = []

    init(name: String, seed: String) {
        self.name = name
        self.seed = seed
    }

    mutating func count(_ verdict: FuzzVerdict, input: [UInt8], name: String) {
        tried += 1
        switch verdict {
        case .value:
            values += 1
        case .error(let message) where message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            errors += 1
            record(FuzzFailure(problem: "an error with an empty message", input: input, name: name))
        case .error:
            errors += 1
        case .wrong(let problem):
            record(FuzzFailure(problem: problem, input: input, name: name))
        }
    }

    private mutating func record(_ failure: FuzzFailure) {
        if failures.count < 5 { failures.append(failure) }
    }

    /// `fuzz promql: 20000 inputs (12 fixtures, 478 corpus), 3120 values, 16880 errors, seed …`.
    public var summary: String {
        "fuzz \(name): \(tried) inputs, \(values) values, \(errors) errors, \(failures.count) failures (\(seed))"
    }

    /// The failures, each with its input, for an expectation's message.
    public var failureDescription: String {
        ([summary] + failures.map(\.description)).joined(separator: "\n")
    }
}

/// One input that misbehaved, saved to a temporary file so it can become a regression fixture.
public struct FuzzFailure: Sendable, CustomStringConvertible {
    public var problem: String
    public var input: [UInt8]
    public var savedAt: String?

    init(problem: String, input: [UInt8], name: String) {
        self.problem = problem
        self.input = input
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-fuzz/\(name)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(FuzzFixture.fileName(input))
        savedAt = FileManager.default.createFile(atPath: file.path, contents: Data(input)) ? file.path : nil
    }

    public var description: String {
        let text = String(decoding: input.prefix(2_000), as: UTF8.self).debugDescription
        return "\(problem) on \(input.count) bytes (saved at \(savedAt ?? "nowhere")): \(text)"
    }
}

/// A regression input kept in the repository: a file of raw bytes named by its hash.
public struct FuzzFixture: Sendable {
    public var name: String
    public var bytes: [UInt8]

    /// Every file of `folder`, by name; none when it does not exist.
    public static func all(in folder: String) -> [FuzzFixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { FuzzFixture(name: name, bytes: Array($0)) }
        }
    }

    /// FNV-1a, 64 bits: stable across runs and platforms, unlike `Hasher`.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// `3fa9c01b22d4.txt`: the first 12 hex digits of the hash.
    public static func fileName(_ bytes: [UInt8]) -> String {
        String(String(hash(bytes), radix: 16).suffix(12)) + ".txt"
    }
}

/// Files of the repository the corpus is taken from.
public enum FuzzRepository {
    /// The repository's root, found from a test file's `#filePath` (`…/Tests/<Target>/…`).
    public static func root(from filePath: String) -> String {
        let parts = filePath.components(separatedBy: "/Tests/")
        return parts.count > 1 ? parts.dropLast().joined(separator: "/Tests/") : "."
    }

    /// The text of a file under the root; empty when it cannot be read, so a missing seed never stops the run.
    public static func text(_ path: String, from filePath: String) -> String {
        (try? String(contentsOfFile: root(from: filePath) + "/" + path, encoding: .utf8)) ?? ""
    }

    /// The folder of a test file (`#filePath`) joined with `path`.
    public static func beside(_ filePath: String, _ path: String) -> String {
        (filePath as NSString).deletingLastPathComponent + "/" + path
    }
}
