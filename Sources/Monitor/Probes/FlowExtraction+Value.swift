import Foundation
import SwitchboardCore

extension FlowExtraction {
    /// The value this extraction finds in a step's answer, or nil when it finds nothing.
    func value(in body: String) -> String? {
        switch source {
        case .jsonPath(let path):
            guard let document = try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) else { return nil }
            return path.value(in: document)?.flowText
        case .xpath(let path):
            guard case .nodes(let location) = path.subject, let root = try? XMLReader.parse(body) else { return nil }
            let text = location.select(in: root).first?.stringValue.trimmingCharacters(in: .whitespacesAndNewlines)
            return text?.isEmpty == false ? text : nil
        case .regex(let pattern):
            return pattern.firstCapture(in: body).flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// How the extraction reads in a reason: `order_id ($.id)`.
    var described: String {
        switch source {
        case .jsonPath(let path): "\(name) (\(path.description))"
        case .xpath(let path): "\(name) (\(path.source))"
        case .regex(let pattern): "\(name) (/\(pattern)/)"
        }
    }
}

extension JSONAssertion {
    /// The value at this assertion's path, or nil when the path leads nowhere.
    func value(in document: JSONValue) -> JSONValue? {
        var value = document
        for step in path {
            switch (step, value) {
            case (.key(let key), .object(let object)) where object[key] != nil: value = object[key]!
            case (.index(let index), .array(let array)) where array.indices.contains(index): value = array[index]
            default: return nil
            }
        }
        return value
    }
}

extension JSONValue {
    /// A scalar as it goes into a URL or body: strings as they are, whole numbers without `.0`.
    fileprivate var flowText: String? {
        switch self {
        case .string(let text): text.isEmpty ? nil : text
        case .number(let number): XPathAssertion.format(number)
        case .bool(let flag): String(flag)
        case .object, .array, .null: nil
        }
    }
}
