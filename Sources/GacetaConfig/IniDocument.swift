/// The syntax of a configuration file: sections of `key = value` entries, in file order.
struct IniDocument: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        let key: String
        /// The value with quotes, escapes and comments removed; not yet interpolated.
        let value: String
        let line: Int
    }

    struct Section: Sendable, Equatable {
        let name: String
        let line: Int
        /// `false` after a broken header: its entries are kept apart so they cause no further errors.
        var isValid = true
        var entries: [Entry] = []
    }

    /// A line that could not be read, with what was expected instead.
    struct SyntaxError: Error, Sendable, Equatable {
        let line: Int
        let problem: String
        let hint: String?
    }

    var sections: [Section] = []
    /// Entries written before the first section header (an error, reported with their lines).
    var entriesOutsideSections: [Entry] = []
    var errors: [SyntaxError] = []
}
