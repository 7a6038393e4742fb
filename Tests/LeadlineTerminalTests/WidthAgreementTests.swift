#if canImport(Glibc)
import Foundation
import Glibc
import CNcursesw
import Testing
import LeadlineKit

/// Terminals (tmux, xterm) and ncurses measure text with the C library's wcwidth, scalar by
/// scalar; leadline's widths must agree or lines shift on screen.
@Suite("Widths agree with wcwidth", .serialized)
struct TextWidthGlibcTests {
    static let samples = [
        "नमस्ते, क्या आप अभी बात कर सकते हैं?", "हाँ, ठीक है। मुझे कीमतों के बारे में जानकारी चाहिए।", "प्रिया शर्मा",
        "অনুগ্রহ করে আমাকে কল করুন", "தமிழ் மொழி", "ภาษาไทย", "Привет, как дела?", "مرحبا، كيف حالك؟",
        "Olá, tudo bem? Ação", "Grüße aus München", "山田 由紀", "안녕하세요", "Ça va très bien",
        "🇨🇱 Chile", "👍🏽 ok", "❤️ gracias", "1️⃣ uno",
    ]

    @Test("Each sample's width is the sum of wcwidth over its scalars", arguments: samples)
    func agrees(text: String) {
        setlocale(LC_CTYPE, "C.UTF-8")
        let glibc = text.unicodeScalars.reduce(0) { $0 + max(0, Int(ll_wcwidth($1.value))) }
        #expect(DisplayWidth.of(text) == glibc)
    }
}
#endif
