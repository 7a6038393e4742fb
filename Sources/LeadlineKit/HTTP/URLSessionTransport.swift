import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production ``Transport``: Foundation's URLSession, without caches or cookies.
///
/// Every request is guaranteed to finish: by its response, by cancellation of the calling task,
/// or by a deadline a little past its timeout. On Linux, URLSession has been seen to never
/// complete a task that was cancelled while its connection was closing, and its own timeout only
/// counts idle time; neither may hang leadline.
public final class URLSessionTransport: Transport {
    private let session: URLSession

    /// A transport with its own ephemeral session.
    ///
    /// Redirects are followed only within the same scheme, host and port: the request carries
    /// the vendor credential, which must never be sent to a host the config did not name.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        // Up to four pages or calls per vendor are in flight at once, and all four vendors may sit
        // behind one host (the simulator, a proxy): the default of 6 per host would queue them.
        configuration.httpMaximumConnectionsPerHost = 16
        session = URLSession(configuration: configuration, delegate: SameOriginRedirects(), delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = request.timeout.seconds
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        let pending = PendingRequest()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    pending.finish(Self.result(data: data, response: response, error: error))
                }
                pending.start(task: task, continuation: continuation, deadline: request.timeout.seconds + 5)
            }
        } onCancel: {
            pending.finish(.failure(TransportError.cancelled))
        }
    }

    private static func result(data: Data?, response: URLResponse?, error: (any Error)?) -> Result<HTTPResponse, any Error> {
        if let error {
            switch (error as? URLError)?.code {
            case .timedOut?: return .failure(TransportError.timedOut)
            case .cancelled?: return .failure(TransportError.cancelled)
            default: return .failure(TransportError.connectionFailed(error.localizedDescription))
            }
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(TransportError.connectionFailed("not an HTTP response"))
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
    }
}

/// Refuses redirects to another origin; the 3xx then reaches the client as an unexpected status.
private final class SameOriginRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    // @unchecked: no stored state.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let from = task.originalRequest?.url, to = request.url
        let sameOrigin = from?.scheme == to?.scheme && from?.host == to?.host && from?.port == to?.port
        completionHandler(sameOrigin ? request : nil)
    }
}

/// One request in flight: resumes its continuation exactly once, whichever of completion,
/// cancellation or deadline comes first, and cancels the URLSession task on the way out.
private final class PendingRequest: @unchecked Sendable {
    // @unchecked: all state is guarded by `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private var task: URLSessionDataTask?
    private var outcome: Result<HTTPResponse, any Error>?

    func start(task: URLSessionDataTask, continuation: CheckedContinuation<HTTPResponse, any Error>, deadline: Double) {
        let early: Result<HTTPResponse, any Error>? = lock.withLock {
            if let outcome { return outcome }
            self.task = task
            self.continuation = continuation
            return nil
        }
        if let early {
            task.cancel()
            continuation.resume(with: early)
            return
        }
        task.resume()
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { [weak self] in
            self?.finish(.failure(TransportError.timedOut))
        }
    }

    func finish(_ result: Result<HTTPResponse, any Error>) {
        let (continuation, task): (CheckedContinuation<HTTPResponse, any Error>?, URLSessionDataTask?) = lock.withLock {
            guard outcome == nil else { return (nil, nil) }
            outcome = result
            defer { self.continuation = nil; self.task = nil }
            return (self.continuation, self.task)
        }
        guard let continuation else { return }
        if case .failure = result { task?.cancel() }
        continuation.resume(with: result)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
