/// The FastCGI records the status responder reads and writes (FastCGI 1.0 specification, section 3.3; the names
/// are libfcgi's `FCGI_*` constants in `fastcgi.h`). `gacetachat health` sends its probe with it too.
public enum FastCGIRecord {
    public static let version: UInt8 = 1
    public static let headerLength = 8

    public enum RecordType: UInt8 {
        case beginRequest = 1
        case abortRequest = 2
        case endRequest = 3
        case params = 4
        case stdin = 5
        case stdout = 6
        case stderr = 7
        case data = 8
        case getValues = 9
        case getValuesResult = 10
        case unknownType = 11
    }

    public struct Header {
        /// Nil for a type this responder does not know (it skips the record).
        public let type: RecordType?
        public let requestID: UInt16
        public let contentLength: Int
        public let paddingLength: Int

        public init(_ bytes: [UInt8]) {
            type = RecordType(rawValue: bytes[1])
            requestID = UInt16(bytes[2]) << 8 | UInt16(bytes[3])
            contentLength = Int(bytes[4]) << 8 | Int(bytes[5])
            paddingLength = Int(bytes[6])
        }
    }

    /// `FCGI_EndRequestBody`: application status 0, protocol status `FCGI_REQUEST_COMPLETE`.
    public static let requestComplete: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0]

    /// One record (at most 65 535 bytes of content), without padding.
    public static func encode(_ type: RecordType, requestID: UInt16, _ content: [UInt8]) -> [UInt8] {
        [
            version, type.rawValue, UInt8(requestID >> 8), UInt8(requestID & 0xff), UInt8(content.count >> 8),
            UInt8(content.count & 0xff), 0, 0,
        ] + content
    }
}
