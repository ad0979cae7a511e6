import Foundation

extension APICoding {
    /// `value` encoded with its top-level array `key` written element by element from `elements`
    /// (`value` holds that array empty): the same JSON, but Foundation's encoder builds its tree
    /// for one element at a time instead of the whole array, so a 10,000-interface snapshot (13 MB
    /// of JSON, several times that as a tree of small allocations) costs the server its output and
    /// one element's tree, and leaves no scattered free memory behind.
    public static func encode<Value: Encodable, Element: Encodable>(
        _ value: Value, streaming key: String, elements: [Element]
    ) throws -> Data {
        var data = Data()
        try encode(value, streaming: key, elements: elements) { data.append($0) }
        return data
    }

    /// The same JSON handed to `write` piece by piece, in order: for a caller that writes it into a
    /// buffer of its own (the server's, sized from the last answer) without a copy in between.
    public static func encode<Value: Encodable, Element: Encodable>(
        _ value: Value, streaming key: String, elements: [Element], into write: (Data) -> Void
    ) throws {
        let frame = try encode(value)
        guard let slot = emptyArray(key, in: frame) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "no empty top-level array \(key) to stream into"))
        }
        let encoder = encoder()
        write(frame[..<slot])
        let comma = Data([UInt8(ascii: ",")])
        for (index, element) in elements.enumerated() {
            if index > 0 { write(comma) }
            write(try encoder.encode(element))
        }
        write(frame[slot...])
    }

    /// Where the `]` of `"key":[]` is in an object's JSON, when `key` is one of its own members.
    static func emptyArray(_ key: String, in json: Data) -> Data.Index? {
        let member = Array("\"\(key)\":[]".utf8)
        var depth = 0
        var inString = false
        var escaped = false
        var index = json.startIndex
        while index < json.endIndex {
            let byte = json[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                if depth == 1, json[index...].starts(with: member) {
                    return json.index(index, offsetBy: member.count - 1)
                }
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            }
            index = json.index(after: index)
        }
        return nil
    }
}
