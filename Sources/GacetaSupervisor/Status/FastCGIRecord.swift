/// The FastCGI records the status responder reads and writes (FastCGI 1.0 specification, section 3.3; the names
/// are libfcgi's `FCGI_*` constants in `fastcgi.h`).
enum FastCGIRecord {
    static let version: UInt8 = 1
    static let headerLength = 8

    enum RecordType: UInt8 {
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

    struct Header {
        /// Nil for a type this responder does not know (it skips the record).
        let type: RecordType?
        let requestID: UInt16
        let contentLength: Int
        let paddingLength: Int

        init(_ bytes: [UInt8]) {
            type = RecordType(rawValue: bytes[1])
            requestID = UInt16(bytes[2]) << 8 | UInt16(bytes[3])
            contentLength = Int(bytes[4]) << 8 | Int(bytes[5])
            paddingLength = Int(bytes[6])
        }
    }

    /// `FCGI_EndRequestBody`: application status 0, protocol status `FCGI_REQUEST_COMPLETE`.
    static let requestComplete: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0]

    /// One record (at most 65 535 bytes of content), without padding.
    static func encode(_ type: RecordType, requestID: UInt16, _ content: [UInt8]) -> [UInt8] {
        [
            version, type.rawValue, UInt8(requestID >> 8), UInt8(requestID & 0xff), UInt8(content.count >> 8),
            UInt8(content.count & 0xff), 0, 0,
        ] + content
    }
}
