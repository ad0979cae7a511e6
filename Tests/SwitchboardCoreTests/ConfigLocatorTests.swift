import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct ConfigLocatorTests {
    @Test func followsXDGWithHomeFallbacks() {
        let xdg = ConfigLocator(
            environment: ["HOME": "/home/op", "XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/state"],
            currentDirectory: "/work")
        #expect(xdg.configCandidates == ["/work/switchboard.yaml", "/cfg/switchboard/config.yaml"])
        #expect(xdg.stateDirectory(explicit: nil) == "/state/switchboard")
        let plain = ConfigLocator(environment: ["HOME": "/home/op"], currentDirectory: "/work")
        #expect(plain.configCandidates.last == "/home/op/.config/switchboard/config.yaml")
        #expect(plain.stateDirectory(explicit: nil) == "/home/op/.local/state/switchboard")
        #expect(plain.stateDirectory(explicit: "/tmp/s") == "/tmp/s")
    }

    @Test func findsTheFirstExistingCandidate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(
            atPath: directory + "/cfg/switchboard", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let locator = ConfigLocator(environment: ["XDG_CONFIG_HOME": directory + "/cfg"], currentDirectory: directory)
        #expect(throws: ConfigErrors.self) { try locator.configFile(explicit: nil) }
        _ = FileManager.default.createFile(atPath: directory + "/cfg/switchboard/config.yaml", contents: Data())
        #expect(try locator.configFile(explicit: nil) == directory + "/cfg/switchboard/config.yaml")
        _ = FileManager.default.createFile(atPath: directory + "/switchboard.yaml", contents: Data())
        #expect(try locator.configFile(explicit: nil) == directory + "/switchboard.yaml")
    }
}
