import Glibc

/// An errno from a named system call, with what it was doing.
public struct SystemError: Error, CustomStringConvertible {
    public let call: String
    public let errno: Int32
    public let context: String

    public var description: String {
        "\(call) failed\(context.isEmpty ? "" : " (\(context))"): \(String(cString: strerror(errno)))"
    }
}

/// The one wrapper for system calls: retries `EINTR`, throws errno with the call's name.
@discardableResult
func systemCall<T: BinaryInteger>(_ name: String, _ context: @autoclosure () -> String = "", _ body: () -> T)
    throws(SystemError) -> T
{
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = Glibc.errno
        if code == EINTR { continue }
        throw SystemError(call: name, errno: code, context: context())
    }
}
