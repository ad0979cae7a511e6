/// An absolute XPath location path of the subset `XPathAssertion` documents, and the nodes it selects.
package struct XPathLocationPath: Sendable, Equatable {
    package var source: String
    package var steps: [Step]

    package struct Step: Sendable, Equatable {
        /// `//` before the step: any descendant, not only a child.
        package var descendants: Bool
        package var test: Test
        package var predicates: [Predicate]
    }

    package enum Test: Sendable, Equatable {
        case element(String)
        case attribute(String)
        case text
    }

    package enum Predicate: Sendable, Equatable {
        case position(Int)
        case attribute(String, equals: String?)
        case child(String, equals: String?)
    }
}

extension XPathLocationPath.Test {
    package var name: String {
        switch self {
        case .element(let name), .attribute(let name): name
        case .text: "text()"
        }
    }
}
