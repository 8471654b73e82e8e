/// Expands `${VAR}`, `${VAR:-fallback}` and `$$` in configuration file values.
///
/// The fallback is used when the variable is unset or empty, as in the shell; it is taken literally up to the
/// first `}`. A `$` followed by anything else is an error, so `$HOME` is not silently kept as text.
enum Interpolation {
    struct Failure: Error, Equatable {
        let problem: String
        let hint: String?
    }

    static func expand(_ text: String, environment: [String: String]) -> Result<String, Failure> {
        guard text.contains("$") else { return .success(text) }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            guard character == "$" else {
                output.append(character)
                continue
            }
            guard index < text.endIndex, text[index] == "$" || text[index] == "{" else {
                return .failure(
                    Failure(
                        problem: "'$' not followed by '{' or '$'",
                        hint: "write ${NAME} for an environment variable or $$ for a literal '$'"))
            }
            if text[index] == "$" {
                output.append("$")
                index = text.index(after: index)
                continue
            }
            let start = text.index(after: index)
            guard let close = text[start...].firstIndex(of: "}") else {
                return .failure(Failure(problem: "unterminated '${'", hint: "close it with '}'"))
            }
            switch substitute(text[start..<close], environment: environment) {
            case .success(let value): output += value
            case .failure(let failure): return .failure(failure)
            }
            index = text.index(after: close)
        }
        return .success(output)
    }

    /// The value of `NAME` or `NAME:-fallback`.
    private static func substitute(_ body: Substring, environment: [String: String]) -> Result<String, Failure> {
        var name = body
        var fallback: Substring?
        if let marker = body.firstRange(of: ":-") {
            name = body[..<marker.lowerBound]
            fallback = body[marker.upperBound...]
        }
        guard !name.isEmpty else {
            return .failure(Failure(problem: "empty variable name in '${\(body)}'", hint: "write ${NAME}"))
        }
        guard isValidName(name) else {
            return .failure(
                Failure(
                    problem: "invalid variable name '\(name)' in '${\(body)}'",
                    hint: "names are letters, digits and '_', not starting with a digit"))
        }
        let value = environment[String(name)]
        if let fallback, value?.isEmpty ?? true {
            return .success(String(fallback))
        }
        guard let value else {
            return .failure(
                Failure(
                    problem: "environment variable '\(name)' is not set",
                    hint: "set it, or give a fallback with ${\(name):-VALUE}"))
        }
        return .success(value)
    }

    private static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
