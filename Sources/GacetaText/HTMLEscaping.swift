/// HTML escaping for snippets: `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
public enum HTMLEscaping {
    /// Returns `text` safe to place in HTML element content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var copy = text
        let escaped = copy.withUTF8 { bytes -> String? in
            var extra = 0
            for byte in bytes {
                switch byte {
                case 0x26: extra += 4  // &amp;
                case 0x3C, 0x3E: extra += 3  // &lt; &gt;
                case 0x22, 0x27: extra += 5  // &quot; &#39;
                default: break
                }
            }
            guard extra > 0 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { out in
                var written = 0
                func put(_ replacement: StaticString) {
                    let start = replacement.utf8Start
                    for offset in 0..<replacement.utf8CodeUnitCount {
                        out[written + offset] = start[offset]
                    }
                    written += replacement.utf8CodeUnitCount
                }
                for byte in bytes {
                    switch byte {
                    case 0x26: put("&amp;")
                    case 0x3C: put("&lt;")
                    case 0x3E: put("&gt;")
                    case 0x22: put("&quot;")
                    case 0x27: put("&#39;")
                    default:
                        out[written] = byte
                        written += 1
                    }
                }
                return written
            }
        }
        return escaped ?? text
    }
}
