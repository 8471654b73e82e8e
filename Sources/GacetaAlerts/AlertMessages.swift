import GacetaCore

/// The texts of alert e-mails, in Spanish: the confirmation request and the alert itself.
public struct AlertMessages: Sendable {
    public let links: AlertLinks
    /// `mail.from`.
    public let sender: String

    public init(links: AlertLinks, sender: String) {
        self.links = links
        self.sender = sender
    }

    public func confirmation(for subscription: AlertSubscription, now: Int64) -> MailMessage {
        let text = """
            Hola:

            Alguien (seguramente usted) pidió recibir avisos de GacetaChat cuando La Gaceta publique \
            avisos que coincidan con esta búsqueda:

                \(subscription.query)\(filters(subscription))
                Frecuencia: \(frequency(subscription.frequency))

            Para confirmar, abra este enlace y pulse «Confirmar» (vence en 7 días):

            \(links.confirm(subscription.id, now: now))

            Si no fue usted, ignore este mensaje: sin confirmación no recibirá nada más y la \
            solicitud se borra en 7 días.

            --
            GacetaChat · \(links.publicURL)/
            """
        return MailMessage(
            from: sender, to: subscription.email, subject: "Confirme su alerta: \(subscription.query)", text: text,
            messageID: messageID(subscription.id, now: now))
    }

    public func alert(for subscription: AlertSubscription, notices: [NoticeEntry], now: Int64) -> MailMessage {
        var lines = [
            "Nuevas publicaciones en La Gaceta para su búsqueda «\(subscription.query)»\(filters(subscription)):",
            "",
        ]
        for notice in notices {
            let edition =
                notice.editionNumber.map { "La Gaceta Nº \($0) del \(notice.editionDate)" }
                ?? "La Gaceta del \(notice.editionDate)"
            lines.append("* \(notice.title)")
            lines.append("  \(edition), página \(notice.page)")
            lines.append("  \(links.notice(documentID: notice.documentID, page: notice.page))")
            lines.append("")
        }
        let unsubscribe = links.unsubscribe(subscription.id, now: now)
        lines += [
            "Ver la búsqueda completa: \(links.search(subscription.query))",
            "",
            "--",
            "Recibe este mensaje porque confirmó una alerta en GacetaChat.",
            "Administrar sus alertas (cambiar la búsqueda o la frecuencia, borrarlas):",
            links.manage(addressHash: subscription.addressHash, now: now),
            "Dejar de recibir esta alerta: \(unsubscribe)",
        ]
        let count = notices.count == 1 ? "1 publicación nueva" : "\(notices.count) publicaciones nuevas"
        return MailMessage(
            from: sender, to: subscription.email, subject: "\(count): \(subscription.query)",
            text: lines.joined(separator: "\n"),
            headers: [
                // RFC 2369 and RFC 8058: one-click unsubscribe by POST to the https link.
                MailMessage.Header(
                    "List-Unsubscribe",
                    "<\(unsubscribe)>, <mailto:\(sender)?subject=unsubscribe%20\(subscription.id)>"),
                MailMessage.Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                MailMessage.Header("List-Id", "GacetaChat alert <\(subscription.id).alerts.gacetachat>"),
            ], messageID: messageID(subscription.id, now: now))
    }

    private func filters(_ subscription: AlertSubscription) -> String {
        var parts: [String] = []
        if let section = subscription.section { parts.append("sección \(section)") }
        if let type = subscription.type { parts.append("tipo \(type)") }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }

    private func frequency(_ frequency: AlertFrequency) -> String {
        switch frequency {
        case .edition: "después de cada edición con publicaciones nuevas"
        case .weekly: "una vez por semana"
        }
    }

    private func messageID(_ id: String, now: Int64) -> String {
        let host = links.publicURL.split(separator: "/").dropFirst().first.map(String.init) ?? "gacetachat"
        return "\(id).\(now).\(AlertIdentifiers.random(8))@\(host.split(separator: ":").first.map(String.init) ?? host)"
    }
}
