/// Reads the server-sent-event wire format (`id:`, `event:`, `data:` lines, a blank line ends an
/// event, `:` lines are comments) from chunks of bytes as they arrive.
struct EventStreamParser {
    /// One event as received.
    struct Event: Equatable {
        var id: String?
        var kind: String
        var data: String
    }

    private var pending: [UInt8] = []
    private var id: String?
    private var kind = ""
    private var data: [String] = []

    /// The events completed by `bytes`.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
        var events: [Event] = []
        for byte in bytes {
            guard byte == UInt8(ascii: "\n") else {
                pending.append(byte)
                continue
            }
            if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
            let line = String(decoding: pending, as: UTF8.self)
            pending.removeAll(keepingCapacity: true)
            if line.isEmpty {
                if !data.isEmpty || !kind.isEmpty {
                    events.append(
                        Event(id: id, kind: kind.isEmpty ? "message" : kind, data: data.joined(separator: "\n")))
                }
                kind = ""
                data = []
            } else if !line.hasPrefix(":") {
                let (field, value) = Self.split(line)
                switch field {
                case "id": id = value
                case "event": kind = value
                case "data": data.append(value)
                default: break
                }
            }
        }
        return events
    }

    private static func split(_ line: String) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (line, "") }
        var value = line[line.index(after: colon)...]
        if value.first == " " { value = value.dropFirst() }
        return (String(line[..<colon]), String(value))
    }
}
