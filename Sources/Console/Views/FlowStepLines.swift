import Foundation
import SwitchboardCore

/// Under a flow check in the interface detail: each step of its newest run, with the key it
/// followed, when the step started, how long it took, how many requests it sent and its last answer.
enum FlowStepLines {
    typealias Part = InterfaceDetailView.Part

    static func lines(_ report: FlowRunReport?, timeZone: TimeZone, glyphs: Glyphs) -> [[Part]] {
        guard let report else { return [] }
        let key = TerminalText.clean(report.key ?? "no key")
        return report.steps.map { step in
            let requests = step.step == "start" ? "" : step.attempts == 1 ? "1 poll" : "\(step.attempts) polls"
            return [
                ("      \(step.ok ? glyphs.ok : glyphs.down) ", step.ok ? .ok : .down),
                (pad(TerminalText.clean(step.step), 8), .normal),
                (key + "  ", .normal),
                (Formatting.clock(step.startedAt, timeZone: timeZone) + "  ", .muted),
                (pad(Formatting.latency(step.durationSeconds), 8), .normal),
                (pad(requests, 10), .muted),
                (TerminalText.clean(step.reason), step.ok ? .muted : .down),
                ("  \(TerminalText.clean(step.url))", .muted),
            ]
        }
    }

    /// `text` followed by spaces to `width` columns, and at least two.
    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(2, width - text.count))
    }
}
