import Foundation
import X509

/// What a monitor says about a presented certificate chain: when it expires first, and whose it is.
struct CertificateChainSummary: Sendable {
    /// The earliest `notAfter` of the chain (what `probe_ssl_earliest_cert_expiry` reports).
    var earliestExpiry: Date
    /// The leaf's subject and issuer, shortened to their common name where they have one.
    var subject: String
    var issuer: String

    init?(chain: [Certificate]) {
        guard let leaf = chain.first, let earliest = chain.map(\.notValidAfter).min() else { return nil }
        earliestExpiry = earliest
        subject = Self.shortName(leaf.subject)
        issuer = Self.shortName(leaf.issuer)
    }

    /// Whole days from `now` until the earliest expiry; negative once expired.
    func daysLeft(at now: Date) -> Int {
        Int((earliestExpiry.timeIntervalSince(now) / 86_400).rounded(.down))
    }

    /// `certificate valid 87 days (until 2027-02-17), CN=erp.example, issuer CN=Acme CA`.
    func validity(at now: Date) -> String {
        "certificate valid \(daysLeft(at: now)) days (until \(Self.day(earliestExpiry))), \(subject), issuer \(issuer)"
    }

    /// `probe_ssl_earliest_cert_expiry`, in seconds since 1970 as blackbox_exporter reports it.
    var expirySample: Sample {
        Sample("probe_ssl_earliest_cert_expiry", [:], earliestExpiry.timeIntervalSince1970.rounded(.down))
    }

    /// `CN=…` when the name has a common name, else the whole distinguished name.
    static func shortName(_ name: DistinguishedName) -> String {
        let attributes = name.flatMap { $0 }.map { String(describing: $0) }
        return attributes.first { $0.hasPrefix("CN=") } ?? String(describing: name)
    }

    /// The calendar day in UTC, `2027-02-17`.
    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
    }
}
