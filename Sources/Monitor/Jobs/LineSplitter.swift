/// Cuts a byte stream into lines at `\n`, keeping at most `maxLineBytes` of a line: the rest is
/// skipped and the line ends with a marker saying how many bytes were cut. Memory stays bounded
/// whatever the input, a 10 MB line included.
struct LineSplitter {
    let maxLineBytes: Int
    private var current: [UInt8] = []
    private var skipped = 0

    init(maxLineBytes: Int = 64 * 1024) {
        precondition(maxLineBytes > 0)
        self.maxLineBytes = maxLineBytes
    }

    /// Appends `bytes` and returns the lines completed by them, without their `\n`.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[start...])
            if let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
                take(UnsafeRawBufferPointer(rebasing: rest[rest.startIndex..<newline]))
                lines.append(finishLine())
                start += newline + 1
            } else {
                take(rest)
                break
            }
        }
        return lines
    }

    mutating func feed(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// The unfinished last line, if any (at the end of the stream).
    mutating func finish() -> [UInt8]? {
        current.isEmpty && skipped == 0 ? nil : finishLine()
    }

    /// Bytes held for the unfinished line.
    var pendingBytes: Int { current.count }

    private mutating func take(_ bytes: UnsafeRawBufferPointer) {
        let room = maxLineBytes - current.count
        if bytes.count <= room {
            current.append(contentsOf: bytes)
        } else {
            current.append(contentsOf: bytes.prefix(room))
            skipped += bytes.count - room
        }
    }

    private mutating func finishLine() -> [UInt8] {
        var line = current
        if skipped > 0 { line += Array(" …[line truncated: \(skipped) more bytes]".utf8) }
        current.removeAll(keepingCapacity: current.count <= 4096)
        skipped = 0
        return line
    }
}
