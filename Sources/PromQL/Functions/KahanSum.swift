/// Neumaier's compensated sum, as Prometheus adds floats: the running sum and its lost low-order part.
struct KahanSum {
    var sum: Double = 0
    var compensation: Double = 0

    init(_ first: Double = 0) {
        sum = first
    }

    mutating func add(_ value: Double) {
        (sum, compensation) = Self.increment(value, sum, compensation)
    }

    var value: Double { sum + compensation }

    static func increment(_ value: Double, _ sum: Double, _ compensation: Double) -> (Double, Double) {
        let total = sum + value
        var c = compensation
        if total.isInfinite {
            c = 0
        } else if abs(sum) >= abs(value) {
            c += (sum - total) + value
        } else {
            c += (value - total) + sum
        }
        return (total, c)
    }
}

/// The mean of floats as Prometheus' avg and avg_over_time compute it: a compensated sum divided at
/// the end, switching to an incremental mean when the sum would overflow.
struct MeanAccumulator {
    private var sum = 0.0
    private var compensation = 0.0
    private var mean = 0.0
    private var count = 0.0
    private var incremental = false

    mutating func add(_ value: Double) {
        count += 1
        if count == 1 {
            sum = value
            return
        }
        if !incremental {
            let (newSum, newCompensation) = KahanSum.increment(value, sum, compensation)
            if !newSum.isInfinite {
                (sum, compensation) = (newSum, newCompensation)
                return
            }
            incremental = true
            mean = sum / (count - 1)
            compensation /= count - 1
        }
        let q = (count - 1) / count
        (mean, compensation) = KahanSum.increment(value / count, q * mean, q * compensation)
    }

    var value: Double {
        incremental ? mean + compensation : (sum + compensation) / count
    }
}

/// Population variance with Welford's method on compensated sums, as Prometheus computes stdvar.
struct VarianceAccumulator {
    private var count = 0.0
    private var mean = KahanSum()
    private var aux = KahanSum()

    mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean.value
        mean.add(delta / count)
        aux.add(delta * (value - mean.value))
    }

    var variance: Double { aux.value / count }
}
