/// A small XML reader for assertions on response bodies: elements, attributes and text, with the five
/// predefined entities and character references. Comments, processing instructions and the DOCTYPE are
/// skipped; no DTD, no external entities, nothing is fetched.
///
/// Chosen over FoundationXML, whose libxml2 writes parse errors to stderr (onto the console's screen)
/// and crashed here on an invalid XPath expression.
struct XMLElement: Sendable, Equatable {
    /// The name as written, with its prefix (`soap:Body`).
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [XMLContent]

    /// The text of the element and all its descendants, in document order.
    var stringValue: String {
        children.map {
            switch $0 {
            case .text(let text): text
            case .element(let element): element.stringValue
            }
        }.joined()
    }

    var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.children == rhs.children
            && lhs.attributes.map { [$0.name, $0.value] } == rhs.attributes.map { [$0.name, $0.value] }
    }
}

enum XMLContent: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

/// Parses a document into its root element, or throws `XMLReader.Problem` with where and what.
struct XMLReader {
    struct Problem: Error, Equatable, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "\(message) at byte \(offset)" }
    }

    /// Deeper documents are refused rather than parsed recursively into a stack overflow.
    static let maxDepth = 256

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    static func parse(_ text: String) throws -> XMLElement {
        var reader = XMLReader(bytes: Array(text.utf8))
        reader.skipMisc()
        guard reader.peek("<") else { throw reader.problem("no root element") }
        let root = try reader.element()
        reader.skipMisc()
        guard reader.index == reader.bytes.count else { throw reader.problem("content after the root element") }
        return root
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func problem(_ message: String) -> Problem { Problem(offset: index, message: message) }

    private func peek(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.count - index >= needle.count && Array(bytes[index..<index + needle.count]) == needle
    }

    /// Skips whitespace, comments, processing instructions and a DOCTYPE.
    private mutating func skipMisc() {
        while index < bytes.count {
            if isSpace(bytes[index]) {
                index += 1
            } else if peek("<?") {
                skip(past: "?>")
            } else if peek("<!--") {
                skip(past: "-->")
            } else if peek("<!DOCTYPE") {
                skip(past: peekInternalSubset() ? "]>" : ">")
            } else {
                return
            }
        }
    }

    private func peekInternalSubset() -> Bool {
        var at = index
        while at < bytes.count, bytes[at] != UInt8(ascii: ">") {
            if bytes[at] == UInt8(ascii: "[") { return true }
            at += 1
        }
        return false
    }

    private mutating func skip(past terminator: String) {
        while index < bytes.count, !peek(terminator) { index += 1 }
        index = min(bytes.count, index + terminator.utf8.count)
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func name() throws -> String {
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), !"/>=<\"'".utf8.contains(bytes[index]) { index += 1 }
        guard index > start else { throw problem("expected a name") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    private mutating func element() throws -> XMLElement {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw problem("elements nested deeper than \(Self.maxDepth)") }
        index += 1  // <
        var element = XMLElement(name: try name(), attributes: [], children: [])
        while true {
            skipSpaces()
            if peek("/>") {
                index += 2
                return element
            }
            if peek(">") { break }
            let attribute = try name()
            skipSpaces()
            guard peek("=") else { throw problem("expected = after attribute \(attribute)") }
            index += 1
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw problem("expected a quoted value for attribute \(attribute)")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { throw problem("unterminated attribute \(attribute)") }
            element.attributes.append((attribute, try decode(bytes[start..<index])))
            index += 1
        }
        index += 1  // >
        element.children = try content(closing: element.name)
        return element
    }

    private mutating func content(closing name: String) throws -> [XMLContent] {
        var children: [XMLContent] = []
        var text = ""
        while index < bytes.count {
            if peek("</") {
                index += 2
                let closing = try self.name()
                guard closing == name else { throw problem("</\(closing)> closes <\(name)>") }
                skipSpaces()
                guard peek(">") else { throw problem("expected > after </\(closing)") }
                index += 1
                if !text.isEmpty { children.append(.text(text)) }
                return children
            } else if peek("<![CDATA[") {
                index += 9
                let start = index
                skip(past: "]]>")
                text += String(decoding: bytes[start..<max(start, index - 3)], as: UTF8.self)
            } else if peek("<!--") || peek("<?") {
                skip(past: peek("<!--") ? "-->" : "?>")
            } else if peek("<") {
                if !text.isEmpty { children.append(.text(text)) }
                text = ""
                children.append(.element(try element()))
            } else {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                text += try decode(bytes[start..<index])
            }
        }
        throw problem("<\(name)> is not closed")
    }

    /// Replaces `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;` and `&#…;` references.
    private func decode(_ slice: ArraySlice<UInt8>) throws -> String {
        let raw = String(decoding: slice, as: UTF8.self)
        guard raw.contains("&") else { return raw }
        var result = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { throw problem("unterminated reference") }
            let entity = rest[rest.index(after: amp)..<semicolon]
            result += try character(for: entity)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private func character(for entity: Substring) throws -> String {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
            let digits = entity.dropFirst(hex ? 2 : 1)
            guard entity.hasPrefix("#"), let code = UInt32(digits, radix: hex ? 16 : 10),
                let scalar = Unicode.Scalar(code)
            else { throw problem("unknown entity &\(entity);") }
            return String(Character(scalar))
        }
    }
}
