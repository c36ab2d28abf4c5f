/// DuPing's version, the one place it is written: `duping --version` prints it and
/// `Scripts/package` names the Debian package after it.
public enum Version {
    public static let number = "0.16.0"
}
