import Foundation

/// What `GET /api/v2/status` answers (`alertmanagerStatus`): Grafana's health check reads it, and
/// `amtool config routes` parses `config.original` as an alertmanager.yml.
struct AlertmanagerStatus: Codable, Sendable, Equatable {
    struct Cluster: Codable, Sendable, Equatable {
        var name: String
        /// `disabled`: one engine per state directory, no gossip (`ready` and `settling` are a cluster's).
        var status: String
        var peers: [Peer]
    }

    struct Peer: Codable, Sendable, Equatable {
        var name: String
        var address: String
    }

    struct VersionInfo: Codable, Sendable, Equatable {
        var version: String
        var revision: String
        var branch: String
        var buildUser: String
        var buildDate: String
        var goVersion: String
    }

    struct Config: Codable, Sendable, Equatable {
        var original: String
    }

    var cluster: Cluster
    var versionInfo: VersionInfo
    var config: Config
    var uptime: Date
}
