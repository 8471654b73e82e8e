/// A named set of overrides in the configuration file: `[development]`, `[production]` or `[testing]`.
///
/// Only the active profile's section is applied, but every profile section is validated on every load.
public enum Profile: String, CaseIterable, Sendable {
    case development
    case production
    case testing

    /// The profile used when neither `--profile` nor `GACETACHAT_PROFILE` names one.
    public static let defaultProfile: Profile = .development

    /// "development, production or testing", for error messages.
    static var expectedList: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
