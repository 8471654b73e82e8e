import GacetaAlerts
import GacetaCore
import Foundation
import Testing

@Suite struct MailMessageTests {
    let messages = AlertMessages(
        links: AlertLinks(publicURL: "https://gaceta.example.org/", tokens: AlertTokens(secretKey: "k")),
        sender: "alertas@example.org")
    let subscription = AlertSubscription(
        id: "0123456789abcdef0123456789abcdef", email: "maria@example.org",
        addressHash: String(repeating: "a", count: 64),
        query: "salario\r\nBcc: x@evil.org mínimo", frequency: .edition, createdAt: "2026-01-01T00:00:00Z")

    func headers(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let head = text.split(separator: "\r\n\r\n", maxSplits: 1).first.map(String.init) ?? ""
        return head.split(separator: "\r\n").map(String.init)
    }

    @Test func anAlertCarriesTheRFC8058HeadersAndNoInjectedHeader() {
        let notice = NoticeEntry(
            documentID: 7, title: "DECRETO N° 1", section: nil, type: "decreto", editionDate: "2024-07-15",
            editionNumber: "129", page: 3)
        let bytes = messages.alert(for: subscription, notices: [notice], now: 1_800_000_000).rendered(
            now: 1_800_000_000)
        let lines = headers(bytes)
        #expect(lines.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        let unsubscribe = lines.first { $0.hasPrefix("List-Unsubscribe: ") } ?? ""
        #expect(unsubscribe.contains("<https://gaceta.example.org/api/v1/alerts/\(subscription.id)/unsubscribe?t="))
        #expect(unsubscribe.contains("<mailto:alertas@example.org?"))
        #expect(!lines.contains { $0.hasPrefix("Bcc:") }, "the query's line break never starts a header")
        #expect(lines.contains("To: <maria@example.org>"))
        #expect(lines.allSatisfy { $0.utf8.allSatisfy { $0 < 128 } }, "headers are ASCII")
        #expect(bytes.allSatisfy { $0 < 128 }, "the body is base64")
    }

    @Test func aLongSpanishSubjectIsEncodedInWordsOfAtMost75Characters() {
        var long = subscription
        long.query = String(repeating: "licitación pública ", count: 8)
        let lines = headers(messages.confirmation(for: long, now: 1).rendered(now: 1))
        let start = lines.firstIndex { $0.hasPrefix("Subject: ") } ?? 0
        var subject = [lines[start]]
        for line in lines[(start + 1)...] where line.hasPrefix(" ") { subject.append(line) }
        #expect(subject.count > 1)
        for word in subject.map({
            $0.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces)
        }) {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") && word.count <= 75, "\(word)")
        }
    }
}
