import Testing

@testable import GacetaConfig

@Suite struct IniParserTests {
    private func values(_ text: String) -> [String: String] {
        let document = IniParser.parse(text)
        var values: [String: String] = [:]
        for section in document.sections {
            for entry in section.entries {
                values["\(section.name).\(entry.key)"] = entry.value
            }
        }
        return values
    }

    @Test func commentsAndBlankLines() {
        let document = IniParser.parse(
            """
            ; a semicolon comment
            # a hash comment

               ; an indented comment
            [pool]   ; comment after a header
            workers = 3 ; inline comment
            boot_timeout = 10s # inline hash comment
            \t# tab-indented comment
            """)
        #expect(document.errors.isEmpty)
        #expect(document.sections.map(\.name) == ["pool"])
        #expect(
            document.sections.first?.entries == [
                .init(key: "workers", value: "3", line: 6), .init(key: "boot_timeout", value: "10s", line: 7),
            ])
    }

    @Test func commentMarkersWithoutWhitespaceStayInTheValue() {
        let values = values(
            """
            [llm]
            base_url = https://example.com/v1#anchor
            model = a;b
            """)
        #expect(values["llm.base_url"] == "https://example.com/v1#anchor")
        #expect(values["llm.model"] == "a;b")
    }

    @Test func quotedValues() {
        let values = values(
            #"""
            [s]
            semicolon = "a ; b"
            hash = "x # y"   ; a comment after the quotes
            spaces = "  leading and trailing  "
            escapes = "say \"hi\" \\ done"
            other = "C:\path"
            empty = ""
            inner = plain "quotes" stay
            """#)
        #expect(values["s.semicolon"] == "a ; b")
        #expect(values["s.hash"] == "x # y")
        #expect(values["s.spaces"] == "  leading and trailing  ")
        #expect(values["s.escapes"] == #"say "hi" \ done"#)
        #expect(values["s.other"] == #"C:\path"#)
        #expect(values["s.empty"] == "")
        #expect(values["s.inner"] == #"plain "quotes" stay"#)
    }

    @Test func whitespaceAndLineEndings() {
        let document = IniParser.parse("\u{FEFF}[pool]\r\n  workers=4  \r\n\r\nboot_timeout =\t5s\r\nempty =\n")
        #expect(document.errors.isEmpty)
        #expect(
            document.sections.first?.entries == [
                .init(key: "workers", value: "4", line: 2), .init(key: "boot_timeout", value: "5s", line: 4),
                .init(key: "empty", value: "", line: 5),
            ])
    }

    @Test func syntaxErrorsAreCollectedWithTheirLines() {
        let document = IniParser.parse(
            """
            [pool
            workers 3
            [log]
            level = "info
            file = "x" y
            = 3
            [server] extra
            """)
        #expect(document.errors.map(\.line) == [1, 2, 4, 5, 6, 7])
        #expect(document.errors[0].problem.contains("unterminated section header"))
        #expect(document.errors[1].problem.contains("malformed line 'workers 3'"))
        #expect(document.errors[2].problem.contains("unterminated quoted value"))
        #expect(document.errors[3].problem.contains("after the closing quote"))
        #expect(document.errors[4].problem.contains("no key before '='"))
        #expect(document.errors[5].problem.contains("after section header"))
    }

    @Test func entriesBeforeAnySectionAreKeptApart() {
        let document = IniParser.parse("workers = 3\n[pool]\n")
        #expect(document.entriesOutsideSections == [.init(key: "workers", value: "3", line: 1)])
    }

    @Test func parsedFileReachesSettings() throws {
        let configuration = try load(
            #"""
            ; GacetaChat

            [server]
            socket_group = "www data" ; quoted, with a space
            [pool]
            workers = 7   # seven
            [llm]
            model = "gpt ; mini"
            """#)
        #expect(configuration.settings.server.socketGroup == "www data")
        #expect(configuration.settings.pool.workers == 7)
        #expect(configuration.settings.llm.model == "gpt ; mini")
        #expect(configuration.value(for: "pool.workers")?.source == .file(path: testFile, line: 6))
    }
}
