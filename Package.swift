// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "leadline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "leadline", targets: ["leadline"]),
        .executable(name: "leadline-bench", targets: ["leadline-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // Model, vendor clients, HTTP, config and cache. No terminal code.
        .target(
            name: "LeadlineKit",
            dependencies: [
                "CZlib", "CMalloc", .product(name: "TOMLKit", package: "TOMLKit"),
                // The API the clients log through (`--log-file`); LogFile is its file handler.
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // zlib (Debian: zlib1g-dev), to keep every event's raw vendor item deflated in memory.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's <malloc.h> (part of libc6-dev, which the toolchain needs): mallopt and malloc_trim.
        .systemLibrary(name: "CMalloc"),
        // Terminal-independent UI: cell Buffer, widgets, layout, state machine.
        .target(name: "LeadlineUI", dependencies: ["LeadlineKit"]),
        // ncursesw, wide-character API. Only LeadlineTerminal imports it. No pkgConfig: the
        // -D flags ncursesw.pc adds are refused by SwiftPM (a warning); shim.h defines what it needs.
        .systemLibrary(name: "CNcursesw"),
        // The only code that talks to ncurses.
        .target(name: "LeadlineTerminal", dependencies: ["CNcursesw", "LeadlineUI"]),
        .executableTarget(
            name: "leadline",
            dependencies: [
                "LeadlineKit", "LeadlineUI", "LeadlineTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                // Serves the vendor simulator over HTTP for `leadline sim serve`; FlyingSocks
                // is its byte-stream protocol, for the simulator's slow and dropped bodies.
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // Measures DESIGN §6's quality bars on simulator data: `swift run -c release leadline-bench`.
        .executableTarget(name: "leadline-bench", dependencies: ["LeadlineKit", "LeadlineUI", "CMalloc"]),
        .testTarget(
            name: "LeadlineKitTests",
            dependencies: ["LeadlineKit", .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LeadlineUITests", dependencies: ["LeadlineUI"]),
        .testTarget(name: "leadlineBenchTests", dependencies: ["leadline-bench"]),
        .testTarget(name: "LeadlineTerminalTests", dependencies: ["LeadlineTerminal", "CNcursesw", "LeadlineKit"]),
        .testTarget(
            name: "leadlineTests",
            dependencies: [
                "leadline", "LeadlineKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
