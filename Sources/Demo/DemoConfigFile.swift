import Foundation

extension DemoLandscape {
    /// Name of the SwiftPM resource bundle that carries `demo.yaml` (`<package>_<target>`).
    public static let resourceBundleName = "Switchboard_Demo"
    /// Environment variable that, when set, names the demo config to use instead of the bundled one.
    public static let configOverrideVariable = "SWITCHBOARD_DEMO_CONFIG"

    /// Where the demo's config (`examples/demo.yaml`, shipped as a resource) is.
    ///
    /// Looks in `$SWITCHBOARD_DEMO_CONFIG` if set, else in the resource bundle beside the
    /// running binary (following symlinks to it, so an installed link in `/usr/local/bin`
    /// works), else in `../share/switchboard/demo/` from the binary (the release tarball and the
    /// `.deb`). Unlike `Bundle.module`, never stops the process when the bundle is missing.
    public static func configFileURL(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> URL {
        let candidates = configFileCandidates(environment: environment)
        let fileManager = FileManager.default
        guard let found = candidates.first(where: { fileManager.isReadableFile(atPath: $0.path) }) else {
            throw DemoError.configFileNotFound(searched: candidates.map(\.path))
        }
        return found
    }

    /// The places ``configFileURL(environment:)`` looks, in order.
    static func configFileCandidates(environment: [String: String]) -> [URL] {
        if let override = environment[configOverrideVariable], !override.isEmpty {
            return [URL(fileURLWithPath: override)]
        }
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL {
            directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
            directories.append(executable.deletingLastPathComponent())
        }
        if let arguments0 = CommandLine.arguments.first, arguments0.contains("/") {
            directories.append(URL(fileURLWithPath: arguments0).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        directories += [Bundle.main.resourceURL, Bundle.main.bundleURL].compactMap { $0 }
        let bundles = ["\(resourceBundleName).resources", "\(resourceBundleName).bundle"]
        let inside = ["demo.yaml", "Contents/Resources/demo.yaml"]
        var candidates: [URL] = []
        for directory in directories {
            for bundle in bundles {
                for file in inside {
                    let url = directory.appendingPathComponent(bundle).appendingPathComponent(file).standardizedFileURL
                    if !candidates.contains(url) { candidates.append(url) }
                }
            }
        }
        for directory in directories {
            let installed = directory.appendingPathComponent("../share/switchboard/demo/demo.yaml").standardizedFileURL
            if !candidates.contains(installed) { candidates.append(installed) }
        }
        return candidates
    }
}
