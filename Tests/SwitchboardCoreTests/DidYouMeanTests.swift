import Testing

@testable import SwitchboardCore

@Suite struct DidYouMeanTests {
    @Test func suggestsTheNearestKnownWord() {
        #expect(DidYouMean.suggestion(for: "timout", among: ["timeout", "interval", "id"]) == "timeout")
        #expect(DidYouMean.suggestion(for: "Intervall", among: ["timeout", "interval"]) == "interval")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(DidYouMean.suggestion(for: "colour", among: ["timeout", "interval", "id"]) == nil)
    }
}
