import Testing

@testable import SwitchboardCore

@Suite struct HistoryConfigTests {
    let loader = ConfigLoader(environment: [:])

    @Test func retentionDefaultsToThirtyFiveDays() throws {
        let landscape = try loader.load(yaml: "systems: [{id: a}]\n", file: "h.yaml")
        #expect(landscape.history.retention == .seconds(35 * 86400))
    }

    @Test func retentionIsReadAsADuration() throws {
        let landscape = try loader.load(yaml: "systems: [{id: a}]\nhistory: {retention: 90d}\n", file: "h.yaml")
        #expect(landscape.history.retention == .seconds(90 * 86400))
    }

    @Test func aBadRetentionNamesItsPosition() throws {
        let errors = #expect(throws: ConfigErrors.self) {
            try loader.load(yaml: "systems: [{id: a}]\nhistory:\n  retention: five weeks\n", file: "h.yaml")
        }
        let error = try #require(errors?.errors.first)
        #expect(error.description.hasPrefix("h.yaml:3:14: error: invalid value `five weeks`: expected a duration"))
    }

    @Test func anUnknownKeyUnderHistorySuggestsRetention() throws {
        let errors = #expect(throws: ConfigErrors.self) {
            try loader.load(yaml: "systems: [{id: a}]\nhistory: {retenion: 35d}\n", file: "h.yaml")
        }
        let error = try #require(errors?.errors.first)
        #expect(error.location?.line == 2)
        #expect(error.message.contains("retention"), "got: \(error.message)")
    }

    @Test func anUnknownTopLevelKeySuggestsHistory() throws {
        let errors = #expect(throws: ConfigErrors.self) {
            try loader.load(yaml: "systems: [{id: a}]\nhistroy: {retention: 35d}\n", file: "h.yaml")
        }
        #expect(errors?.errors.first?.message.contains("`history`") == true, "got: \(String(describing: errors))")
    }
}
