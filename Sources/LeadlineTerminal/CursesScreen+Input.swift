import CNcursesw
import Foundation
import LeadlineUI

/// What the terminal reported: a key, a mouse action or a new size.
public enum TerminalInput: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The terminal was readable but had nothing to read (end of file, if it persists).
    case endOfInput
}

extension CursesScreen {
    /// Waits up to `milliseconds` for input and returns everything that arrived (possibly
    /// nothing); nil when the terminal is gone (hung up, closed), so the caller can exit instead
    /// of spinning on a dead terminal.
    public func readInput(timeoutMilliseconds milliseconds: Int) -> [TerminalInput]? {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(milliseconds))
        if ready > 0, descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            return nil
        }
        // Read whatever ncurses can decode now: keys waiting on the descriptor, a KEY_RESIZE
        // queued by its SIGWINCH handler (which also interrupts poll), or the rest of an escape
        // sequence it is still holding.
        wtimeout(window, 0)
        var inputs: [TerminalInput] = []
        while inputs.count < 256 {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == ll_KEY_CODE_YES() {
                if let input = functionKey(Int32(character)) { inputs.append(input) }
            } else if result == ll_OK() {
                if let key = Self.key(forCharacter: UInt32(character)) { inputs.append(.key(key)) }
            } else {
                break
            }
        }
        if ready > 0, inputs.isEmpty, descriptor.revents & Int16(POLLIN) != 0, !stdinHasBytes() {
            // Readable with nothing to read: end of file, or ncurses holding half an escape
            // sequence for a few milliseconds. The caller decides once it keeps happening.
            return [.endOfInput]
        }
        return inputs
    }

    private func stdinHasBytes() -> Bool {
        var count: Int32 = 0
        return ioctl(STDIN_FILENO, UInt(FIONREAD), &count) == 0 && count > 0
    }

    /// The UI key for a character code from `get_wch` (controls included).
    public static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    private func functionKey(_ code: Int32) -> TerminalInput? {
        switch code {
        case ll_KEY_RESIZE(): return .resize(width: size.columns, height: size.rows)
        case ll_KEY_MOUSE():
            var event = MEVENT()
            guard getmouse(&event) == ll_OK() else { return nil }
            let state = event.bstate
            let action: MouseEvent.Action
            if state & ll_BUTTON4_PRESSED() != 0 { action = .wheelUp } else if state & ll_BUTTON5_PRESSED() != 0 { action = .wheelDown } else if state & ll_BUTTON1_PRESSED() != 0 { action = .press } else { return nil }
            return .mouse(MouseEvent(action, row: Int(event.y), column: Int(event.x)))
        case ll_KEY_UP(): return .key(.up)
        case ll_KEY_DOWN(): return .key(.down)
        case ll_KEY_LEFT(): return .key(.left)
        case ll_KEY_RIGHT(): return .key(.right)
        case ll_KEY_HOME(): return .key(.home)
        case ll_KEY_END(): return .key(.end)
        case ll_KEY_PPAGE(): return .key(.pageUp)
        case ll_KEY_NPAGE(): return .key(.pageDown)
        case ll_KEY_BTAB(): return .key(.backTab)
        case ll_KEY_BACKSPACE(): return .key(.backspace)
        case ll_KEY_ENTER(): return .key(.enter)
        case ll_KEY_DC(): return .key(.delete)
        default:
            for number in 1...12 where code == ll_KEY_F(Int32(number)) { return .key(.function(number)) }
            return nil
        }
    }
}
