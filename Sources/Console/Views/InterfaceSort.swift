import Foundation
import SwitchboardCore

/// How the interfaces table is ordered: by a column, `s` moving to the next, `S` reversing.
struct InterfaceSort: Sendable, Equatable {
    /// The columns a table can be sorted by, in the order `s` visits them.
    enum Key: String, Sendable, CaseIterable {
        case state, name, route, proto, availability, p95, errors, checked

        /// The table column this key sorts, to mark it in the header.
        var column: Int {
            switch self {
            case .state: 0
            case .name: 1
            case .route: 2
            case .proto: 3
            case .availability: 4
            case .p95: 5
            case .errors: 7
            case .checked: 8
            }
        }
    }

    var key: Key = .state
    var reversed = false

    mutating func next() {
        let all = Key.allCases
        key = all[(all.firstIndex(of: key)! + 1) % all.count]
        reversed = false
    }

    /// The interfaces in this order; ties go by state, then name, so the order is stable. Names and
    /// routes are in natural order (`NaturalSortKey`), their keys worked out once per row.
    func apply(_ interfaces: [InterfaceStatus], systemNames: [String: String]) -> [InterfaceStatus] {
        let names = interfaces.map { NaturalSortKey($0.name) }
        let routes =
            key == .route
            ? interfaces.map {
                NaturalSortKey((systemNames[$0.from] ?? $0.from) + " " + (systemNames[$0.to] ?? $0.to))
            } : []
        func primary(_ i: Int, _ j: Int) -> ComparisonResult {
            let (a, b) = (interfaces[i], interfaces[j])
            return switch key {
            case .state: compare(a.state, b.state, descending: true)
            case .name: names[i].compare(names[j])
            case .route: routes[i].compare(routes[j])
            case .proto: compare(a.kind.rawValue, b.kind.rawValue)
            case .availability: compareOptional(a.stats.availability1h, b.stats.availability1h, descending: false)
            case .p95: compareOptional(a.stats.latencyP95, b.stats.latencyP95, descending: true)
            case .errors: compareOptional(a.stats.errorRate, b.stats.errorRate, descending: true)
            case .checked: compareOptional(a.lastCheck, b.lastCheck, descending: true)
            }
        }
        let order = interfaces.indices.sorted { i, j in
            var order = primary(i, j)
            if reversed {
                order =
                    order == .orderedAscending
                    ? .orderedDescending : order == .orderedDescending ? .orderedAscending : order
            }
            if order != .orderedSame { return order == .orderedAscending }
            let (a, b) = (interfaces[i].state, interfaces[j].state)
            if a != b { return a > b }
            return names[i] < names[j]
        }
        return order.map { interfaces[$0] }
    }

    private func compare<T: Comparable>(_ a: T, _ b: T, descending: Bool = false) -> ComparisonResult {
        if a == b { return .orderedSame }
        return (a < b) != descending ? .orderedAscending : .orderedDescending
    }

    /// Missing values go last whichever way the column is sorted.
    private func compareOptional<T: Comparable>(_ a: T?, _ b: T?, descending: Bool) -> ComparisonResult {
        switch (a, b) {
        case (nil, nil): .orderedSame
        case (nil, _): reversed ? .orderedAscending : .orderedDescending
        case (_, nil): reversed ? .orderedDescending : .orderedAscending
        case (let a?, let b?): compare(a, b, descending: descending)
        }
    }
}
