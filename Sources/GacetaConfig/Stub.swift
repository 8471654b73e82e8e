// TEMPORARY stub: replaced by the real module.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

public enum Profile: String, CaseIterable, Sendable { case development, production, testing }
public enum ListenAddress: Sendable, Equatable, CustomStringConvertible {
    case unix(path: String)
    case tcp(host: String, port: UInt16)
    public var description: String {
        switch self {
        case .unix(let p): return "unix:\(p)"
        case .tcp(let h, let p): return "\(h):\(p)"
        }
    }
}
public enum LogLevel: String, CaseIterable, Sendable, Comparable {
    case trace, debug, info, notice, warning, error, critical
    public static func < (a: LogLevel, b: LogLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
public struct ServerSettings: Sendable, Equatable {
    public var listen: ListenAddress = .unix(path: "var/run/gacetachat.sock")
    public var socketOwner: String?
    public var socketGroup: String?
    public var socketMode: UInt32 = 0o660
    public var maxBodySize: Int = 1 << 20
    public var debug = false
    public var secretKey: String?
}
public struct PoolSettings: Sendable, Equatable {
    public var workers = 3
    public var bootTimeout: Duration = .seconds(10)
    public var gracefulTimeout: Duration = .seconds(30)
    public var listenBacklog: Int32 = 511
}
public struct LogSettings: Sendable, Equatable {
    public var level: LogLevel = .info
    public var file: String?
}
public struct DatabaseSettings: Sendable, Equatable { public var url = "sqlite:var/gacetachat.db" }
public struct LLMSettings: Sendable, Equatable {
    public var baseURL: String?
    public var model: String?
    public var apiKey: String?
    public var timeout: Duration = .seconds(30)
}
public struct Settings: Sendable, Equatable {
    public var profile: Profile = .development
    public var server = ServerSettings()
    public var pool = PoolSettings()
    public var log = LogSettings()
    public var database = DatabaseSettings()
    public var llm = LLMSettings()
}
public struct ValueSource: Sendable, Equatable, CustomStringConvertible {
    public var description: String { "built-in" }
}
public struct EffectiveValue: Sendable {
    public let key: String
    public let display: String
    public let source: ValueSource
    public let isSecret: Bool
}
public struct Configuration: Sendable {
    public let settings: Settings
    public let profileSource: ValueSource
    public let file: String?
    public let values: [EffectiveValue]
    public func report() -> String { "" }
}
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [ConfigurationError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
public struct CommandLineOverride: Sendable {
    public let key: String, value: String, flag: String
    public init(key: String, value: String, flag: String) { self.key = key; self.value = value; self.flag = flag }
}
public struct ConfigurationLoader: Sendable {
    let environment: [String: String]
    public init(environment: [String: String], currentDirectory: String) { self.environment = environment }
    public func load(configPath: String? = nil, profile: String? = nil, overrides: [CommandLineOverride] = [])
        throws(ConfigurationErrors) -> Configuration
    {
        var s = Settings()
        if let p = profile ?? environment["GACETACHAT_PROFILE"], let pp = Profile(rawValue: p) { s.profile = pp }
        if let l = environment["GACETACHAT_SERVER_LISTEN"] {
            s.server.listen = l.hasPrefix("unix:") ? .unix(path: String(l.dropFirst(5))) : .tcp(host: "127.0.0.1", port: UInt16(l.split(separator: ":").last!)!)
        }
        if let g = environment["GACETACHAT_SERVER_SOCKET_GROUP"] { s.server.socketGroup = g }
        if let d = environment["GACETACHAT_DATABASE_URL"] { s.database.url = d }
        if let w = environment["GACETACHAT_POOL_WORKERS"] { s.pool.workers = Int(w)! }
        for o in overrides where o.key == "pool.workers" { s.pool.workers = Int(o.value)! }
        for o in overrides where o.key == "server.max_body_size" { s.server.maxBodySize = Int(o.value)! }
        if environment["GACETACHAT_FAIL"] != nil { throw ConfigurationErrors(errors: [ConfigurationError(message: "stub failure")]) }
        return Configuration(settings: s, profileSource: ValueSource(), file: nil, values: [])
    }
}
