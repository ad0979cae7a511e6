/// How two systems talk over an interface.
public enum InterfaceProtocol: String, Sendable, Codable, CaseIterable {
    case rest, soap, graphql, kafka, rabbitmq, sftp, db, file, other
}
