import Testing

@testable import Console

@Suite struct InputTests {
    @Test(arguments: [
        (Key.character("q"), Action?.some(.quit)), (.character("j"), .moveDown), (.down, .moveDown),
        (.character("k"), .moveUp), (.up, .moveUp), (.character("g"), .moveToTop), (.character("G"), .moveToBottom),
        (.pageUp, .pageUp), (.pageDown, .pageDown), (.character("r"), .redraw), (.control("l"), .redraw),
        (.character("c"), .checkNow), (.resize, .resized), (.character("x"), nil), (.escape, .back),
    ])
    func keyMapsToAction(key: Key, action: Action?) {
        #expect(KeyMap.action(for: key) == action)
    }

    @Test func characterCodesBecomeKeys() {
        #expect(Key(code: 12) == .control("l"))
        #expect(Key(code: 27) == .escape)
        #expect(Key(code: 13) == .enter)
        #expect(Key(code: 10) == .enter)
        #expect(Key(code: 127) == .backspace)
        #expect(Key(code: 0x8D22) == .character("财"))
        #expect(Key(code: 106) == .character("j"))
    }
}
