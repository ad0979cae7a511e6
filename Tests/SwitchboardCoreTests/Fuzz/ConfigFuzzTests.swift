import FuzzSupport
import Testing

@testable import SwitchboardCore

/// Mutated config files end in a landscape or in errors that each name a file, line and column:
/// never a crash, a hang, or an error nobody can find.
@Suite struct ConfigFuzzTests {
    /// YAML that stresses the loader rather than the config: aliases that expand exponentially
    /// ("billion laughs"), merge keys, deep nesting, tabs, several documents.
    static let hostile = [
        """
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        systems: &s [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        interfaces: [*s, *s, *s, *s, *s, *s, *s, *s, *s]
        """,
        """
        defaults: &d {interval: 30s, timeout: 10s}
        systems:
          - &erp {id: erp, name: ERP, labels: {<<: *d}}
          - {<<: *erp, id: crm}
        interfaces: []
        """,
        String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000),
        "systems:\n\t- id: a\n---\nsystems: []\n",
    ]

    static let dictionary = [
        "&a ", "*a", "<<: ", "<<: *a", "---\n", "...\n", "\t", "\n  ", "\n    - ", ": ", "- ", "[", "]", "{", "}", ",",
        "? ", "| ", ">- ", "!!str ", "!!int ", "!!binary ", "!custom ", "%YAML 1.2\n", "#", "\"", "'", "\\u0000",
        "\\xff", "${", "${CRM_TOKEN}", "${UNSET}", "$$", "~", "null", "true", "yes", ".inf", "-.nan", "0o17", "0x1F",
        "1_000", "15s", "500ms", "1h30m", "9999999999999999y", "0s", "-5s", "id: ", "systems:", "interfaces:",
        "checks:", "jobs:", "alerting:", "http: {url: ", "tcp: {address: ", "schedule: ", "*/0 * * * *",
        "matchers: ['a=~(']", "json: ['$.a[", "xpath: ['//a[", "\u{FEFF}", "é", "\u{0301}", "财务",
        String(repeating: "x", count: 10_000), String(repeating: "- ", count: 500), String(repeating: "[", count: 500),
        String(repeating: "{a: ", count: 300),
    ]

    static var corpus: [String] {
        let readme = FuzzRepository.text("README.md", from: #filePath)
        let yamlBlocks = readme.components(separatedBy: "```yaml\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
        return [FuzzRepository.text("examples/demo.yaml", from: #filePath), ConfigLoaderTests.valid]
            + yamlBlocks + hostile
    }

    @Test func mutatedConfigsEndInALandscapeOrLocatedErrors() async {
        let corpus = Self.corpus
        let campaign = FuzzCampaign(
            name: "config", corpus: corpus, dictionary: Self.dictionary, iterations: 500,
            fixtures: FuzzRepository.beside(#filePath, "../Fixtures/fuzz/config"))
        let report = await campaign.run { bytes in
            Self.load(String(decoding: bytes, as: UTF8.self))
        }
        print(report.summary)
        #expect(corpus[0].count > 1_000, "examples/demo.yaml was not found")
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }

    static func load(_ text: String) -> FuzzVerdict {
        let loader = ConfigLoader(environment: ["CRM_TOKEN": "s3cret", "CRM_URL": "http://127.0.0.1:8081"])
        do throws(ConfigErrors) {
            _ = try loader.load(yaml: text, file: "fuzz.yaml")
            return .value
        } catch {
            return verdict(error)
        }
    }

    /// An error verdict when every error names a place in `fuzz.yaml` and says something.
    static func verdict(_ errors: ConfigErrors) -> FuzzVerdict {
        guard !errors.errors.isEmpty else { return .wrong("ConfigErrors with no error in it") }
        for error in errors.errors {
            guard let location = error.location, location.file == "fuzz.yaml", location.line >= 1, location.column >= 1
            else {
                return .wrong("an error without a file:line:column: \(error)")
            }
            if error.message.isEmpty { return .error("") }
        }
        return .error(errors.description)
    }
}
