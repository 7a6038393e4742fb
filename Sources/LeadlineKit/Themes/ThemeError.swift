/// A mistake in a theme file, naming the file, the key and the value so it can be fixed without
/// guessing.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The theme file (`themes/NAME.toml` for a shipped theme, the full path for a user's).
    public var file: String
    /// The key as a reader finds it: `inherit`, `[selection] fg`; empty when the whole file is wrong.
    public var key: String
    /// The offending value as written; empty when there is none.
    public var value: String
    public var message: String

    public init(file: String, key: String = "", value: String = "", message: String) {
        self.file = file
        self.key = key
        self.value = value
        self.message = message
    }

    public var description: String {
        var text = file.isEmpty ? "" : file + ": "
        if !key.isEmpty { text += value.isEmpty ? key + ": " : "\(key) = \(value): " }
        return text + message
    }
}
