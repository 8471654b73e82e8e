#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GacetaAlerts
import GacetaCore
import GacetaSystem
import Glibc

/// E-mail alerts on saved searches: the request (double opt-in), the confirmation and unsubscribe links, the
/// management page of an address. Every route answers 404 `alerts_disabled` without `[mail]`.
struct AlertHandlers {
    let context: AlertContext?

    /// Confirmation messages one address may be sent in 24 hours.
    static let confirmationsPerDay = 3
    static let maximumFilterLength = 100

    func register(on router: inout Router) {
        router.get("/api/v1/alerts") { _, _ in
            _ = try enabled()
            return Response.json(StatusBody(enabled: true, frequencies: AlertFrequency.allCases.map(\.rawValue)))
        }
        router.post("/api/v1/alerts") { request, _ in try create(request) }
        router.get("/api/v1/alerts/manage") { request, _ in try manage(request, acting: false) }
        router.post("/api/v1/alerts/manage") { request, _ in try manage(request, acting: true) }
        router.get("/api/v1/alerts/{id}/confirm") { request, parameters in
            try confirm(request, id: parameters["id"] ?? "", acting: false)
        }
        router.post("/api/v1/alerts/{id}/confirm") { request, parameters in
            try confirm(request, id: parameters["id"] ?? "", acting: true)
        }
        router.get("/api/v1/alerts/{id}/unsubscribe") { request, parameters in
            try unsubscribe(request, id: parameters["id"] ?? "", acting: false)
        }
        router.post("/api/v1/alerts/{id}/unsubscribe") { request, parameters in
            try unsubscribe(request, id: parameters["id"] ?? "", acting: true)
        }
    }

    private struct StatusBody: Encodable {
        let enabled: Bool
        let frequencies: [String]
    }

    private struct AcceptedBody: Encodable {
        let status: String
        let message: String
    }

    private struct RequestBody: Decodable {
        let email: String?
        let q: String?
        let frequency: String?
        let section: String?
        let type: String?
    }

    private func enabled() throws(HTTPError) -> AlertContext {
        guard let context else {
            throw HTTPError(
                status: 404, code: "alerts_disabled",
                message: "e-mail alerts are not configured on this server ([mail])")
        }
        return context
    }

    // MARK: - The request

