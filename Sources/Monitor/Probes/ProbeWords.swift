import AsyncHTTPClient
import SwitchboardCore

/// How the failures every probe can meet read, one wording each and with the limit that was hit:
/// `no answer within 2s`, `body larger than the 1 MiB limit (Content-Length 1.3 MiB)`.
enum ProbeWords {
    /// `no answer within 2s`; `awaited` names what did not come (`connection`, `TLS handshake`).
    static func timedOut(_ limit: Duration, awaiting awaited: String = "answer") -> String {
        "no \(awaited) within \(DurationParser.format(limit))"
    }

    /// The limit and the size: the declared `Content-Length`, or `more than` the limit when the
    /// body was cut off while read.
    static func bodyTooLarge(limit: Int, declared: Int?) -> String {
        let size = declared.map { "Content-Length \(bytes($0))" } ?? "read more than \(bytes(limit))"
        return "body larger than the \(bytes(limit)) limit (\(size))"
    }

    /// `900 B`, `64 KiB`, `1.3 MiB`: binary units, one decimal where it is not whole.
    static func bytes(_ count: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = (value * 10).rounded(.down) / 10
        let number = tenths == tenths.rounded(.down) ? String(Int(tenths)) : String(format: "%.1f", tenths)
        return "\(number) \(units[unit])"
    }
}

extension HTTPClientResponse {
    /// The body's size as the `Content-Length` header declares it, if it does.
    var declaredLength: Int? { headers.first(name: "content-length").flatMap { Int($0) } }
}
