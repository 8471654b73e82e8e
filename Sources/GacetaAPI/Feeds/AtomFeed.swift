/// An Atom 1.0 document (RFC 4287): a feed with its required elements (`id`, `title`, `updated`, `author`, a
/// `self` link) and entries (`id`, `title`, `updated`, an `alternate` link, a summary or content). Every text is
/// escaped for XML and stripped of the characters XML 1.0 cannot hold.
struct AtomFeed {
    struct Entry {
        var id: String
        var title: String
        /// RFC 3339, e.g. `2024-07-15T00:00:00Z`.
        var updated: String
        var link: String
        var summary: String?
        /// Plain text, several lines.
        var content: String?
        var categories: [String] = []
    }

    var id: String
    var title: String
    var subtitle: String?
    var updated: String
    var selfLink: String
    var alternateLink: String
    var entries: [Entry]

    func rendered() -> [UInt8] {
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es">"# + "\n"
        xml += "  <id>\(Self.escaped(id))</id>\n"
        xml += "  <title>\(Self.escaped(title))</title>\n"
        if let subtitle { xml += "  <subtitle>\(Self.escaped(subtitle))</subtitle>\n" }
        xml += "  <updated>\(Self.escaped(updated))</updated>\n"
        xml += "  <author><name>GacetaChat</name></author>\n"
        xml += "  <generator>GacetaChat</generator>\n"
        xml += #"  <link rel="self" type="application/atom+xml" href="\#(Self.escaped(selfLink))"/>"# + "\n"
        xml += #"  <link rel="alternate" type="text/html" href="\#(Self.escaped(alternateLink))"/>"# + "\n"
        for entry in entries {
            xml += "  <entry>\n"
            xml += "    <id>\(Self.escaped(entry.id))</id>\n"
            xml += "    <title>\(Self.escaped(entry.title))</title>\n"
            xml += "    <updated>\(Self.escaped(entry.updated))</updated>\n"
            xml += #"    <link rel="alternate" type="text/html" href="\#(Self.escaped(entry.link))"/>"# + "\n"
            for category in entry.categories {
                xml += #"    <category term="\#(Self.escaped(category))"/>"# + "\n"
            }
            if let summary = entry.summary { xml += "    <summary>\(Self.escaped(summary))</summary>\n" }
            if let content = entry.content {
                xml += #"    <content type="text">\#(Self.escaped(content))</content>"# + "\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return Array(xml.utf8)
    }

    /// `&`, `<`, `>`, `"` and `'` as entities; characters XML 1.0 does not allow (C0 controls but tab and line
    /// ends, U+FFFE, U+FFFF) left out.
    static func escaped(_ text: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                guard scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF else { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
