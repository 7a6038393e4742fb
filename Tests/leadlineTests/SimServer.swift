import Foundation
import LeadlineKit

/// `leadline sim serve` running as its own process on a free loopback port.
final class SimServer {
    let process = Process()
    let port: Int
    let configPath: String
    /// The environment that carries the simulator's credentials, as its snippet says.
    let environment: [String: String]

    init(binary: URL, arguments: [String] = []) throws {
        process.executableURL = binary
        process.arguments = ["sim", "serve", "--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the address; the rest, up to a blank line after the last
        // [[source]], is the config snippet.
        var text = ""
        let handle = output.fileHandleForReading
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("kind = \"liveforce\""), Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        while !text.hasSuffix("\n"), Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: #"127\.0\.0\.1:\d+"#, options: .regularExpression),
              let port = Int(text[range].split(separator: ":")[1]) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "sim serve said: \(text)"])
        }
        self.port = port
        configPath = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-sim-\(UUID().uuidString).toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: configPath))
        var environment: [String: String] = [:]
        for kind in SourceKind.allCases {
            environment["LEADLINE_SIM_\(kind.rawValue.uppercased())"] = Simulator.credential(for: kind)
        }
        self.environment = environment
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: configPath)
    }
}
