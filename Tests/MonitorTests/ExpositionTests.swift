import Testing

/// The exposition parser's suites, nested so that `swift test --filter ExpositionTests` runs them all.
@Suite enum ExpositionTests {}
