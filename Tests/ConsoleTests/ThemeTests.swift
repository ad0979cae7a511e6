import Foundation
import Testing

@testable import Console

@Suite struct ThemeTests {
    /// The repository's themes/ folder, found from this file.
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    @Test func shippedDefaultThemeLoadsWithEveryRole() throws {
        let theme = try ThemeLoader.load(contentsOf: Self.themesDirectory + "/default.yaml")
        #expect(theme.name == "default")
        #expect(Set(theme.styles.keys) == Set(StyleRole.themed))
        #expect(theme.style(for: .down).foreground == .rgb(0xFF, 0x5F, 0x5F))
        #expect(theme.style(for: .down).attributes == [.bold])
        #expect(theme.style(for: .down).monochromeAttributes == [.bold, .reverse])
        #expect(theme.style(for: .normal).background == .terminalDefault)
    }

    @Test func shippedMonoThemeUsesNoColours() throws {
        let theme = try ThemeLoader.load(contentsOf: Self.themesDirectory + "/mono.yaml")
        for role in StyleRole.allCases {
            #expect(theme.style(for: role).foreground == .terminalDefault)
            #expect(theme.style(for: role).background == .terminalDefault)
        }
        #expect(theme.style(for: .selection).attributes == [.reverse])
    }

    @Test func unknownRoleIsReportedWithFileLineAndColumn() {
        let yaml = """
            name: broken
            roles:
              ok: { fg: green }
              donw: { fg: red }
            """
        #expect(throws: ThemeError.self) { try ThemeLoader.parse(yaml, file: "broken.yaml") }
        do {
            _ = try ThemeLoader.parse(yaml, file: "broken.yaml")
        } catch let error as ThemeError {
            #expect(error.line == 4)
            #expect(error.column == 3)
            #expect(error.description.hasPrefix("broken.yaml:4:3: unknown role `donw`"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unquotedHexColourIsExplainedAtItsPlace() {
        let yaml = "roles:\n  ok:\n    fg: #00ff00\n"
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse(yaml, file: "t.yaml") }
        #expect(error?.line == 3)
        #expect(error?.message.contains("quote hex colours") == true)
    }

