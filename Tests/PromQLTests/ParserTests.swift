import PromQL
import Testing

@Suite struct ParserTests {
    func scalar(_ query: String) throws -> Double {
        let source = MemorySeriesSource()
        guard case .scalar(let value) = try Evaluator(source: source).evaluateInstant(try PromQL.parse(query), at: 0)
        else {
            Issue.record("\(query) is not a scalar")
            return .nan
        }
        return value
    }

    @Test func powerIsRightAssociativeAndBindsTighterThanUnaryMinus() throws {
        #expect(try scalar("2 ^ 3 ^ 2") == 512)
        #expect(try scalar("-2 ^ 2") == -4)
        #expect(try scalar("1 + 2 * 3 - 4 / 2") == 5)
        #expect(try scalar("2 * -1 + 3") == 1)
    }

    @Test func selectorKeepsNameMatchersAndOffset() throws {
        let expression = try PromQL.parse(#"probe_success{job="api", code=~"5..", env!="dev"} offset 5m"#)
        guard case .vectorSelector(let selector) = expression.kind else {
            Issue.record("not a selector: \(expression)")
            return
        }
        #expect(selector.name == "probe_success")
        #expect(selector.offset == 300_000)
        #expect(
            selector.matchers.map(\.description) == [
                #"__name__="probe_success""#, #"job="api""#, #"code=~"5..""#, #"env!="dev""#,
            ])
    }

    @Test func compoundDurationsAddUp() throws {
        let expression = try PromQL.parse("rate(x[1h30m])")
        guard case .call(let call) = expression.kind, case .matrixSelector(_, let range) = call.arguments[0].kind else {
            Issue.record("not a call over a range: \(expression)")
            return
        }
        #expect(range == 5_400_000)
    }

    @Test func aggregationTakesGroupingBeforeOrAfterItsArguments() throws {
        let before = try PromQL.parse("sum by (job) (x)")
        let after = try PromQL.parse("SUM(x) BY (job)")
        #expect(before.description == "sum by (job) (x)")
        #expect(after.description == before.description)
    }

    @Test func printedQueriesParseBackToTheSameTree() throws {
        let queries = [
            #"histogram_quantile(0.95, sum by (le, interface) (rate(b[5m]))) > 1"#,
            #"a / on(job) group_left(team) b offset 1m"#,
            #"max_over_time(rate(x[1m])[10m:30s] offset -2m)"#,
            #"topk(3, x unless ignoring(instance) y)"#,
        ]
        for query in queries {
            let expression = try PromQL.parse(query)
            #expect(try PromQL.parse(expression.description) == expression)
        }
    }

    func parseError(_ query: String) -> PromQLError? {
        do {
            _ = try PromQL.parse(query)
            return nil
        } catch {
            return error
        }
    }

    @Test func unclosedCallIsReportedAsTheMissingParenthesisWhereItOpens() throws {
        for query in ["rate(foo[5m]", "rate(foo[5m] > 0", "sum(rate(foo[5m]) > 0", "rate(foo[5m]) > 0 and (bar"] {
            let error = try #require(parseError(query), "\(query)")
            #expect(error.kind == .syntax, "\(query)")
            #expect(error.message == "unclosed left parenthesis", "\(query)")
        }
        #expect(parseError("rate(foo[5m] > 0")?.position == SourcePosition(line: 1, column: 5))
        #expect(parseError("sum(rate(foo[5m]) > 0")?.position == SourcePosition(line: 1, column: 4))
    }

    @Test func aStrayClosingParenthesisIsReportedWhereItStands() throws {
        let error = try #require(parseError("rate(foo[5m])) > 0"))
        #expect(error.kind == .syntax)
        #expect(error.position == SourcePosition(line: 1, column: 14))
    }

    @Test func errorsOnLaterLinesCountLinesAndColumns() throws {
        let error = try #require(parseError("sum(\n  rate(x[5m])\n  ) by (job) +\n  foo{bar=1}"))
        #expect(error.position == SourcePosition(line: 4, column: 11))
        #expect(error.message.contains("quoted label value"))
    }

    @Test func typeErrorsPointAtTheOffendingArgument() throws {
        let error = try #require(parseError("abs(x) + rate(foo)"))
        #expect(error.kind == .type)
        #expect(error.position == SourcePosition(line: 1, column: 15))
        #expect(error.message == #"expected type range vector in call to function "rate", got instant vector"#)
    }

    @Test func badQueriesAreRefusedWithReasons() {
        let cases: [(String, String)] = [
            ("1 > 2", "comparisons between scalars must use BOOL modifier"),
            (#"{job=""}"#, "vector selector must contain at least one non-empty matcher"),
            ("foo and 1", "set operator \"and\" not allowed in binary scalar expression"),
            ("nosuch(foo)", "unknown function with name \"nosuch\""),
            ("(foo)[5m]", "ranges only allowed for vector selectors"),
            (#"foo{a=~"("}"#, "invalid regular expression"),
            ("foo @ 100", "the @ modifier is not supported"),
            ("", "no expression found in input"),
            ("foo[5m:1m][1m:]", "subquery is only allowed on instant vector, got range vector"),
            ("topk(x)", "wrong number of arguments for aggregate expression provided, expected 2, got 1"),
        ]
        for (query, message) in cases {
            let error = parseError(query)
            #expect(error?.message.contains(message) == true, "\(query): \(String(describing: error))")
        }
    }
}
