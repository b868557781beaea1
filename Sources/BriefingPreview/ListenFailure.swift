import Foundation

/// `briefing serve` could not listen: the address as given, and why (`PreviewServer.run`).
public struct ListenFailure: Error, CustomStringConvertible, Equatable {
    public var host: String
    public var port: UInt16
    public var reason: String

    public var description: String { "error: cannot serve on \(host):\(port): \(reason)" }
}
