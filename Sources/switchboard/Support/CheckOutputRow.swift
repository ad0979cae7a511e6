import Monitor

/// One row of `switchboard check --format json`: a check's result or a health condition's verdict.
enum CheckOutputRow: Encodable {
    case check(CheckReport)
    case condition(ConditionReport)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .check(let report): try report.encode(to: encoder)
        case .condition(let report): try report.encode(to: encoder)
        }
    }
}
