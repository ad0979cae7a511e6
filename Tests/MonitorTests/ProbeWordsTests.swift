import AsyncHTTPClient
import NIOCore
import SwitchboardCore
import Testing

@testable import Monitor

/// One wording for a probe's timeouts and oversized bodies, naming the limit that was hit.
@Suite struct ProbeWordsTests {
    @Test func sizesReadInBinaryUnitsWithOneDecimal() {
        #expect(ProbeWords.bytes(900) == "900 B")
        #expect(ProbeWords.bytes(64 << 10) == "64 KiB")
        #expect(ProbeWords.bytes(1 << 20) == "1 MiB")
        #expect(ProbeWords.bytes(1_300_000) == "1.2 MiB", "tenths rounded down: never more than read")
        #expect(ProbeWords.bytes(32 << 20) == "32 MiB")
    }

    @Test func everyTimeoutNamesItsLimit() {
        let timeout = Duration.seconds(2)
        #expect(ProbeError.classify(HTTPClientError.readTimeout, timeout: timeout).1 == "no answer within 2s")
        #expect(
            ProbeError.classify(ChannelError.connectTimeout(.seconds(2)), timeout: timeout)
                == (.timeout, "no connection within 2s"))
        #expect(
            ProbeError.classify(NIOTooManyBytesError(maxBytes: 1 << 20), timeout: timeout)
                == (.bodyTooLarge, "body larger than the 1 MiB limit (read more than 1 MiB)"))
    }
}