    @Test func badColourAndAttributeAreRejected() {
        let colour = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("roles:\n  ok: { fg: chartreuse }\n", file: "t.yaml")
        }
        #expect(colour?.description.hasPrefix("t.yaml:2:13: unknown colour `chartreuse`") == true)
        let attribute = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("roles:\n  ok: { attrs: [bold, blink] }\n", file: "t.yaml")
        }
        #expect(attribute?.line == 2)
        #expect(attribute?.message.contains("blink") == true)
    }

    @Test func invalidYAMLNamesLineAndColumn() {
        let error = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("roles:\n  ok: { fg: red\n  down: x\n", file: "t.yaml")
        }
        #expect(error?.line != nil)
        #expect(error?.column != nil)
        #expect(error?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func coloursParseFromNamesIndicesAndHex() {
        #expect(ThemeColor(parsing: "default") == .terminalDefault)
        #expect(ThemeColor(parsing: "bright-blue") == .ansi(12))
        #expect(ThemeColor(parsing: "208") == .indexed(208))
        #expect(ThemeColor(parsing: "#FF8000") == .rgb(255, 128, 0))
        #expect(ThemeColor(parsing: "#ff80") == nil)
        #expect(ThemeColor(parsing: "mauve") == nil)
    }

    @Test func rgbColoursDegradeToTheNearestOf256And8() {
        #expect(ColorPalette.index(of: .rgb(0xFF, 0x5F, 0x5F), depth: .colors256) == 203)
        #expect(ColorPalette.index(of: .rgb(0x5F, 0xD7, 0x5F), depth: .colors256) == 77)
        #expect(ColorPalette.index(of: .rgb(0x30, 0x30, 0x30), depth: .colors256) == 236)
        #expect(ColorPalette.index(of: .rgb(0xFF, 0x5F, 0x5F), depth: .colors8) == 1)
        #expect(ColorPalette.index(of: .rgb(0x5F, 0xD7, 0x5F), depth: .colors8) == 2)
        #expect(ColorPalette.index(of: .rgb(0xFF, 0xAF, 0x00), depth: .colors8) == 3)
        #expect(ColorPalette.index(of: .ansi(12), depth: .colors8) == 4)
        #expect(ColorPalette.index(of: .ansi(12), depth: .colors16) == 12)
        #expect(ColorPalette.index(of: .terminalDefault, depth: .colors8) == -1)
    }

    @Test func defaultThemeDegradesTo8ColoursAndToMonochrome() throws {
        let theme = try ThemeLoader.load(contentsOf: Self.themesDirectory + "/default.yaml")
        let eight = theme.resolved(for: .colors8)
        #expect(eight[.down] == TerminalStyle(foreground: 1, background: -1, attributes: [.bold]))
        #expect(eight[.ok]?.foreground == 2)
        // The dark grey border would become black, invisible on a dark terminal: dim default instead.
        #expect(eight[.border] == TerminalStyle(foreground: -1, background: -1, attributes: [.dim]))
        #expect(theme.resolved(for: .colors16)[.border]?.foreground == 8)
        for style in eight.values {
            #expect((-1..<8).contains(style.foreground ?? 99))
            #expect((-1..<8).contains(style.background ?? 99))
            if let fg = style.foreground, fg >= 0 { #expect(fg != style.background) }
        }
        let mono = theme.resolved(for: .monochrome)
        #expect(mono[.down] == TerminalStyle(foreground: nil, background: nil, attributes: [.bold, .reverse]))
        #expect(mono[.selection]?.attributes == [.reverse])
        #expect(mono[.ok]?.attributes == [])
    }

    @Test func colourDepthFollowsWhatTheTerminalReports() {
        #expect(ColorDepth(hasColors: true, colors: 256) == .colors256)
        #expect(ColorDepth(hasColors: true, colors: 8) == .colors8)
        #expect(ColorDepth(hasColors: true, colors: 16) == .colors16)
        #expect(ColorDepth(hasColors: false, colors: 256) == .monochrome)
        #expect(ColorDepth(hasColors: true, colors: 2) == .monochrome)
    }

    @Test func themeIsFoundByNameOrPath() throws {
        let byName = try ThemeLocator.locate("mono", in: ["/nonexistent", Self.themesDirectory])
        #expect(byName == Self.themesDirectory + "/mono.yaml")
        let byPath = try ThemeLocator.locate(Self.themesDirectory + "/default.yaml", in: [])
        #expect(byPath.hasSuffix("/default.yaml"))
        let missing = #expect(throws: ThemeError.self) { try ThemeLocator.locate("neon", in: [Self.themesDirectory]) }
        #expect(missing?.message.contains("available: colorblind, default, high-contrast, light, mono") == true)
    }

    @Test func aUniquePrefixSelectsAThemeAndAnAmbiguousOneNamesTheCandidates() throws {
        #expect(try ThemeLocator.locate("l", in: [Self.themesDirectory]) == Self.themesDirectory + "/light.yaml")
        #expect(try ThemeLocator.locate("hi", in: [Self.themesDirectory]).hasSuffix("/high-contrast.yaml"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data().write(to: URL(fileURLWithPath: directory + "/lavender.yaml"))
        let ambiguous = #expect(throws: ThemeError.self) {
            try ThemeLocator.locate("l", in: [Self.themesDirectory, directory])
        }
        #expect(ambiguous?.message == "`l` could be lavender, light: type more of the name")
        // An exact name wins over a longer one it is the start of.
        try Data().write(to: URL(fileURLWithPath: directory + "/mono-dark.yaml"))
        #expect(try ThemeLocator.locate("mono", in: [Self.themesDirectory, directory]).hasSuffix("/mono.yaml"))
    }

    @Test func shippedThemesAreCopiedBesideTheBuiltProducts() throws {
        // SwiftPM copies the Console resources next to the test binary, as next to `switchboard`.
        let directories = ThemeLocator.searchDirectories(environment: [:], currentDirectory: "/nonexistent")
        let path = try ThemeLocator.locate("default", in: directories)
        #expect(path.contains("_Console.resources"))
        #expect(try ThemeLoader.load(contentsOf: path).name == "default")
    }

    @Test func missingThemeFallsBackToBuiltInMonochromeWithAMessage() {
        let (theme, problem) = ThemeSelection.resolve("neon", directories: [Self.themesDirectory])
        #expect(theme == .builtInMonochrome)
        #expect(problem?.contains("no theme named `neon`") == true)
        let (good, none) = ThemeSelection.resolve(nil, directories: [Self.themesDirectory])
        #expect(good.name == "default")
        #expect(none == nil)
    }
}

/// Every shipped theme loads, names itself after its file and defines every role.
@Suite struct ShippedThemeTests {
    @Test(arguments: ["default", "mono", "light", "high-contrast", "colorblind"])
    func loadsWithEveryRole(_ name: String) throws {
        let theme = try ThemeLoader.load(contentsOf: ThemeTests.themesDirectory + "/\(name).yaml")
        #expect(theme.name == name)
        for role in StyleRole.themed {
            #expect(theme.styles[role] != nil, "\(name) defines \(role)")
        }
        #expect(theme.resolved(for: .colors8).count == StyleRole.allCases.count)
    }
}
