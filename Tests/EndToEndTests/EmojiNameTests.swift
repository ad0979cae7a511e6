import Foundation
import TestSupport
import Testing

/// A system named with emoji sequences (a ZWJ sequence and a flag) in the real console in tmux:
/// every row keeps its layout, because what is drawn is what was measured.
@Suite(.serialized, .enabled(if: TmuxSession.tmuxPath != nil, "tmux is not installed"))
struct EmojiNameTests {
    let directory = "/tmp/sb-emoji-\(UUID().uuidString.prefix(8))"

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try """
        landscape: emoji
        systems:
          - {id: dev, name: "👩‍💻 Dev Team 🇩🇪 Café"}
          - {id: erp, name: ERP}
        interfaces:
          - id: dev-erp
            name: "Deploys ❤️ 👍🏽"
            from: dev
            to: erp
            protocol: rest
            checks:
              - {id: dev-erp-api, tcp: {address: "127.0.0.1:1"}, interval: 2s, timeout: 1s}
        """.write(toFile: directory + "/switchboard.yaml", atomically: true, encoding: .utf8)
    }

    @Test func emojiSequencesInNamesKeepEveryRowInPlace() async throws {
        try await OwnThread.run { try showsTheNamesInTheirDrawnForm() }
    }

    func showsTheNamesInTheirDrawnForm() throws {
        let session = try TmuxSession(
            command:
                "\(TmuxSession.quote(BuiltBinary.path)) --config \(directory)/switchboard.yaml --state-dir \(directory)/state",
            width: 80, height: 24, environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        try session.waitFor("the overview") { $0.contains { $0.contains("SYSTEMS") } }
        try session.send("3")
        // The overview lists the DOWN interface too: wait for the Interfaces tab, which a loaded machine
        // may show a moment after the key.
        let screen = try session.waitFor("the interface down on view 3") { screen in
            screen.contains { $0.contains("[3 Interfaces]") } && screen.contains { $0.hasPrefix("✖ DOWN") }
        }
        try Self.expectInPlace(screen)
        try session.send("r")
        Thread.sleep(forTimeInterval: 1)
        try Self.expectInPlace(try session.capture())
        try session.send("q")
    }

    /// The drawn forms are on screen, no joiner, flag letter or selector leaked, and the rows that
    /// hold them end where they should: the clock in the header's last columns, the row of the
    /// interface with its reason.
    static func expectInPlace(_ screen: [String]) throws {
        let text = screen.joined(separator: "\n")
        #expect(text.contains("👩 Dev Team DE Café"), "\(text)")
        #expect(text.contains("Deploys ❤ 👍"), "\(text)")
        #expect(
            !text.unicodeScalars.contains {
                $0.value == 0x200D || $0.value == 0xFE0F || (0x1F1E6...0x1F1FF).contains($0.value)
                    || (0x1F3FB...0x1F3FF).contains($0.value)
            }, "\(text)")
        let strip = try #require(screen.first { $0.contains("Dev Team") })
        #expect(strip.range(of: "Dev Team DE Café  . ERP$", options: .regularExpression) != nil, "\(strip)")
        let row = try #require(screen.first { $0.hasPrefix("✖ DOWN") })
        #expect(row.contains("dev → erp"), "\(row)")
        #expect(row.range(of: #"\d+s ago"#, options: .regularExpression) != nil, "\(row)")
        let header = try #require(screen.first)
        #expect(header.range(of: #"\d\d:\d\d:\d\d$"#, options: .regularExpression) != nil, "\(header)")
    }
}
