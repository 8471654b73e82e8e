@preconcurrency import COpenSSL
import GacetaSystem
import Glibc

/// SHA-256 and HMAC-SHA-256 from OpenSSL's libcrypto (loaded on first use), and random bytes from the kernel.
public enum Digest {
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, EVP_sha256(), nil)
        }
        precondition(ok == 1, "EVP_Digest(SHA-256) failed")
        return Array(output.prefix(Int(length)))
    }

    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                    messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count, &output, &length)
            }
        }
        precondition(result != nil, "HMAC(SHA-256) failed")
        return Array(output.prefix(Int(length)))
    }

    /// Cryptographically strong random bytes from the kernel (`SystemRandomNumberGenerator`: `getrandom` on
    /// Linux), so that a worker making a conversation id does not load libcrypto.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Equal bytes, compared in time that depends only on the length (OpenSSL's `CRYPTO_memcmp`), for secrets.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0 }
        }
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}

extension Digest {
    public struct FileError: Error, CustomStringConvertible {
        public let description: String
    }

    /// SHA-256 of a file, read in 1 MiB blocks.
    public static func sha256(fileAt path: String) throws(FileError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw FileError(description: "EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        do {
            let fd = try System.call("open", path) { open(path, O_RDONLY | O_CLOEXEC) }
            defer { close(fd) }
            try FileContents.readChunks(fd, path, chunkSize: 1 << 20) { chunk in
                _ = EVP_DigestUpdate(context, chunk.baseAddress, chunk.count)
            }
        } catch {
            throw FileError(description: "cannot read \(path): \(error.reason)")
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &output, &length)
        return Array(output.prefix(Int(length)))
    }
}
