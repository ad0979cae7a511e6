import Foundation

/// A consumer group of the simulated broker, with the topic it reads and its partitions.
struct ConsumerGroup: Sendable, Equatable {
    var name: String
    var topic: String
    var partitions: Int
    /// Messages per second written to each partition.
    var rate: Int

    static let all: [ConsumerGroup] = [
        ConsumerGroup(name: "crm-order-events", topic: "erp.orders.v1", partitions: 3, rate: 12),
        ConsumerGroup(name: "mes-production-orders", topic: "erp.production-orders.v1", partitions: 2, rate: 4),
        ConsumerGroup(name: "erp-shipment-events", topic: "wms.shipments.v1", partitions: 2, rate: 7),
    ]

    /// Lag of one partition `seconds` after the start: a small drifting value, climbing by
    /// hundreds of messages a second while `spike` (seconds into a lag episode) is set.
    func lag(partition: Int, seconds: Double, spike: Double?, seed: UInt64) -> Int {
        let phase = Double(partition) * 1.7 + Double(name.utf8.count)
        let drift = 20 * (1 + sin(seconds / 23 + phase))
        let noise = 15 * SplitMix64.unitNoise(seed, UInt64(name.utf8.count), UInt64(partition), UInt64(seconds))
        let base = 3 + Int(drift + noise)
        guard let spike else { return base }
        return base + 600 + Int(spike * 240)
    }
}
