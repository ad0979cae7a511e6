import Foundation
import Logging
import SwitchboardCore

/// `serve`'s log: one line per event on stderr, in logfmt (`time=… level=info logger=… msg="…"`)
/// or as JSON objects, as log collectors read them.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    let json: Bool
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", Date().formatted(.iso8601)), ("level", "\(event.level)"), ("logger", label),
            ("msg", "\(event.message)"),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        fields += merged.map { ($0.key, "\($0.value)") }.sorted { $0.0 < $1.0 }
        StandardError.write(json ? Self.json(fields) : Self.logfmt(fields))
    }

    static func bootstrap(json: Bool) {
        LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label, json: json) }
    }

    static func logfmt(_ fields: [(String, String)]) -> String {
        fields.map { key, value in
            let plain = !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || "-_./:@+".contains($0) }
            return key + "=" + (plain ? value : quoted(value))
        }.joined(separator: " ")
    }

    static func json(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quoted($0.0) + ":" + quoted($0.1) }.joined(separator: ",") + "}"
    }

    static func quoted(_ text: String) -> String { JSONStringLiteral.quoted(text) }
}
