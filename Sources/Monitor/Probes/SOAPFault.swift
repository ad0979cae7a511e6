import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Finds a SOAP 1.1 or 1.2 Fault in a response body, whatever the HTTP status said.
struct SOAPFault: Equatable {
    var code: String
    var message: String

    /// The fault in `body`, or nil when the body is not a SOAP envelope with a Fault.
    static func detect(in body: String) -> SOAPFault? {
        // Byte searches first: nearly every body is no envelope, and Foundation's `contains` is far slower.
        guard body.utf8.firstRange(of: "Envelope".utf8) != nil, body.utf8.firstRange(of: "Fault".utf8) != nil,
            let data = body.data(using: .utf8)
        else {
            return nil
        }
        let reader = FaultReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        _ = parser.parse()
        guard reader.sawEnvelope, reader.sawFault else { return nil }
        return SOAPFault(
            code: reader.code.isEmpty ? "unknown" : reader.code,
            message: reader.message.isEmpty ? "(no fault string)" : reader.message)
    }

    /// Collects `faultcode`/`faultstring` (SOAP 1.1) or `Code/Value` and `Reason/Text` (SOAP 1.2).
    private final class FaultReader: NSObject, XMLParserDelegate {
        var sawEnvelope = false
        var sawFault = false
        var code = ""
        var message = ""
        private var path: [String] = []
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            path.append(name)
            text = ""
            if name == "Envelope" { sawEnvelope = true }
            if name == "Fault", path.contains("Body") { sawFault = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if sawFault {
                switch name {
                case "faultcode" where code.isEmpty: code = value
                case "Value" where code.isEmpty && path.contains("Code"): code = value
                case "faultstring" where message.isEmpty: message = value
                case "Text" where message.isEmpty && path.contains("Reason"): message = value
                default: break
                }
            }
            path.removeLast()
            text = ""
        }
    }
}
