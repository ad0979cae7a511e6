import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the UI loop checks, so the terminal is always
/// restored before the program ends.
///
/// The signals are ignored first (`SIG_IGN`), which also keeps ncurses from installing its own
/// handlers (it only does where a signal is still at its default), and delivered through
/// dispatch sources instead of running code inside a signal handler.
final class SignalWatcher: @unchecked Sendable {
    static let consoleSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let lock = NSLock()
    private var first: Int32?
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]

    init(signals: [Int32] = SignalWatcher.consoleSignals) {
        self.signals = signals
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.record(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    var received: Int32? {
        lock.withLock { first }
    }

    func record(_ number: Int32) {
        lock.withLock {
            if first == nil { first = number }
        }
    }

    /// Stops watching and gives the signals their default behaviour back.
    func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in signals { signal(number, SIG_DFL) }
    }
}
