import LeadlineKit

extension Theme {
    /// The theme a resolved theme file describes; a role the file leaves out is drawn plain.
    public init(_ resolved: ResolvedTheme) {
        func style(_ role: ThemeRole) -> Style {
            guard let written = resolved.styles[role] else { return Style() }
            var attributes: Style.Attributes = []
            for attribute in written.attributes ?? [] {
                switch attribute {
                case .bold: attributes.insert(.bold)
                case .dim: attributes.insert(.dim)
                case .underline: attributes.insert(.underline)
                case .reverse: attributes.insert(.reverse)
                case .italic: attributes.insert(.italic)
                }
            }
            return Style(foreground: Color(written.foreground), background: Color(written.background), attributes: attributes)
        }
        self.init()
        text = style(.text)
        muted = style(.muted)
        border = style(.border)
        borderFocused = style(.borderFocused)
        title = style(.title)
        heading = style(.heading)
        selection = style(.selection)
        selectionUnfocused = style(.selectionUnfocused)
        statusLine = style(.statusLine)
        daySeparator = style(.daySeparator)
        inbound = style(.directionInbound)
        outbound = style(.directionOutbound)
        ok = style(.statusOK)
        warning = style(.statusWarn)
        error = style(.statusError)
        searchMatch = style(.searchMatch)
        channels = [
            .call: style(.channelCall), .whatsapp: style(.channelWhatsApp), .email: style(.channelEmail),
            .sms: style(.channelSMS), .chat: style(.channelChat), .system: style(.channelSystem),
        ]
    }

    /// The theme called `name` from `catalog`, or the default theme and a warning naming the file,
    /// key and value when it is unknown or broken, so a theme mistake never stops leadline.
    ///
    /// `origin` says where the name came from (the config file, or `--theme`), for the warning
    /// about an unknown name.
    public static func load(named name: String, from catalog: ThemeCatalog, origin: String) -> (theme: Theme, warning: String?) {
        do {
            return (Theme(try catalog.load(name)), nil)
        } catch var error as ThemeError {
            if error.file.isEmpty { error.file = origin }
            return (.standard, "\(error) — using the default theme")
        } catch {
            return (.standard, "\(error) — using the default theme")
        }
    }
}

extension Color {
    /// A theme file's colour; nil (not written) is the terminal's default.
    init(_ color: ThemeColor?) {
        switch color {
        case nil, .default?: self = .default
        case .ansi(let index)?: self = .ansi(index)
        case .indexed(let index)?: self = .indexed(index)
        case .rgb(let red, let green, let blue)?: self = .rgb(red, green, blue)
        }
    }
}
