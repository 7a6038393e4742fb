/// A foreground or background colour, from the terminal's default to 24-bit.
///
/// The terminal layer maps each case to what the terminal supports, so a widget
/// may ask for `.rgb` and still get a sensible result on a 16-colour terminal.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background, whatever the user configured.
    case `default`
    /// One of the 16 ANSI colours: 0–7 normal, 8–15 bright. Values above 15 are invalid.
    case ansi(UInt8)
    /// An entry of the 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour: red, green, blue.
    case rgb(UInt8, UInt8, UInt8)
}
