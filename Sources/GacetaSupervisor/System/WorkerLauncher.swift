import GacetaSystem
import Glibc

/// Starts worker processes with `Spawn` of our own executable (never `fork` of a Swift runtime), as
/// `WorkerContract` says: the listening socket on fd 0, the readiness pipe on fd 3, the scoreboard on fd 4.
public struct WorkerLauncher: Sendable {
    public let executable: String
    public let arguments: [String]
    /// What a worker gets of the master's environment: all of it but the variables only the master may use.
    public let environment: [String: String]

    /// The master's own environment (for systemd's variables, which workers do not get).
    public let masterEnvironment: [String: String]

    public init(executable: String, arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        masterEnvironment = environment
        var environment = environment
        for name in WorkerContract.masterOnlyVariables { environment[name] = nil }
        environment[WorkerContract.readyDescriptorVariable] = String(WorkerContract.readyDescriptor)
        self.environment = environment
    }

    /// The path of the running executable, resolved now: after an upgrade replaces the file,
    /// workers spawned by a reload run the new binary.
    public static func currentExecutable() -> String {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return -1 }
                return readlink("/proc/self/exe", base, chars.count - 1)
            }
        }
        guard length > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buffer[..<length], as: UTF8.self)
    }

    public func spawn(
        listenDescriptor: Int32, readyDescriptor: Int32, scoreboard: (descriptor: Int32, slot: Int)? = nil
    )
        throws(SystemError) -> Int32
    {
        var descriptors = [
            WorkerContract.listenDescriptor: listenDescriptor, WorkerContract.readyDescriptor: readyDescriptor,
        ]
        var environment = environment
        if let scoreboard {
            descriptors[WorkerContract.scoreboardDescriptor] = scoreboard.descriptor
            environment[WorkerContract.scoreboardDescriptorVariable] = String(WorkerContract.scoreboardDescriptor)
            environment[WorkerContract.scoreboardSlotVariable] = String(scoreboard.slot)
        }
        return try Spawn(executable, arguments: arguments, environment: environment, descriptors: descriptors).start()
    }
}
