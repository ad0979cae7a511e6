import Testing

@testable import Monitor
@testable import SwitchboardCore

@Suite struct LineSplitterTests {
    @Test func splitsAcrossChunksAndKeepsTheUnfinishedLine() {
        var splitter = LineSplitter()
        #expect(splitter.feed(Array("one\ntw".utf8)).map { String(decoding: $0, as: UTF8.self) } == ["one"])
        #expect(splitter.feed(Array("o\n\nthree".utf8)).map { String(decoding: $0, as: UTF8.self) } == ["two", ""])
        #expect(splitter.finish().map { String(decoding: $0, as: UTF8.self) } == "three")
        #expect(splitter.finish() == nil)
    }

    @Test func aHugeLineIsTruncatedWithAMarkerAndBoundedMemory() {
        var splitter = LineSplitter(maxLineBytes: 1024)
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
        for _ in 0..<160 {  // 10 MiB without a newline
            #expect(splitter.feed(chunk).isEmpty)
            #expect(splitter.pendingBytes <= 1024)
        }
        let lines = splitter.feed(Array("tail\nnext\n".utf8))
        #expect(lines.count == 2)
        let text = String(decoding: lines[0], as: UTF8.self)
        #expect(text.hasPrefix(String(repeating: "a", count: 1024)))
        #expect(text.hasSuffix("…[line truncated: \(160 * 64 * 1024 + 4 - 1024) more bytes]"))
        #expect(String(decoding: lines[1], as: UTF8.self) == "next")
    }

    @Test func invalidUTF8PassesThroughUnchanged() {
        var splitter = LineSplitter()
        let bytes: [UInt8] = [0xC3, 0x28, 0x0A, 0xFF, 0xFE, 0x0A]
        #expect(splitter.feed(bytes) == [[0xC3, 0x28], [0xFF, 0xFE]])
    }

    struct LevelCase: Sendable, CustomTestStringConvertible {
        var line: String
        var level: LogLevel?
        var testDescription: String { line }
    }

    @Test(arguments: [
        LevelCase(line: "2026-03-01 10:00:00 ERROR OrderSync - timeout", level: .error),
        LevelCase(line: "[WARN] disk 91% full", level: .warn),
        LevelCase(line: "2026-03-01T10:00:00Z INFO started", level: .info),
        LevelCase(line: "DEBUG cache miss", level: .debug),
        LevelCase(line: "time=2026 level=error msg=\"boom\"", level: .error),
        LevelCase(line: "{\"level\":\"warn\",\"msg\":\"slow\"}", level: .warn),
        LevelCase(line: "Traceback (most recent call last):", level: .error),
        LevelCase(line: "java.lang.IllegalStateException: no connection", level: .error),
        LevelCase(line: "FATAL: could not connect", level: .error),
        LevelCase(line: "Loaded 120 rows; errors are counted below", level: nil),
        LevelCase(line: "information only", level: nil),
    ])
    func detectsCommonLevels(_ test: LevelCase) {
        #expect(LevelDetector.detect(Array(test.line.utf8)) == test.level)
    }
}
