import FuzzSupport
import Testing

@testable import Monitor

/// Mutated alert templates end in a template or a `TemplateError` with a message; what parses
/// renders to text or such an error, never a crash or a hang.
@Suite struct TemplateFuzzTests {
    static let dictionary = [
        "{{", "}}", "{{-", "-}}", "{{ ", " }}", "{{/*", "*/}}", "{{ if ", "{{ else }}", "{{ else if ", "{{ end }}",
        "{{ range . }}", "{{ with ", "{{ define \"a\" }}", "$labels", "$value", "$externalLabels", ".Labels",
        ".Value", ".ExternalURL", "$x := ", "$", ".", "|", " | ", "(", ")", "\"", "`", "\\", "\\n", "\\q", "nil",
        "true",
        "printf", "printf \"%", "%d", "%x", "%s", "%v", "%q", "%f", "%e", "%g", "%99999999999d", "%-10s", "%.3s",
        "%+#08.3f", "%.1000000000f", "humanize", "humanize1024", "humanizeDuration", "humanizePercentage",
        "humanizeTimestamp", "eq", "ne", "lt", "gt", "and", "or", "not", "toUpper", "title", "len", "reReplaceAll",
        "match", "stripPort", "1e308", "-1e308", "1e19", "-9.3e18", "NaN", "0.000001", "[", "]",
        String(repeating: "(", count: 500), String(repeating: "{{ if 1 }}", count: 500),
        String(repeating: "{{ end }}", count: 500),
    ]

    static var corpus: [String] {
        let builtin = FuzzRepository.text("rules/builtin.yml", from: #filePath).split(separator: "\n")
            .compactMap { line -> String? in
                guard line.contains("{{"), let quote = line.firstIndex(of: "\"") else { return nil }
                return String(line[line.index(after: quote)...].dropLast())
            }
        return RulesTemplateTests.cases.map(\.template) + builtin
    }

    @Test func mutatedTemplatesEndInTextOrAnError() async {
        let corpus = Self.corpus
        let campaign = FuzzCampaign(
            name: "template", corpus: corpus, dictionary: Self.dictionary, iterations: 1_500,
            fixtures: FuzzRepository.beside(#filePath, "../Fixtures/fuzz/template"))
        let report = await campaign.run { bytes in
            do throws(TemplateError) {
                _ = try Template.parse(String(decoding: bytes, as: UTF8.self)).render(RulesTemplateTests.data)
                return .value
            } catch {
                return .error(error.message)
            }
        }
        print(report.summary)
        #expect(corpus.count > RulesTemplateTests.cases.count, "rules/builtin.yml was not found")
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }

    @Test func inputsThatOnceTrappedNowGiveAnswers() throws {
        func render(_ text: String) throws -> String { try Template.parse(text).render(RulesTemplateTests.data) }
        #expect(try render("{{ printf \"%x\" 1e300 }}") == "0")
        #expect(try render("{{ humanizeDuration 1e300 }}") == "1.157e+295d")
        #expect(try render("{{ printf \"%999999999d|\" 1 }}").hasPrefix("%!(NOVERB)"))
        let parentheses =
            "{{ " + String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000) + " }}"
        #expect(throws: TemplateError.self) { try Template.parse(parentheses) }
        let conditionals = String(repeating: "{{ if 1 }}", count: 3_000) + String(repeating: "{{ end }}", count: 3_000)
        #expect(throws: TemplateError.self) { try Template.parse(conditionals) }
        let nested = String(repeating: "{{ if 1 }}", count: 100) + "x" + String(repeating: "{{ end }}", count: 100)
        #expect(try render(nested) == "x")
    }
}
