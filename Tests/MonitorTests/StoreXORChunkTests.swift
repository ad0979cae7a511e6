import PromQL
import Testing

@testable import Monitor

extension StoreTests {
    @Suite struct XORChunkEncoding {
        static func encode(_ points: [SamplePoint]) -> XORChunk {
            var appender = XORChunkAppender()
            for point in points { appender.append(point.timestampMilliseconds, point.value) }
            return appender.chunk
        }

        /// Values a chunk must keep bit for bit, the awkward ones included.
        static let specialValues: [Double] = [
            0, -0.0, 1, -1, .nan, -.nan, Double(bitPattern: 0x7FF8_0000_0000_0001), .staleMarker, .infinity,
            -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
            .leastNormalMagnitude, 0.1, 1e300, 123_456_789,
        ]

        static func randomValue(using generator: inout SeededGenerator) -> Double {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: specialValues.randomElement(using: &generator)!
            case 1: Double(bitPattern: generator.next())  // any bits, NaN payloads included
            case 2: Double(Int.random(in: 0...1, using: &generator))
            case 3: Double.random(in: 0.001...2, using: &generator)
            default: Double(Int.random(in: 0...1_000_000, using: &generator))
            }
        }

        static func randomStep(using generator: inout SeededGenerator) -> Int64 {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: 0  // equal timestamps
            case 1: 10_000
            case 2: 10_000 + Int64.random(in: -70...70, using: &generator)
            case 3: Int64.random(in: -9000...9000, using: &generator)  // backwards too
            case 4: Int64.random(in: -600_000...600_000, using: &generator)
            default: Int64.random(in: .min / 4 ... .max / 4, using: &generator)  // gaps of any size
            }
        }

        @Test(arguments: 0..<40 as Range<UInt64>)
        func randomSeriesRoundTripBitForBit(seed: UInt64) {
            var generator = SeededGenerator(seed: seed)
            var time = Int64.random(in: .min / 2 ... .max / 2, using: &generator)
            let count = Int.random(in: 1...300, using: &generator)
            var points: [SamplePoint] = []
            for _ in 0..<count {
                points.append(SamplePoint(time, Self.randomValue(using: &generator)))
                time &+= Self.randomStep(using: &generator)
            }
            let decoded = Self.encode(points).points()
            #expect(decoded.count == points.count)
            let mismatch = zip(decoded, points).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(mismatch == nil, "sample \(mismatch?.offset ?? -1): \(String(describing: mismatch?.element))")
        }

        @Test func extremeTimestampsAndEveryBucketBoundaryRoundTrip() {
            let steps: [Int64] = [0, 63, 64, 65, -62, -63, -64, 8192, 8193, -8191, -8192, 524_288, 524_289, -524_287]
            var time: Int64 = 1_700_000_000_000
            var points = [SamplePoint(time, 1)]
            var delta: Int64 = 10_000
            for step in steps + steps.reversed() {
                delta += step
                time += delta
                points.append(SamplePoint(time, 1))
            }
            points += [SamplePoint(.max, 0), SamplePoint(.min, -0.0), SamplePoint(0, .staleMarker)]
            #expect(Self.encode(points).points() == points)
        }

        @Test func specialValuesKeepTheirBitsIncludingTheStaleMarker() {
            let points = Self.specialValues.enumerated().map { SamplePoint(Int64($0.offset) * 1000, $0.element) }
            let decoded = Self.encode(points).points()
            #expect(decoded.map(\.value.bitPattern) == points.map(\.value.bitPattern))
            #expect(decoded.filter(\.isStale).count == 1)
        }

        @Test func aSingleSampleRoundTrips() {
            #expect(Self.encode([SamplePoint(-5, .nan)]).points() == [SamplePoint(-5, .nan)])
        }

        @Test func theHeadChunkCanBeReadBetweenAppends() {
            var appender = XORChunkAppender()
            var expected: [SamplePoint] = []
            for index in 0..<50 {
                let point = SamplePoint(Int64(index) * 10_000, Double(index % 3))
                appender.append(point.timestampMilliseconds, point.value)
                expected.append(point)
                #expect(appender.chunk.points() == expected)
            }
        }

        @Test func truncatedBytesEndTheIterationWithoutTrapping() {
            let points = (0..<120).map { SamplePoint(Int64($0) * 10_000 + Int64($0 % 7), Double($0) * 0.37) }
            let chunk = Self.encode(points)
            for length in [0, 1, 5, 9, chunk.bytes.count / 2, chunk.bytes.count - 1] {
                let cut = XORChunk(
                    bytes: Array(chunk.bytes.prefix(length)), count: chunk.count, minTime: chunk.minTime,
                    maxTime: chunk.maxTime)
                let decoded = cut.points()
                #expect(decoded.count < points.count)
                #expect(decoded == Array(points.prefix(decoded.count)))
            }
        }

        @Test func aRegularZeroOneSeriesTakesAboutTwoBitsPerSample() {
            let points = (0..<120).map { SamplePoint(1_700_000_000_000 + Int64($0) * 10_000, $0 < 60 ? 1 : 0) }
            // Header (6-byte varint + 8-byte value + first delta) plus 1 bit of time and 1 of value each.
            #expect(Self.encode(points).bytes.count <= 20 + 120 * 2 / 8 + 2)
        }

        @Test func appendPointsKeepsOnlyTheWindow() {
            let chunk = Self.encode((0..<10).map { SamplePoint(Int64($0) * 10, Double($0)) })
            var window: [SamplePoint] = []
            chunk.appendPoints(from: 25, through: 60, to: &window)
            #expect(window.map(\.timestampMilliseconds) == [30, 40, 50, 60])
            var none: [SamplePoint] = []
            chunk.appendPoints(from: 100, through: 200, to: &none)
            #expect(none.isEmpty)
        }
    }
}

@Suite struct SealedChunksTests {
    static func chunk(_ first: Int64, count: Int) -> XORChunk {
        var appender = XORChunkAppender()
        for index in 0..<Int64(count) { appender.append(first + index * 1000, Double(index) * 0.5) }
        return appender.seal()
    }

    @Test func chunksComeBackInOrderWithTheirSamples() {
        var sealed = SealedChunks()
        let chunks = [Self.chunk(0, count: 3), Self.chunk(10_000, count: 5), Self.chunk(20_000, count: 1)]
        for chunk in chunks { #expect(sealed.append(chunk, droppingBefore: .min) == 0) }
        #expect(sealed.chunks.map { $0.points() } == chunks.map { $0.points() })
        #expect(sealed.chunks.map(\.count) == [3, 5, 1])
        #expect(sealed.minTime == 0)
        #expect(sealed.bytes.count == chunks.reduce(0) { $0 + SealedChunks.headerSize + $1.bytes.count })
    }

    @Test func droppingKeepsTheChunksWithASampleAtOrAfterTheCutoff() {
        var sealed = SealedChunks()
        for first in [0, 10_000, 20_000] as [Int64] {
            _ = sealed.append(Self.chunk(first, count: 3), droppingBefore: .min)
        }
        #expect(sealed.drop(before: 12_000) == 3, "the first chunk ends at 2,000")
        #expect(sealed.chunks.map(\.minTime) == [10_000, 20_000])
        #expect(sealed.append(Self.chunk(30_000, count: 2), droppingBefore: 12_001) == 3)
        #expect(sealed.chunks.map(\.minTime) == [20_000, 30_000])
        #expect(sealed.drop(before: .max) == 5)
        #expect(sealed.isEmpty && sealed.chunks.isEmpty && sealed.minTime == nil)
    }
}