    /// 202 with the same body whatever happens to the address (new, known, on the do-not-mail list, past its daily
    /// limit): nobody learns from the answer whether an address is subscribed.
    private func create(_ request: Request) throws -> Response {
        let context = try enabled()
        guard request.headers["Content-Type"]?.lowercased().hasPrefix("application/json") == true else {
            throw HTTPError(
                status: 415, code: "unsupported_media_type", message: "send the alert as JSON (application/json)")
        }
        let body: RequestBody
        do {
            body = try JSONDecoder().decode(RequestBody.self, from: Data(request.body))
        } catch {
            throw HTTPError.badRequest(
                #"the body must be JSON like {"email": "…", "q": "salario mínimo", "frequency": "edition"}"#)
        }
        guard let email = body.email.flatMap(EmailAddress.init) else {
            throw HTTPError(
                status: 400, code: "invalid_email", message: "'email' must be an e-mail address like nombre@example.org"
            )
        }
        let query = try Self.validQuery(body.q)
        let frequency = try Self.frequency(body.frequency)
        let section = try Self.filter(body.section, name: "section")
        let type = try Self.filter(body.type, name: "type")

        let now = context.now()
        let store = context.store
        let stamp = Timestamp.iso8601(secondsSinceEpoch: time_t(now))
        try store.purgeUnconfirmedAlerts(
            before: Timestamp.iso8601(secondsSinceEpoch: time_t(now - AlertDelivery.unconfirmedLifetime)))
        let hash = context.tokens.addressHash(email.value)
        var response = Response.json(
            AcceptedBody(
                status: "pending",
                message: "Si la dirección puede recibir alertas, le llegará un mensaje para confirmarla."),
            status: 202)
        if try store.isDoNotMail(addressHash: hash) { return response }
        let dayAgo = Timestamp.iso8601(secondsSinceEpoch: time_t(now - 86_400))
        if try store.alertConfirmations(addressHash: hash, since: dayAgo) >= Self.confirmationsPerDay {
            return response
        }
        let subscription = AlertSubscription(
            id: AlertIdentifiers.subscription(), email: email.value, addressHash: hash, query: query, section: section,
            type: type, frequency: frequency, createdAt: stamp)
        try store.createAlert(subscription)
        try store.recordAlertConfirmation(addressHash: hash, at: stamp)
        do {
            try context.mailer.send(context.messages.confirmation(for: subscription, now: now), now: now)
        } catch {
            _ = try? store.deleteAlert(id: subscription.id)
            throw MailUnavailable(subscriptionID: subscription.id, reason: String(describing: error))
        }
        response.logFields.append(("alert", subscription.id))
        return response
    }

    static func validQuery(_ text: String?) throws(HTTPError) -> String {
        let parameters = SearchParameters(query: text)
        _ = try parameters.request()
        return text?.trimmed ?? ""
    }

    static func frequency(_ text: String?) throws(HTTPError) -> AlertFrequency {
        guard let text = text?.trimmed.nonEmpty else { return .edition }
        guard let frequency = AlertFrequency(rawValue: text) else {
            throw HTTPError(
                status: 400, code: "invalid_frequency",
                message: "'frequency' is edition or weekly, not '\(text.prefix(20))'")
        }
        return frequency
    }

    static func filter(_ text: String?, name: String) throws(HTTPError) -> String? {
        guard let text = text?.trimmed.nonEmpty else { return nil }
        guard text.unicodeScalars.count <= maximumFilterLength,
            text.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value != 127 })
        else {
            throw .badRequest("'\(name)' has at most \(maximumFilterLength) characters and no control characters")
        }
        return text
    }

    // MARK: - Links

    private func token(_ request: Request) throws(HTTPError) -> String {
        guard let token = try request.query("t")?.trimmed.nonEmpty else {
            throw HTTPError(status: 400, code: "missing_token", message: "the link has no token (?t=…)")
        }
        return token
    }

    private static func expired() -> Response {
        AlertPage(
            title: "Enlace vencido o incorrecto",
            body: AlertPage.paragraph(
                "Este enlace no es válido o ya venció. Pida la alerta de nuevo desde la búsqueda en GacetaChat."),
            status: 403
        ).response
    }

    private static func gone() -> Response {
        AlertPage(
            title: "Esta alerta ya no existe",
            body: AlertPage.paragraph("La alerta fue borrada, o no se confirmó en 7 días."), status: 404
        ).response
    }

    /// The link's own URL, as the form's action (the token stays in it).
    private static func action(_ request: Request, token: String) -> String {
        "\(request.path)?t=\(AlertLinks.percentEncoded(token))"
    }

    private func confirm(_ request: Request, id: String, acting: Bool) throws -> Response {
        let context = try enabled()
        let token = try token(request)
        let now = context.now()
        guard AlertIdentifiers.isSubscriptionID(id), context.tokens.verify(token, .confirm, subject: id, now: now)
        else {
            return Self.expired()
        }
        guard let subscription = try context.store.alert(id: id) else { return Self.gone() }
        var response: Response
        if !acting {
            response =
                AlertPage(
                    title: "Confirmar la alerta",
                    body: AlertPage.paragraph("Búsqueda: «\(subscription.query)».")
                        + AlertPage.paragraph("Pulse el botón para empezar a recibir esta alerta por correo.")
                        + AlertPage.button("Confirmar", action: Self.action(request, token: token))
                ).response
        } else {
            try context.store.confirmAlert(id: id, at: Timestamp.iso8601(secondsSinceEpoch: time_t(now)))
            let manage = context.links.manage(addressHash: subscription.addressHash, now: now)
            response =
                AlertPage(
                    title: "Alerta confirmada",
                    body: AlertPage.paragraph(
                        "Recibirá un correo cuando La Gaceta publique algo nuevo para «\(subscription.query)».")
                        + #"<p><a href="\#(AlertPage.escape(manage))">Administrar sus alertas</a></p>"#
                ).response
        }
        response.logFields.append(("alert", id))
        return response
    }

    private func unsubscribe(_ request: Request, id: String, acting: Bool) throws -> Response {
        let context = try enabled()
        let token = try token(request)
        let now = context.now()
        guard AlertIdentifiers.isSubscriptionID(id), context.tokens.verify(token, .unsubscribe, subject: id, now: now)
        else {
            return Self.expired()
        }
        guard let subscription = try context.store.alert(id: id) else {
            // Already gone: one-click clients may POST twice.
            return acting
                ? AlertPage(title: "Alerta borrada", body: AlertPage.paragraph("No recibirá más esta alerta.")).response
                : Self.gone()
        }
        var response: Response
        if !acting {
            response =
                AlertPage(
                    title: "Dejar de recibir la alerta",
                    body: AlertPage.paragraph("Búsqueda: «\(subscription.query)».")
                        + AlertPage.button("Dejar de recibirla", action: Self.action(request, token: token))
                ).response
        } else {
            try remove(subscription, context: context, now: now)
            response =
                AlertPage(
                    title: "Alerta borrada", body: AlertPage.paragraph("No recibirá más esta alerta.")
                ).response
        }
        response.logFields.append(("alert", id))
        return response
    }

    /// Deletes a subscription; an address left without any goes on the do-not-mail list (as its HMAC only).
    private func remove(_ subscription: AlertSubscription, context: AlertContext, now: Int64) throws {
        try context.store.deleteAlert(id: subscription.id)
        if try context.store.alerts(addressHash: subscription.addressHash).isEmpty {
            try context.store.addDoNotMail(
                addressHash: subscription.addressHash, at: Timestamp.iso8601(secondsSinceEpoch: time_t(now)))
        }
    }

    // MARK: - The management page

    private func manage(_ request: Request, acting: Bool) throws -> Response {
        let context = try enabled()
        let token = try token(request)
        let hash = try request.query("a")?.trimmed ?? ""
        let now = context.now()
        guard hash.utf8.count == 64, context.tokens.verify(token, .manage, subject: hash, now: now) else {
            return Self.expired()
        }
        let action = "\(request.path)?a=\(hash)&t=\(AlertLinks.percentEncoded(token))"
        var notice: String?
        var status = 200
        if acting {
            let form = try QueryString.parse(String(decoding: request.body, as: UTF8.self))
            func field(_ name: String) -> String? { form.first { $0.name == name }?.value }
            let id = field("id") ?? ""
            guard let subscription = try context.store.alert(id: id), subscription.addressHash == hash else {
                return Self.gone()
            }
            switch field("action") {
            case "delete":
                try remove(subscription, context: context, now: now)
                notice = "Alerta «\(subscription.query)» borrada."
            case "update":
                do {
                    var changed = subscription
                    changed.query = try Self.validQuery(field("q"))
                    changed.frequency = try Self.frequency(field("frequency"))
                    try context.store.updateAlert(changed)
                    notice = "Alerta guardada: «\(changed.query)»."
                } catch let error as HTTPError {
                    notice = "No se guardó: \(error.message)"
                    status = 400
                }
            default:
                throw HTTPError.badRequest("'action' is update or delete")
            }
        }
        let subscriptions = try context.store.alerts(addressHash: hash)
        var body = notice.map { #"<p role="status">\#(AlertPage.escape($0))</p>"# } ?? ""
        if subscriptions.isEmpty {
            body += AlertPage.paragraph("Esta dirección no tiene alertas.")
        } else {
            body += "<ul>"
            for subscription in subscriptions {
                body += "<li>" + Self.form(subscription, action: action) + "</li>"
            }
            body += "</ul>"
        }
        var response = AlertPage(title: "Sus alertas", body: body, status: status).response
        response.logFields.append(("alerts", String(subscriptions.count)))
        return response
    }

    private static func form(_ subscription: AlertSubscription, action: String) -> String {
        let id = subscription.id
        let state = subscription.confirmedAt == nil ? " (sin confirmar)" : ""
        var html = #"<form method="post" action="\#(AlertPage.escape(action))">"#
        html += #"<input type="hidden" name="id" value="\#(id)"><input type="hidden" name="action" value="update">"#
        html += #"<p><label for="q-\#(id)">Búsqueda\#(state)</label> "#
        html += #"<input id="q-\#(id)" name="q" type="text" maxlength="500" required "#
        html += #"value="\#(AlertPage.escape(subscription.query))"></p>"#
        html += #"<p><label for="f-\#(id)">Frecuencia</label> <select id="f-\#(id)" name="frequency">"#
        for (value, label) in [("edition", "Con cada edición"), ("weekly", "Una vez por semana")] {
            let selected = subscription.frequency.rawValue == value ? " selected" : ""
            html += #"<option value="\#(value)"\#(selected)>\#(label)</option>"#
        }
        html += "</select></p>"
        html += #"<p><button type="submit">Guardar</button></p></form>"#
        html += AlertPage.button(
            "Borrar esta alerta", action: action, fields: [("id", id), ("action", "delete")])
        return html
    }
}

/// The SMTP server did not take the confirmation message: 503, the same for every address.
struct MailUnavailable: HTTPResponseError, CustomStringConvertible {
    let subscriptionID: String
    let reason: String

    var status: Int { 503 }
    var code: String { "mail_unavailable" }
    var publicMessage: String { "the confirmation message could not be sent now; try again later" }
    var hasInternalDetail: Bool { true }
    var headers: [(String, String)] { [("Retry-After", "60")] }
    var description: String { "alert \(subscriptionID): the confirmation was not sent: \(reason)" }
}
