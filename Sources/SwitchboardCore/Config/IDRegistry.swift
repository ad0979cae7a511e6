import Yams

/// Remembers where each id was defined, reports duplicates, and checks references once all are known.
struct IDRegistry {
    enum Namespace: String {
        case system, interface, check, job
    }

    let reader: ConfigReader
    private var definitions: [Namespace: [String: SourceLocation]] = [:]
    private var references: [(id: String, namespace: Namespace, node: Node)] = []

    init(reader: ConfigReader) {
        self.reader = reader
    }

    mutating func define(_ id: String, in namespace: Namespace, at node: Node) {
        if let first = definitions[namespace]?[id] {
            reader.fail(.duplicateID(id, firstAt: first), at: node)
        } else {
            definitions[namespace, default: [:]][id] = reader.location(of: node)
        }
    }

    mutating func reference(_ id: String, to namespace: Namespace, at node: Node) {
        references.append((id, namespace, node))
    }

    /// Reports every reference to an id that was never defined, with the nearest defined id.
    func resolveReferences() {
        for reference in references where definitions[reference.namespace]?[reference.id] == nil {
            let known = Array(definitions[reference.namespace]?.keys ?? [:].keys).sorted()
            let hint = DidYouMean.suggestion(for: reference.id, among: known)
            reader.fail(
                .unknownReference(reference.id, kind: reference.namespace.rawValue, didYouMean: hint),
                at: reference.node)
        }
    }
}
