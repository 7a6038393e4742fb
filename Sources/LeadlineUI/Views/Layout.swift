/// Where each pane goes for a terminal size.
///
/// - 120 columns or more: three panes side by side.
/// - 80 to 119 columns: the lead list on the left, timeline above detail on the right.
/// - Below 80×24: too small; the screen says so instead of drawing cramped panes.
public struct Layout: Sendable, Equatable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var leads: Rect
    public var timeline: Rect
    public var detail: Rect
    public var statusLine: Rect

    /// The layout for a screen, or nil when it is too small.
    public init?(width: Int, height: Int) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
        let main = height - 1
        statusLine = Rect(x: 0, y: main, width: width, height: 1)
        let leadsWidth = min(40, max(28, width / 4))
        leads = Rect(x: 0, y: 0, width: leadsWidth, height: main)
        let rest = width - leadsWidth
        if width >= 120 {
            let detailWidth = rest * 9 / 20
            timeline = Rect(x: leadsWidth, y: 0, width: rest - detailWidth, height: main)
            detail = Rect(x: width - detailWidth, y: 0, width: detailWidth, height: main)
        } else {
            let timelineHeight = main * 11 / 20
            timeline = Rect(x: leadsWidth, y: 0, width: rest, height: timelineHeight)
            detail = Rect(x: leadsWidth, y: timelineHeight, width: rest, height: main - timelineHeight)
        }
    }

    /// The rectangle of a pane.
    public func rect(of pane: Pane) -> Rect {
        switch pane {
        case .leads: leads
        case .timeline: timeline
        case .detail: detail
        }
    }

    /// The pane under a screen cell, if any.
    public func pane(atRow row: Int, column: Int) -> Pane? {
        Pane.allCases.first { pane in
            let rect = rect(of: pane)
            return row >= rect.y && row < rect.y + rect.height && column >= rect.x && column < rect.x + rect.width
        }
    }
}

extension Rect {
    /// The rectangle inside a one-cell border.
    var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
}
