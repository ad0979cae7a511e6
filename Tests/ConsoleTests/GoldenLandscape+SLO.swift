import SwitchboardCore

/// The SLOs of the golden landscape: customer sync burns its budget fast (a paging pair over its
/// factor, its budget trail sliding for weeks, then falling through zero in the last day), payment
/// postings slowly (a ticket pair); the other interfaces have none.
extension GoldenLandscape {
    static let slo: [String: SLOStatus] = [
        "customers-crm-erp": status(
            sli: 0.9921, left: -0.58, rates: [(40, 160), (9.1, 30), (3.2, 4), (1.1, 2)],
            trail: customersTrail),
        "payments-pay-erp": status(sli: 0.9978, left: 0.56, rates: [(2.1, 0), (1.4, 0.8), (3.6, 3.3), (1.2, 1.6)]),
    ]

    /// 28 days in 6-hour steps: a slow leak for 17 days, faster for 8, then 111% gone in the last two days.
    private static let customersTrail: [Double] = (0..<112).map { (step: Int) -> Double in
        let at = Double(step)
        if step < 70 { return 1 - at * 0.002 }
        if step < 104 { return 0.86 - (at - 70) * 0.01 }
        return 0.53 - (at - 103) * 0.13875
    }

    private static func status(
        sli: Double, left: Double, rates: [(Double, Double)], trail: [Double]? = nil
    ) -> SLOStatus {
        SLOStatus(
            objective: 0.995, windowSeconds: 28 * 86_400, sli: sli, budgetRemaining: left,
            pairs: zip(SLOBurnPair.workbook, rates).map { pair, rate in
                var pair = pair
                pair.longRate = rate.0
                pair.shortRate = rate.1
                return pair
            }, budgetTrail: trail)
    }
}
