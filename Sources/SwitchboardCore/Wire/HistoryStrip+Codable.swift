/// A strip travels as one digit a cell (`"0111123…"`): 288 bytes, not an array of 288 numbers.
extension HistoryStrip: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let digits = try container.decode(String.self)
        var cells: [HistoryCell] = []
        cells.reserveCapacity(digits.utf8.count)
        for byte in digits.utf8 {
            guard byte >= UInt8(ascii: "0"), let cell = HistoryCell(rawValue: byte - UInt8(ascii: "0")) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a history strip holds the digits 0 to 3, one a bucket")
            }
            cells.append(cell)
        }
        self.init(cells: cells)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(decoding: cells.map { $0.rawValue + UInt8(ascii: "0") }, as: UTF8.self))
    }
}
