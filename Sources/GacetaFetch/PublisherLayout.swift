import GacetaCore
/// Where the publisher puts a day's files: `BASE/pub/YYYY/MM/DD/COMP_DD_MM_YYYY.pdf` (the edition) and
/// `ALCA{n}_DD_MM_YYYY.pdf` (its Alcances), and how to read the folder's HTML listing.
public struct PublisherLayout: Sendable {
    public let baseURL: String

    public init(baseURL: String) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
    }

    /// The day's folder, with its trailing slash.
    public func folderURL(_ date: CalendarDate) -> String { "\(baseURL)/pub/\(date.folder)/" }

    public func fileURL(_ name: String, date: CalendarDate) -> String { folderURL(date) + name }

    public static func editionName(_ date: CalendarDate) -> String { "COMP_\(date.fileSuffix).pdf" }

    public static func alcanceName(_ number: Int, date: CalendarDate) -> String {
        "ALCA\(number)_\(date.fileSuffix).pdf"
    }

    /// The day's file names linked from an HTML listing (`<a href="…">`, any case, any quotes, relative or absolute
    /// links): the edition first, then the Alcances by number, each once.
    public static func listedFiles(in html: String, date: CalendarDate) -> [String] {
        var names: Set<String> = []
        for link in links(in: Array(html.utf8)) {
            var name = link.split(separator: "/").last.map(String.init) ?? ""
            if let query = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = String(name[..<query]) }
            if editionName(date) == name || alcanceNumber(name, date: date) != nil { names.insert(name) }
        }
        return names.sorted { (alcanceNumber($0, date: date) ?? 0) < (alcanceNumber($1, date: date) ?? 0) }
    }

    /// The values of every `href` attribute.
    static func links(in html: [UInt8]) -> [String] {
        let href = Array("href".utf8)
        let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        var links: [String] = []
        var index = 0
        while index + href.count <= html.count {
            guard (0..<href.count).allSatisfy({ html[index + $0] | 0x20 == href[$0] }) else {
                index += 1
                continue
            }
            index += href.count
            while index < html.count, spaces.contains(html[index]) { index += 1 }
            guard index < html.count, html[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < html.count, spaces.contains(html[index]) { index += 1 }
            guard index < html.count else { break }
            let quote = html[index] == UInt8(ascii: "\"") || html[index] == UInt8(ascii: "'") ? html[index] : nil
            if quote != nil { index += 1 }
            let start = index
            while index < html.count,
                quote.map({ html[index] != $0 }) ?? !(spaces.contains(html[index]) || html[index] == UInt8(ascii: ">"))
            {
                index += 1
            }
            links.append(String(decoding: html[start..<index], as: UTF8.self))
        }
        return links
    }

    /// "ALCA78_15_07_2024.pdf" → 78 for that date; nil for any other name.
    public static func alcanceNumber(_ name: String, date: CalendarDate) -> Int? {
        let suffix = "_\(date.fileSuffix).pdf"
        guard name.hasPrefix("ALCA"), name.hasSuffix(suffix) else { return nil }
        let digits = name.dropFirst(4).dropLast(suffix.count)
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), let number = Int(digits) else {
            return nil
        }
        return number
    }
}
