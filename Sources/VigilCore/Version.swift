/// Vigil's version, printed by `vigil --version` and written into SARIF reports.
public enum VigilVersion {
    public static let current = "0.1.0"
}
