import Testing

@testable import SwitchboardCore

@Suite struct PosixRegexTests {
    @Test func matchesExtendedSyntaxAndCaptures() throws {
        let regex = try PosixRegex("records (read|written): ([0-9]+)")
        #expect(regex.groupCount == 2)
        #expect(regex.captures(in: "12:00 records written: 4711 ok")! == ["written", "4711"])
        #expect(regex.captures(in: "nothing here") == nil)
    }

    @Test func literalPatternsSearchBytes() throws {
        let regex = try PosixRegex("ERROR")
        #expect(regex.matches("2026 ERROR boom"))
        #expect(regex.matches("ERRO") == false)
        #expect(regex.matches("xERRORx"))
        #expect(regex.matches("") == false)
    }

    @Test func invalidUTF8IsSearchedAsBytes() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("failed: disk".utf8) + [0xC3]
        #expect(try PosixRegex("fail(ed)?: d").matches(bytes))
        #expect(try PosixRegex("^.*disk.$").matches(bytes))
    }

    @Test func aBadPatternSaysWhy() {
        #expect(throws: PosixRegexError.self) { try PosixRegex("run (") }
        do {
            _ = try PosixRegex("[a-")
            Issue.record("expected an error")
        } catch {
            #expect(error.problem.isEmpty == false)
        }
    }

    @Test func caseInsensitiveMatching() throws {
        #expect(try PosixRegex("error", caseInsensitive: true).matches("An Error occurred"))
        #expect(try PosixRegex("error").matches("An Error occurred") == false)
    }
}
