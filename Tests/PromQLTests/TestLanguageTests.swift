import PromQL
import Testing

@Suite struct TestLanguageTests {
    @Test func aPassingAndAFailingEvalAreCounted() {
        let script = TestScript(
            """
            load 1m
              up{job="a"} 0+1x5 _ stale

            eval instant at 3m up
              up{job="a"} 3

            eval instant at 3m up
              up{job="a"} 4

            eval range from 0 to 2m step 1m up * 2
              {job="a"} 0 2 4
            """)
        let report = TestRunner().run(script)
        #expect(report.passed == 2)
        #expect(report.failures.map(\.line) == [7])
    }

    @Test func expectFailPassesOnlyWhenTheQueryFails() {
        let script = TestScript(
            """
            eval instant at 0m foo +
              expect fail

            eval_fail instant at 0m 1
            """)
        let report = TestRunner().run(script)
        #expect(report.passed == 1)
        #expect(report.failures.map(\.line) == [4])
    }

    @Test func unreadableLinesAreReportedWithTheirNumber() {
        let report = TestRunner().run(TestScript("load 1m\n  up 1 2 three\n"))
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.message.contains("line 2") == true)
    }
}
