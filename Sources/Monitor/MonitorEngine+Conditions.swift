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

    /// Evaluates every condition over the store at `now` (tests pass their own clock's time),
    /// records the outcomes in the history and publishes a snapshot when an outcome moved.
    public func evaluateConditions(now: Date) {
        let outcomes = conditions.evaluate(over: store, at: now)
        history?.record(
            conditions: Dictionary(
                outcomes.map { (ConditionBucket.owner($0.key), $0.value.state) },
                uniquingKeysWith: { first, _ in first }),
            at: now)
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

    /// Every condition of the landscape on its own at `now`, over what the store holds: what
    /// `switchboard check` prints after its one run of every check.
    public func conditionReports(now: Date) -> [ConditionReport] {
        let destinations = Dictionary(
            landscape.interfaces.map { ($0.id, $0.to) }, uniquingKeysWith: { first, _ in first })
        return conditions.reports(over: store, at: now).map { owner, condition, verdict in
            switch owner {
            case .interface(let id):
                ConditionReport(
                    interface: id, system: destinations[id] ?? "", condition: condition, verdict: verdict,
                    evaluatedAt: now)
            case .system(let id):
                ConditionReport(interface: nil, system: id, condition: condition, verdict: verdict, evaluatedAt: now)
            }
        }
    }
}
