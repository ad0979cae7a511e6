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

@Suite struct EditDistanceTests {
    @Test(arguments: [("nmae", "name", 1), ("timout", "timeout", 1), ("kitten", "sitting", 3), ("", "abc", 3)])
    func countsSwapsOfNeighboursAsOneEdit(_ a: String, _ b: String, _ distance: Int) {
        #expect(DidYouMean.editDistance(a, b) == distance)
    }
}
