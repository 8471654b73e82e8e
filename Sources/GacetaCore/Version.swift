/// The version every component reports (`/health`, `--version`).
public enum GacetaVersion {
    public static let string = "0.1.0"
}
