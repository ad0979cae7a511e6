import Foundation
import Testing

@testable import Console

/// Natural order from keys worked out once per name, as `localizedStandardCompare` orders.
@Suite struct NaturalSortKeyTests {
    func sorted(_ names: [String]) -> [String] {
        names.map { ($0, NaturalSortKey($0)) }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    @Test func numbersGoByTheirValue() {
        #expect(
            sorted(["interface 10", "interface 2", "interface 1", "interface 100"]) == [
                "interface 1", "interface 2", "interface 10", "interface 100",
            ])
        #expect(sorted(["v1.10", "v1.2.10", "v1.2.9"]) == ["v1.2.9", "v1.2.10", "v1.10"])
    }

    @Test func caseWidthAndAccentsWaitUntilTheLettersAreEqual() {
        #expect(sorted(["beta", "Alpha", "alpha 2"]) == ["Alpha", "alpha 2", "beta"])
        #expect(sorted(["A", "a"]) == ["a", "A"], "equal but for case: lower case first")
        #expect(sorted(["f", "é", "e"]) == ["e", "é", "f"])
        #expect(sorted(["Zed", "ｚｅｄ", "zea"]) == ["zea", "ｚｅｄ", "Zed"], "full width letters are letters")
        #expect(sorted(["x 09", "x 9", "X 9"]) == ["x 9", "x 09", "X 9"], "case before leading zeros")
    }

    @Test func spacesComeBeforePunctuationBeforeNumbersBeforeLetters() {
        #expect(
            sorted(["orders9", "orders.9", "orders-9", "orders_9", "orders 9", "ordersa"]) == [
                "orders 9", "orders_9", "orders-9", "orders.9", "orders9", "ordersa",
            ])
    }

    @Test func theOrderIsTotalAndConsistent() {
        let a = NaturalSortKey("Orders 01")
        let b = NaturalSortKey("orders 1")
        #expect(a.compare(b) == .orderedDescending && b.compare(a) == .orderedAscending)
        #expect(NaturalSortKey("same").compare(NaturalSortKey("same")) == .orderedSame)
        #expect(NaturalSortKey("") < NaturalSortKey("0"))
    }

    /// Names of the kinds a landscape has, in every pair: the keys agree with `localizedStandardCompare`.
    static let landscapeNames = [
        "ERP (財務)", "erp", "ERP 1", "erp 01", "Orders sync 2", "orders sync 10", "orders-sync", "orders_sync",
        "orders.sync", "Éclair feed", "eclair feed", "interface 100 orders", "interface 20 orders", "财务系统 3",
        "財務", "CRM → ERP", "crm/erp", "SAP-PI #4", "sap pi 4", "hr@payroll", "a", "A", "", "0", "00", "1", "01",
        "Straße 2", "strasse 10", "ω feed", "Ärger", "arg",
    ]

    @Test func keysAgreeWithLocalizedStandardCompare() {
        for a in Self.landscapeNames {
            for b in Self.landscapeNames {
                #expect(NaturalSortKey(a).compare(NaturalSortKey(b)) == a.localizedStandardCompare(b), "\(a) / \(b)")
            }
        }
    }
}
