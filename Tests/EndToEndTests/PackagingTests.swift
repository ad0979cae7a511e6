import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The release tarball and the `.deb` of `packaging/`: built for real (a release build with the
/// static Swift standard library, in a scratch folder of its own), then run the way a jump host
/// without Swift runs them: no Swift library resolved outside the package, a minimal environment.
@Suite(.serialized) struct PackagingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The libraries of a Swift toolchain that a binary built with `--static-swift-stdlib` carries inside.
    static let swiftLibraries = ["libswift", "libFoundation", "lib_FoundationICU", "libdispatch", "libBlocksRuntime"]

    /// What `packaging/build-deb.sh` built (it builds the tarball first), in a temporary folder.
    struct Artifacts: Sendable {
        var tarball: String
        var deb: String
    }

    /// One build for every test of the suite: a release build takes minutes.
    static let artifacts = Task { try await OwnThread.run { try build() } }

    static func build() throws -> Artifacts {
        // Beside the scripts' own build folder, replaced on every run.
        let dist = repository.path + "/.build/package/test-dist"
        try? FileManager.default.removeItem(atPath: dist)
        try FileManager.default.createDirectory(atPath: dist, withIntermediateDirectories: true)
        // Niced: the build runs beside the rest of the suite, whose tests wait on real timeouts.
        let result = try ChildProcess.run(
            "/usr/bin/nice", ["-n", "19", "bash", repository.path + "/packaging/build-deb.sh"],
            environment: ProcessInfo.processInfo.environment.merging(["DIST_DIR": dist]) { $1 })
        guard result.status == 0 else {
            throw PackagingError(
                "packaging/build-deb.sh exited \(result.status):\n\(result.stderr.suffix(6000))\(result.stdout.suffix(2000))"
            )
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dist).sorted()
        guard let tarball = files.first(where: { $0.hasSuffix(".tar.gz") }),
            let deb = files.first(where: { $0.hasSuffix(".deb") })
        else { throw PackagingError("dist holds \(files), not a tarball and a .deb") }
        return Artifacts(tarball: dist + "/" + tarball, deb: dist + "/" + deb)
    }

    struct PackagingError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func temporaryDirectory(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) async throws
        -> ChildProcess.Output
    {
        try await OwnThread.run { try ChildProcess.run(executable, arguments, environment: environment) }
    }

    /// Runs a command line in `directory` with nothing in its environment but a `PATH` without Swift.
    static func runMinimal(_ command: String, in directory: String) async throws -> ChildProcess.Output {
        try await run(
            "/bin/sh", ["-c", "cd \(TmuxSession.quote(directory)) && \(command)"],
            environment: ["PATH": "/usr/bin:/bin"])
    }

    /// The tarball extracted into a fresh folder; returns its top folder (`switchboard-VERSION-linux-ARCH`),
    /// which `removeExtracted` deletes.
    static func extractTarball() async throws -> String {
        let tarball = try await artifacts.value.tarball
        let directory = try temporaryDirectory("tarball")
        let extracted = try await run("/bin/tar", ["-C", directory, "-xzf", tarball])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        return directory + "/"
            + URL(fileURLWithPath: tarball).lastPathComponent.replacingOccurrences(
                of: ".tar.gz", with: "")
    }

    static func removeExtracted(_ top: String) {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: top).deletingLastPathComponent().path)
    }

    /// `ldd`'s lines for the libraries a Swift toolchain would provide, and those it cannot find.
    static func swiftOrMissingLibraries(of binary: String) async throws -> [String] {
        let ldd = try await run("/usr/bin/ldd", [binary])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        #expect(ldd.stdout.contains("libc.so"), "ldd lists the binary's libraries: \(ldd.stdout)")
        return ldd.stdout.split(separator: "\n").map(String.init).filter { line in
            line.contains("not found") || swiftLibraries.contains { line.contains($0) }
        }
    }

    @Test func theTarballsBinaryNeedsNoSwiftAndRunsFromTheExtractedFolder() async throws {
        let top = try await Self.extractTarball()
        defer { Self.removeExtracted(top) }
        let binary = top + "/bin/switchboard"
        #expect(try await Self.swiftOrMissingLibraries(of: binary) == [])

        let version = try await Self.runMinimal("./bin/switchboard --version", in: top)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(
            top.hasSuffix(
                "switchboard-\(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines))-linux-\(Self.machine())")
        )

        for expected in [
            "share/switchboard/themes/default.yaml", "share/switchboard/themes/light.yaml",
            "share/switchboard/rules/builtin.yml", "share/switchboard/demo/demo.yaml",
            "share/switchboard/demo/builtin.yml",
            "share/switchboard/examples/switchboard.yml", "share/switchboard/systemd/switchboard.service",
            "share/man/man1/switchboard.1", "share/bash-completion/completions/switchboard",
            "share/zsh/site-functions/_switchboard", "share/fish/vendor_completions.d/switchboard.fish",
            "share/doc/switchboard/README.md",
        ] {
            #expect(FileManager.default.fileExists(atPath: top + "/" + expected), "the tarball holds \(expected)")
        }
        let manual = try String(contentsOfFile: top + "/share/man/man1/switchboard.1", encoding: .utf8)
        #expect(manual.contains(".Nm switchboard") && manual.contains("serve"), "the man page covers the subcommands")
        let fish = try String(
            contentsOfFile: top + "/share/fish/vendor_completions.d/switchboard.fish", encoding: .utf8)
        #expect(fish.contains("complete -c 'switchboard'") && fish.contains("serve"))

        // The example service config is valid once its rule path points at this tree.
        let example = try String(contentsOfFile: top + "/share/switchboard/examples/switchboard.yml", encoding: .utf8)
        let config = top + "/switchboard.yml"
        try example.replacingOccurrences(of: "/usr/share/switchboard", with: top + "/share/switchboard")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let checked = try await Self.runMinimal("./bin/switchboard config check switchboard.yml", in: top)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    }

    @Test func theTarballsDemoServesAndStopsOnTerm() async throws {
        let top = try await Self.extractTarball()
        defer { Self.removeExtracted(top) }
        try await OwnThread.run {
            let demo = try ChildProcess.startPiped(
                "/bin/sh", ["-c", "cd \(TmuxSession.quote(top)) && exec ./bin/switchboard demo --servers-only"],
                environment: ["PATH": "/usr/bin:/bin"])
            defer { close(demo.output) }
            var stopped = false
            defer {
                if !stopped {
                    kill(demo.pid, SIGKILL)
                    var status: Int32 = 0
                    waitpid(demo.pid, &status, 0)
                }
            }
            // The exports come first, then the note that it serves.
            var printed = ""
            let deadline = Date().addingTimeInterval(120)
            while !printed.contains("# serving"), Date() < deadline {
                var ready = pollfd(fd: demo.output, events: Int16(POLLIN), revents: 0)
                guard Glibc.poll(&ready, 1, 200) >= 0 else { break }
                guard ready.revents != 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(demo.output, &buffer, buffer.count)
                guard count > 0 else { break }
                printed += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            #expect(printed.contains("# serving the demo systems"), "demo --servers-only printed: \(printed)")
            let urls = printed.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("export "), let value = line.split(separator: "=", maxSplits: 1).last else {
                    return nil
                }
                return value.hasPrefix("http://127.0.0.1:") ? String(value) : nil
            }
            let url = try #require(urls.first, "an http address among \(printed)")
            let answered = try Self.waitUntil(within: 60) {
                let curl = try ChildProcess.run(
                    "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", url])
                return curl.status == 0 && curl.stdout != "000"
            }
            #expect(answered, "a demo system answers on \(url)")

            kill(demo.pid, SIGTERM)
            var status: Int32 = 0
            let exited = Self.waitUntil(within: 60) { waitpid(demo.pid, &status, WNOHANG) == demo.pid }
            #expect(exited, "demo --servers-only exits on SIGTERM")
            stopped = exited
            if exited { #expect(status == 0, "and exits 0 (wait status \(status))") }
        }
    }

    @Test func theTarballsConsoleFindsItsDemoConfigAndThemesBesideTheBinary() async throws {
        try #require(TmuxSession.tmuxPath != nil, "tmux is installed (.ci/run installs it)")
        let top = try await Self.extractTarball()
        defer { Self.removeExtracted(top) }
        let state = try Self.temporaryDirectory("state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        // No build folder, no $SWITCHBOARD_THEMES: only the tree beside bin/ to find things in.
        let session = try TmuxSession(
            command:
                "cd \(TmuxSession.quote(top)) && env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME=\(TmuxSession.quote(state)) ./bin/switchboard demo --theme light --state-dir \(TmuxSession.quote(state))",
            width: 100, height: 30)
        try await OwnThread.run {
            let screen = try session.waitFor("the demo's console") { screen in
                (screen.contains { $0.contains("SYSTEMS") } && screen.contains { $0.contains("NEEDS ATTENTION") })
                    || screen.contains { $0.contains("[exit=") }
            }
            #expect(!screen.contains { $0.contains("[exit=") }, "the console runs: \(screen.joined(separator: "\n"))")
            try session.send("q")
            let left = try session.waitFor("the console to quit") { screen in
                screen.contains { $0.contains("[exit=") }
            }
            #expect(left.contains { $0.contains("[exit=0]") }, "\(left.joined(separator: "\n"))")
        }
    }

    @Test func theDebHoldsTheTreeAndItsBinaryRuns() async throws {
        let deb = try await Self.artifacts.value.deb
        let info = try await Self.run("/usr/bin/dpkg-deb", ["--info", deb])
        #expect(info.status == 0, "\(info.stderr)")
        let architecture = try await Self.run("/usr/bin/dpkg", ["--print-architecture"])
        for field in [
            "Package: switchboard",
            "Architecture: \(architecture.stdout.trimmingCharacters(in: .whitespacesAndNewlines))",
            "Section: admin", "Priority: optional", "Maintainer: ", "Description: ", "conffiles",
        ] {
            #expect(info.stdout.contains(field), "dpkg-deb --info shows \(field):\n\(info.stdout)")
        }
        let depends = info.stdout.split(separator: "\n").first { $0.hasPrefix(" Depends: ") } ?? ""
        for library in ["libc6", "libncursesw6", "libsqlite3-0"] {
            #expect(depends.contains(library), "Depends names \(library): \(depends)")
        }
        #expect(!depends.contains("swift"), "and no Swift toolchain: \(depends)")

        let contents = try await Self.run("/usr/bin/dpkg-deb", ["-c", deb])
        #expect(contents.status == 0, "\(contents.stderr)")
        for path in [
            "./usr/bin/switchboard", "./usr/share/switchboard/themes/default.yaml",
            "./usr/share/switchboard/rules/builtin.yml", "./usr/share/switchboard/demo/demo.yaml",
            "./lib/systemd/system/switchboard.service", "./etc/switchboard/switchboard.yml",
            "./usr/share/man/man1/switchboard.1.gz", "./usr/share/bash-completion/completions/switchboard",
            "./usr/share/zsh/vendor-completions/_switchboard", "./usr/share/fish/vendor_completions.d/switchboard.fish",
            "./usr/share/doc/switchboard/copyright",
        ] {
            #expect(contents.stdout.contains(" \(path)\n"), "the .deb holds \(path)")
        }
        #expect(!contents.stdout.contains("Switchboard_"), "no SwiftPM resource bundle: the tree is under /usr/share")
        let owners = contents.stdout.split(separator: "\n").filter { !$0.contains(" root/root ") }
        #expect(owners.isEmpty, "every file belongs to root: \(owners)")

        let root = try Self.temporaryDirectory("deb")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let extracted = try await Self.run("/usr/bin/dpkg-deb", ["-x", deb, root])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let conffiles = try await Self.run("/usr/bin/dpkg-deb", ["--info", deb, "conffiles"])
        #expect(conffiles.stdout == "/etc/switchboard/switchboard.yml\n", "\(conffiles.stdout)\(conffiles.stderr)")
        #expect(try await Self.swiftOrMissingLibraries(of: root + "/usr/bin/switchboard") == [])
        let version = try await Self.runMinimal("./usr/bin/switchboard --version", in: root)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(info.stdout.contains("Version: \(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines))"))
    }

    @Test func theSystemdUnitVerifies() async throws {
        let verifier = "/usr/bin/systemd-analyze"
        try #require(
            FileManager.default.isExecutableFile(atPath: verifier),
            "systemd-analyze is installed (.ci/run installs systemd)")
        let top = try await Self.extractTarball()
        defer { Self.removeExtracted(top) }
        // The unit as the .deb installs it, its ExecStart pointed at this tree's binary.
        let unit = try String(contentsOfFile: top + "/share/switchboard/systemd/switchboard.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/switchboard serve --config /etc/switchboard/switchboard.yml"))
        for hardening in [
            "DynamicUser=yes", "StateDirectory=switchboard", "ProtectSystem=strict", "ProtectHome=yes",
            "NoNewPrivileges=yes", "PrivateTmp=yes", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
            "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure",
        ] {
            #expect(unit.contains("\n\(hardening)\n"), "the unit sets \(hardening)")
        }
        let directory = try Self.temporaryDirectory("unit")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let copy = directory + "/switchboard.service"
        try unit.replacingOccurrences(of: "/usr/bin/switchboard", with: top + "/bin/switchboard")
            .write(toFile: copy, atomically: true, encoding: .utf8)
        let verified = try await Self.run(verifier, ["verify", "--man=no", copy])
        #expect(verified.status == 0 && verified.stderr.isEmpty, "systemd-analyze verify: \(verified.stderr)")
    }

    static func machine() -> String {
        var name = utsname()
        uname(&name)
        return withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Polls `condition` every 200 ms for at most `seconds`; whether it came to hold.
    static func waitUntil(within seconds: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while try !condition() {
            guard Date() < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return true
    }
}
