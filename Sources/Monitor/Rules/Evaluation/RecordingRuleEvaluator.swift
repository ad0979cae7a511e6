import PromQL

/// One recording rule: its expression's result stored under the rule's name, with the rule's labels.
struct RecordingRuleEvaluator {
    let definition: RecordingRuleDefinition

    func evaluate(_ context: RuleContext) throws(RuleEvaluationError) -> [Sample] {
        let results: [RuleSample]
        do {
            results = try context.engine.query(definition.expression, at: context.queryTime)
        } catch {
            throw RuleEvaluationError(error.message)
        }
        var seen = Set<Labels>()
        var samples: [Sample] = []
        for result in results {
            var labels = result.labels
            labels[LabelMatcher.metricNameLabel] = nil
            labels = labels.merging(definition.labels)
            guard seen.insert(labels).inserted else { throw .duplicateRecordLabels }
            samples.append(Sample(definition.name, labels, result.value, timestampMilliseconds: context.queryTime))
        }
        if context.limit > 0, samples.count > context.limit {
            throw RuleEvaluationError("exceeded limit of \(context.limit) with \(samples.count) series")
        }
        return samples
    }
}
