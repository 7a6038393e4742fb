import Logging
extension Workspace {
    /// The built-in demo: the four vendors simulated in-process (no network), about 200 people.
    ///
    /// The real clients, cache and merging run against it exactly as against the vendors.
    public static func demo(options: SimulatorOptions = SimulatorOptions(), logger: Logger = .disabled) -> Workspace {
        let simulator = Simulator(options: options)
        let sources = simulator.sourceConfigs(baseURL: "http://demo.leadline.invalid")
        var environment: [String: String] = [:]
        for source in sources {
            if case .environment(let variable) = source.credential {
                environment[variable] = Simulator.credential(for: source.kind)
            }
        }
        return Workspace(
            config: Config(file: nil, sources: sources), environment: environment,
            transport: SimulatorTransport(simulator), logger: logger)
    }
}
