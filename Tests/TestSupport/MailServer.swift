import Foundation

/// A private exim (Debian's `exim4-daemon-light`) on a loopback port, with its own configuration, spool and logs
/// in a temporary directory, delivering every message to a maildir there. The system MTA's configuration is never
/// read or touched (`exim -C FILE`). With `certificate`/`key` it offers STARTTLS with them.
public final class MailServer: @unchecked Sendable {
    public let directory: String
    public let port: UInt16
    private var process: Process?

    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/sbin/exim") }

    public init(certificate: String? = nil, key: String? = nil) throws {
        directory = try Paths.temporaryDirectory("mail")
        port = try Paths.freePort()
        for name in ["spool", "log", "maildir"] {
            try FileManager.default.createDirectory(atPath: "\(directory)/\(name)", withIntermediateDirectories: true)
        }
        var tls = "tls_advertise_hosts =\n"
        if let certificate, let key {
            try FileManager.default.copyItem(atPath: certificate, toPath: "\(directory)/tls.crt")
            try FileManager.default.copyItem(atPath: key, toPath: "\(directory)/tls.key")
            tls =
                "tls_advertise_hosts = *\ntls_certificate = \(directory)/tls.crt\ntls_privatekey = \(directory)/tls.key\n"
        }
        let configuration = """
            primary_hostname = mail.gacetachat.test
            qualify_domain = gacetachat.test
            spool_directory = \(directory)/spool
            log_file_path = \(directory)/log/%slog
            pid_file_path = \(directory)/log/exim.pid
            local_interfaces = 127.0.0.1
            split_spool_directory = false
            acl_smtp_rcpt = accept_all
            \(tls)
            begin acl
            accept_all:
              accept

            begin routers
            everything:
              driver = accept
              transport = to_maildir

            begin transports
            to_maildir:
              driver = appendfile
              directory = \(directory)/maildir
              maildir_format
              create_directory
              envelope_to_add

            begin retry
            *  *  F,1m,10s

            """
        try configuration.write(toFile: "\(directory)/exim.conf", atomically: true, encoding: .utf8)
        // exim drops to its own user for a configuration given with -C: it must write its directories and read
        // its key; the configuration itself stays root's (exim refuses one its own user could change).
        if getuid() == 0 {
            let owned =
                ["spool", "log", "maildir"].map { "\(directory)/\($0)" }
                + (certificate == nil ? [] : ["\(directory)/tls.crt", "\(directory)/tls.key"])
            try Shell.run("chown", ["-R", "Debian-exim:Debian-exim"] + owned).expectSuccess("chown")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/exim")
        process.arguments = ["-C", "\(directory)/exim.conf", "-bdf", "-oX", "\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        try waitUntil("exim listens on port \(port)") {
            (try? String(contentsOfFile: "\(directory)/log/mainlog", encoding: .utf8))?.contains("daemon started")
                == true
        }
    }

    deinit { stop() }

    /// The environment that points the pool's `[mail]` at this server.
    public var environment: [String: String] {
        ["GACETACHAT_MAIL_HOST": "127.0.0.1", "GACETACHAT_MAIL_PORT": "\(port)"]
    }

    /// Every message delivered so far, oldest first, as raw text.
    public func messages() -> [String] {
        let folder = "\(directory)/maildir/new"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { try? String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
    }

    /// Waits until at least `count` messages arrived; returns them all.
    public func waitForMessages(_ count: Int, timeout: Double = 20) throws -> [String] {
        try waitUntil("\(count) messages in the maildir", timeout: timeout) { messages().count >= count }
        return messages()
    }

    public func log() -> String {
        (try? String(contentsOfFile: "\(directory)/log/mainlog", encoding: .utf8)) ?? ""
    }

    public func stop() {
        guard let process else { return }
        self.process = nil
        // -bdf: the daemon is this process (it does not fork away), so stopping it stops the server.
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// One parsed message: headers (unfolded, by lower-cased name) and the decoded text body.
public struct MailText {
    public let headers: [String: String]
    public let body: String

    public init(_ raw: String) {
        let normalized = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalized.components(separatedBy: "\n\n")
        let head = parts.first ?? ""
        var headers: [String: String] = [:]
        var last: String?
        for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let name = last {
                headers[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                last = name
            }
        }
        self.headers = headers
        let encoded = parts.dropFirst().joined(separator: "\n\n").replacingOccurrences(of: "\n", with: "")
        if headers["content-transfer-encoding"]?.lowercased() == "base64",
            let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8)
        {
            body = text
        } else {
            body = parts.dropFirst().joined(separator: "\n\n")
        }
    }

    /// The links in the body that start with `prefix`.
    public func links(startingWith prefix: String) -> [String] {
        body.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "<" || $0 == ">" })
            .map(String.init).filter { $0.hasPrefix(prefix) }
    }
}
