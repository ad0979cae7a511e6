import Foundation
import SwitchboardCore

/// Where command tasks leave their outcomes for the UI loop to pick up.
final class CommandMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [CommandOutcome] = []

    func post(_ outcome: CommandOutcome) {
        lock.withLock { outcomes.append(outcome) }
    }

    /// No outcome waits to be taken.
    var isEmpty: Bool { lock.withLock { outcomes.isEmpty } }

    /// The outcomes posted since the last call, oldest first.
    func takeAll() -> [CommandOutcome] {
        lock.withLock {
            defer { outcomes.removeAll() }
            return outcomes
        }
    }
}
