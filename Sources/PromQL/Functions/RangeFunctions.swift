import Foundation

/// The functions over a range vector: each turns one series' points in a window into one value, or none.
enum RangeFunctions {
    /// The window a series' points were taken from, for the functions that extrapolate to its edges.
    struct Window {
        var start: Int64
        var end: Int64
        var seconds: Double { Double(end - start) / 1000 }
    }

    static func value(of name: String, _ points: [SamplePoint], window: Window, parameter: Double) -> Double? {
        guard !points.isEmpty else { return nil }
        switch name {
        case "rate": return extrapolatedRate(points, window: window, isCounter: true, isRate: true)
        case "increase": return extrapolatedRate(points, window: window, isCounter: true, isRate: false)
        case "delta": return extrapolatedRate(points, window: window, isCounter: false, isRate: false)
        case "irate": return instantValue(points, isRate: true)
        case "idelta": return instantValue(points, isRate: false)
        case "deriv":
            guard points.count >= 2 else { return nil }
            return linearRegression(points, interceptTime: points[0].timestampMilliseconds).slope
        case "predict_linear":
            guard points.count >= 2 else { return nil }
            let (slope, intercept) = linearRegression(points, interceptTime: window.end)
            return slope * parameter + intercept
        case "changes":
            return Double(
                zip(points, points.dropFirst()).count { $0.value != $1.value && !($0.value.isNaN && $1.value.isNaN) })
        case "resets":
            return Double(zip(points, points.dropFirst()).count { $1.value < $0.value })
        case "avg_over_time":
            var mean = MeanAccumulator()
            for point in points { mean.add(point.value) }
            return mean.value
        case "sum_over_time":
            var sum = KahanSum()
            for point in points { sum.add(point.value) }
            return sum.value
        case "min_over_time":
            return points.dropFirst().reduce(points[0].value) { $1.value < $0 || $0.isNaN ? $1.value : $0 }
        case "max_over_time":
            return points.dropFirst().reduce(points[0].value) { $1.value > $0 || $0.isNaN ? $1.value : $0 }
        case "count_over_time": return Double(points.count)
        case "last_over_time": return points[points.count - 1].value
        case "present_over_time": return 1
        case "quantile_over_time": return EvaluationRun.quantile(parameter, points.map(\.value))
        case "stddev_over_time", "stdvar_over_time":
            var variance = VarianceAccumulator()
            for point in points { variance.add(point.value) }
            return name == "stddev_over_time" ? variance.variance.squareRoot() : variance.variance
        default: return nil
        }
    }

    /// rate, increase and delta: the change over the points, extrapolated towards the window's edges.
    static func extrapolatedRate(_ points: [SamplePoint], window: Window, isCounter: Bool, isRate: Bool) -> Double? {
        guard points.count >= 2 else { return nil }
        let first = points[0]
        let last = points[points.count - 1]
        var result = last.value - first.value
        if isCounter {
            var previous = first.value
            for point in points.dropFirst() {
                if point.value < previous { result += previous }
                previous = point.value
            }
        }
        var durationToStart = Double(first.timestampMilliseconds - window.start) / 1000
        var durationToEnd = Double(window.end - last.timestampMilliseconds) / 1000
        let sampledInterval = Double(last.timestampMilliseconds - first.timestampMilliseconds) / 1000
        let averageInterval = sampledInterval / Double(points.count - 1)
        let threshold = averageInterval * 1.1
        if durationToStart >= threshold { durationToStart = averageInterval / 2 }
        if isCounter && result > 0 && first.value >= 0 {
            // A counter does not go below zero: stop extrapolating where it would reach zero.
            let durationToZero = sampledInterval * (first.value / result)
            if durationToZero < durationToStart { durationToStart = durationToZero }
        }
        if durationToEnd >= threshold { durationToEnd = averageInterval / 2 }
        var factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval
        if isRate { factor /= window.seconds }
        return result * factor
    }

    /// irate and idelta: from the last two points.
    static func instantValue(_ points: [SamplePoint], isRate: Bool) -> Double? {
        guard points.count >= 2 else { return nil }
        let last = points[points.count - 1]
        let previous = points[points.count - 2]
        var result = isRate && last.value < previous.value ? last.value : last.value - previous.value
        let interval = last.timestampMilliseconds - previous.timestampMilliseconds
        guard interval != 0 else { return nil }
        if isRate { result /= Double(interval) / 1000 }
        return result
    }

    /// Least-squares slope and intercept (at `interceptTime`), x in seconds, on compensated sums.
    static func linearRegression(_ points: [SamplePoint], interceptTime: Int64) -> (slope: Double, intercept: Double) {
        var n = 0.0
        var sumX = KahanSum()
        var sumY = KahanSum()
        var sumXY = KahanSum()
        var sumX2 = KahanSum()
        let initial = points[0].value
        var constant = true
        for (index, point) in points.enumerated() {
            if constant && index > 0 && point.value != initial { constant = false }
            n += 1
            let x = Double(point.timestampMilliseconds - interceptTime) / 1000
            sumX.add(x)
            sumY.add(point.value)
            sumXY.add(x * point.value)
            sumX2.add(x * x)
        }
        if constant {
            return initial.isInfinite ? (.nan, .nan) : (0, initial)
        }
        let (x, y, xy, x2) = (sumX.value, sumY.value, sumXY.value, sumX2.value)
        let covariance = xy - x * y / n
        let variance = x2 - x * x / n
        let slope = covariance / variance
        return (slope, y / n - slope * x / n)
    }
}
