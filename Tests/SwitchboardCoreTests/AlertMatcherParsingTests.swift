import SwitchboardCore
import Testing

/// The one matcher grammar (config, engine, console, CLI): every form it accepts and every form it
/// refuses, with the column and what was expected there.
@Suite struct AlertMatcherParsingTests {
    struct Accepted: Sendable, CustomTestStringConvertible {
        var text: String
        /// The matchers, as `description` writes them.
        var matchers: [String]
        var testDescription: String { text }
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        var text: String
        var column: Int
        var expected: String
        var testDescription: String { text }
    }

    @Test(arguments: [
        Accepted(text: "alertname=Down", matchers: [#"alertname="Down""#]),
        Accepted(text: #"alertname="Down""#, matchers: [#"alertname="Down""#]),
        Accepted(text: #"env!="prod""#, matchers: [#"env!="prod""#]),
        Accepted(text: "job=~api|web", matchers: [#"job=~"api|web""#]),
        Accepted(text: #"instance!~db-\d+"#, matchers: [#"instance!~"db-\\d+""#]),
        Accepted(text: #"job=~"api|web\d""#, matchers: [#"job=~"api|web\\d""#]),
        Accepted(text: "team=", matchers: [#"team="""#]),
        Accepted(text: #"team!="""#, matchers: [#"team!="""#]),
        Accepted(text: #"msg="say \"hi\"""#, matchers: [#"msg="say \"hi\"""#]),
        Accepted(text: #"msg="a\\b\nc""#, matchers: [#"msg="a\\b\nc""#]),
        Accepted(text: #"{alertname="Down"}"#, matchers: [#"alertname="Down""#]),
        Accepted(
            text: #"{alertname="Down", system=~"erp|crm"}"#, matchers: [#"alertname="Down""#, #"system=~"erp|crm""#]),
        Accepted(text: "alertname=Down, system=~erp|crm", matchers: [#"alertname="Down""#, #"system=~"erp|crm""#]),
        Accepted(text: "alertname=Down,system=crm", matchers: [#"alertname="Down""#, #"system="crm""#]),
        Accepted(text: #"{note="a, b", x="}"}"#, matchers: [#"note="a, b""#, #"x="}""#]),
        Accepted(text: #"  { a = "b" , c =~ "d" , }  "#, matchers: [#"a="b""#, #"c=~"d""#]),
        Accepted(text: "a=b,", matchers: [#"a="b""#]),
        Accepted(text: "a=x{2}", matchers: [#"a="x{2}""#]),
        Accepted(text: "_x1=y", matchers: [#"_x1="y""#]),
        Accepted(text: "{}", matchers: []),
        Accepted(text: "", matchers: []),
        Accepted(text: "   ", matchers: []),
    ])
    func accepts(_ form: Accepted) throws {
        #expect(try AlertMatcher.parseList(form.text).map(\.description) == form.matchers)
    }

    @Test(arguments: [
        Refused(text: "=x", column: 1, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*)"),
        Refused(text: "1a=b", column: 1, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*)"),
        Refused(text: "système=x", column: 5, expected: "one of =, !=, =~, !~ after the label name `syst`"),
        Refused(text: "a", column: 2, expected: "one of =, !=, =~, !~ after the label name `a`"),
        Refused(text: "sev~=x", column: 4, expected: "one of =, !=, =~, !~ after the label name `sev`"),
        Refused(text: "a==b", column: 3, expected: "a comma between matchers"),
        Refused(text: #"a="open"#, column: 8, expected: "a closing quote"),
        Refused(text: #"a="x"y"#, column: 6, expected: "a comma between matchers"),
        Refused(text: "a=b c=d", column: 5, expected: "a comma between matchers"),
        Refused(text: #"{a="b""#, column: 7, expected: "a closing brace }"),
        Refused(text: #"{a="b"} x"#, column: 9, expected: "the end after the closing brace"),
        Refused(text: "{a=b,,}", column: 6, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*)"),
        Refused(text: ",", column: 1, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*)"),
        Refused(text: "{alertname}", column: 11, expected: "one of =, !=, =~, !~ after the label name `alertname`"),
    ])
    func refuses(_ form: Refused) {
        #expect(throws: AlertMatcherError(input: form.text, column: form.column, expected: form.expected)) {
            try AlertMatcher.parseList(form.text)
        }
    }

    @Test func aRegexThatDoesNotCompileIsRefusedAtItsValue() throws {
        let error = try #require(throws: AlertMatcherError.self) { try AlertMatcher.parseList(#"a=b, job=~"(x""#) }
        #expect(error.column == 11)
        #expect(error.expected.hasPrefix("a valid regular expression"))
    }

    @Test func argumentsAreEachOneMatcherOrAList() throws {
        let matchers = try AlertMatcher.parseAll(["alertname=Down", #"{system=~"erp|crm", env!="dev"}"#])
        #expect(matchers.map(\.description) == [#"alertname="Down""#, #"system=~"erp|crm""#, #"env!="dev""#])
        let error = try #require(throws: AlertMatcherError.self) {
            try AlertMatcher.parseAll(["alertname=Down", "job=~(unclosed"])
        }
        #expect(error.argument == 2 && error.column == 6)
        #expect(
            error.description.hasPrefix("matcher 2 `job=~(unclosed`, column 6: expected a valid regular expression"))
    }

    @Test func parseTakesExactlyOne() throws {
        #expect(try AlertMatcher.parse(#"{a="b"}"#) == AlertMatcher(name: "a", kind: .equal, value: "b"))
        #expect(throws: AlertMatcherError.self) { try AlertMatcher.parse("a=b, c=d") }
    }

    @Test func whatIsWrittenParsesBackToTheSameMatchers() throws {
        let matchers = [
            AlertMatcher(name: "a", kind: .equal, value: #"x"y, z\w"#),
            AlertMatcher(name: "b", kind: .doesNotMatchRegex, value: "line\nbreak"),
        ]
        let written = "{" + matchers.map(\.description).joined(separator: ", ") + "}"
        #expect(try AlertMatcher.parseList(written) == matchers)
    }
}
