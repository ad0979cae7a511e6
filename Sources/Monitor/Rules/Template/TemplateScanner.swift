/// Walks template text character by character, keeping the line and column of where it is.
struct TemplateScanner {
    let characters: [Character]
    private(set) var index = 0
    private(set) var line = 1
    private(set) var column = 1

    init(_ text: String) {
        characters = Array(text)
    }

    var isAtEnd: Bool { index >= characters.count }
    var current: Character? { index < characters.count ? characters[index] : nil }
    var position: TemplatePosition { TemplatePosition(line: line, column: column) }

    func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    func hasPrefix(_ text: String) -> Bool {
        var offset = 0
        for character in text {
            guard peek(offset) == character else { return false }
            offset += 1
        }
        return true
    }

    @discardableResult
    mutating func advance() -> Character? {
        guard let character = current else { return nil }
        index += 1
        if character == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return character
    }

    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    mutating func skipSpaces() {
        while let character = current, character == " " || character == "\t" || character == "\n" || character == "\r" {
            advance()
        }
    }
}
