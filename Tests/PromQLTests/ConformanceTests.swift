import Foundation
import PromQL
import Testing

/// Prometheus' own PromQL test files (see /work/shared/conformance/README.md), run through `TestRunner`.
@Suite(.serialized) struct ConformanceTests {
    /// `promql/` of the conformance data: SWITCHBOARD_CONFORMANCE_DIR, else `shared/conformance` beside the worktree.
    static let directory: URL? = {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let configured = ProcessInfo.processInfo.environment["SWITCHBOARD_CONFORMANCE_DIR"] {
            candidates.append(URL(fileURLWithPath: configured))
        }
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../../shared/conformance"
            )
            .standardizedFileURL)
        for candidate in candidates {
            for folder in [candidate.appendingPathComponent("promql"), candidate]
            where fileManager.fileExists(atPath: folder.appendingPathComponent("core").path) {
                return folder
            }
        }
        return nil
    }()

    /// The extended tier's evals that must pass; raise it as more pass.
    static let extendedFloor = 701

    static let skipMessage: Comment =
        "Prometheus conformance files not found: set SWITCHBOARD_CONFORMANCE_DIR to the conformance folder"

    /// Runs every `.test` file of a tier and prints passed/failed per file.
    static func run(tier: String) throws -> (passed: Int, failed: Int) {
        let folder = directory!.appendingPathComponent(tier)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".test") }
            .sorted()
        var passed = 0
        var failed = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let report = TestRunner().run(TestScript(text))
            passed += report.passed
            failed += report.failed
            print("\(tier)/\(file): \(report.passed) passed, \(report.failed) failed")
            for failure in report.failures.prefix(
                ProcessInfo.processInfo.environment["PROMQL_SHOW_FAILURES"] == nil ? 3 : 1000)
            {
                print("    \(failure)")
            }
        }
        print("\(tier): \(passed) passed, \(failed) failed of \(passed + failed) evals")
        return (passed, failed)
    }

    @Test(.enabled(if: directory != nil, skipMessage))
    func coreTierPassesCompletely() throws {
        let result = try Self.run(tier: "core")
        #expect(result.failed == 0)
        #expect(result.passed == 555)
    }

    @Test(.enabled(if: directory != nil, skipMessage))
    func extendedTierPassesAtLeastTheFloor() throws {
        let result = try Self.run(tier: "extended")
        #expect(result.passed + result.failed == 701)
        #expect(result.passed >= Self.extendedFloor)
    }
}
