import PromQL
import Testing

/// Hostile queries end in a `PromQLError`, never a crash or a hang.
@Suite struct RobustnessTests {
    func failure(_ query: String) -> PromQLError? {
        do {
            let expression = try PromQL.parse(query)
            _ = try Evaluator(source: MemorySeriesSource()).evaluateInstant(expression, at: 1_000_000)
            return nil
        } catch {
            return error
        }
    }

    @Test func deepNestingIsRefused() {
        let parentheses = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(failure(parentheses)?.message.contains("nested more than") == true)
        let chain = Array(repeating: "x", count: 5_000).joined(separator: " + ")
        #expect(failure(chain)?.message.contains("nested more than") == true)
        let negations = String(repeating: "-", count: 5_000) + "x"
        #expect(failure(negations) != nil)
    }

    @Test func hugeDurationsAreRefusedNotOverflowed() {
        #expect(failure("rate(x[99999999999999999999y])")?.message.contains("duration out of range") == true)
        #expect(failure("x offset 9223372036854775807ms")?.message.contains("duration out of range") == true)
    }

    @Test func subqueriesThatWouldRunForeverAreRefused() {
        #expect(failure("max_over_time(x[10000y:1ms])")?.message.contains("evaluation steps") == true)
    }

    @Test func oddValuesGiveValuesNotTraps() {
        let queries = [
            "topk(1e300, vector(1))", "topk(-1e300, vector(1))", "year(vector(1e300))", "round(vector(1), 0)",
            "quantile(NaN, vector(1))", "histogram_quantile(0.5, vector(1))", "vector(1) % 0", "clamp(vector(1), 2, 1)",
        ]
        for query in queries {
            #expect(failure(query) == nil, "\(query)")
        }
    }

    @Test func rangeQueriesWithTooManyPointsAreRefused() throws {
        let evaluator = Evaluator(source: MemorySeriesSource())
        #expect(throws: PromQLError.self) {
            try evaluator.evaluateRange(try PromQL.parse("1"), start: 0, end: 1_000_000_000, step: 1)
        }
    }
}
