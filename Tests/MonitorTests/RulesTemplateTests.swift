import Testing

@testable import Monitor

@Suite struct RulesTemplateTests {
    static let data = TemplateData(
        labels: ["instance": "db-1:9100", "job": "node", "severity": "page"], externalLabels: ["site": "fra"],
        externalURL: "http://switchboard:9090", value: 1234.5678)

    static let cases: [(template: String, expected: String)] = [
        ("plain text", "plain text"),
        ("{{ $labels.instance }} down", "db-1:9100 down"),
        ("{{ .Labels.job }}/{{ $labels.missing }}", "node/<no value>"),
        ("{{ $externalLabels.site }} {{ .ExternalURL }}", "fra http://switchboard:9090"),
        ("{{ $value }}", "1234.5678"),
        ("{{ $value | humanize }}", "1.235k"),
        ("{{ humanize 0.000123 }}", "123u"),
        ("{{ 1048576 | humanize1024 }}", "1Mi"),
        ("{{ humanizeDuration 90061 }}", "1d 1h 1m 1s"),
        ("{{ humanizeDuration 0.25 }}", "250ms"),
        ("{{ humanizeDuration 3.5 }}", "3.5s"),
        ("{{ humanizePercentage 0.12345 }}", "12.35%"),
        ("{{ printf \"%.2f\" $value }}", "1234.57"),
        ("{{ printf \"%s is %d\" $labels.job 42 }}", "node is 42"),
        ("{{ if eq $labels.severity \"page\" }}wake up{{ else }}later{{ end }}", "wake up"),
        ("{{ if gt $value 2000.0 }}high{{ else if gt $value 1000.0 }}medium{{ else }}low{{ end }}", "medium"),
        ("{{ if ne .Labels.job \"node\" }}other{{ end }}done", "done"),
        ("{{ if lt $value 10.0 }}small{{ end }}", ""),
        ("{{ $labels.job | toUpper }} {{ toLower \"ABC\" }} {{ title \"disk full now\" }}", "NODE abc Disk Full Now"),
        ("a  {{- $labels.job -}}  b", "anodeb"),
        ("{{/* a comment */}}x", "x"),
        ("{{ $x := $labels.job }}{{ $x }}", "node"),
        ("{{ (printf \"%s-%s\" $labels.job \"x\") | toUpper }}", "NODE-X"),
        ("{{ 1e6 }} {{ 0.5 }} {{ 100000 }}", "1e+06 0.5 100000"),
    ]

    @Test(arguments: cases)
    func rendersAsPrometheusDoes(template: String, expected: String) throws {
        #expect(try Template.parse(template).render(Self.data) == expected)
    }

    static let errors: [(template: String, expected: TemplateError)] = [
        ("{{ $labels.x", TemplateError("unclosed action: expected }}", line: 1, column: 13)),
        ("ok {{ nosuch $value }}", TemplateError("function \"nosuch\" not defined", line: 1, column: 7)),
        ("{{ if $value }}yes", TemplateError("unexpected EOF: {{if}} without {{end}}", line: 1, column: 1)),
        ("a\n{{ end }}", TemplateError("unexpected {{end}}", line: 2, column: 4)),
        ("{{ $undefined }}", TemplateError("undefined variable \"$undefined\"", line: 1, column: 4)),
        ("{{ \"open }}", TemplateError("unterminated quoted string", line: 1, column: 4)),
        (
            "{{ range $labels }}{{ end }}",
            TemplateError("{{range}} is not supported in alert templates", line: 1, column: 4)
        ),
    ]

    @Test(arguments: errors)
    func reportsParseErrorsWithPosition(template: String, expected: TemplateError) {
        #expect(throws: expected) { try Template.parse(template) }
    }

    @Test func goFormatsFloatsAsPercentV() {
        #expect(GoFormat.value(1_234_567) == "1.234567e+06")
        #expect(GoFormat.value(0.0001) == "0.0001")
        #expect(GoFormat.value(0.00001) == "1e-05")
        #expect(GoFormat.value(-2.5) == "-2.5")
        #expect(GoFormat.value(.infinity) == "+Inf")
        #expect(GoFormat.value(.nan) == "NaN")
    }
}
