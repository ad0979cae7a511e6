import Foundation
import SwitchboardCore

extension MonitorEngine {
    /// How often the `health.conditions` are evaluated over the store.
    static let conditionInterval: Duration = .seconds(15)

    /// Evaluates the conditions now and every `conditionInterval` until the task is cancelled.
    func runConditions() async {
        repeat {
            evaluateConditions(now: Date())
        } while (try? await Task.sleep(for: Self.conditionInterval)) != nil
    }

    /// Evaluates every condition over the store at `now` (tests pass their own clock's time) and
    /// publishes a snapshot when an outcome moved.
    public func evaluateConditions(now: Date) {
        let outcomes = conditions.evaluate(over: store, at: now)
        let moved = state.withLock { state in
            var moved = false
            for (owner, outcome) in outcomes where state.knowledge.conditions[owner] != outcome {
                state.knowledge.conditions[owner] = outcome
                moved = true
                if case .interface(let id) = owner { state.conditionsChanged.insert(id) }
            }
            return moved
        }
        if moved { publish() }
    }
}
