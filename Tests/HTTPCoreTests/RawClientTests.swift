import Foundation
import Glibc
import Synchronization
import TestSupport
import Testing

/// The test client itself: live tests count connections, so a client that closed a descriptor
/// it no longer owned made other tests lose theirs at random (CI once saw 4,999 of 5,000).
@Suite struct RawClientTests {
    /// A refused connect must close its own socket once. While one thread keeps failing to
    /// connect, another keeps opening descriptors and checks each stays open until it closes it.
    @Test func aRefusedConnectClosesOnlyItsOwnDescriptor() throws {
        let (socket, port) = try Self.portWithoutListener()
        defer { close(socket) }
        let stop = Atomic(false)
        let stolen = Atomic(0)
        let finished = DispatchSemaphore(value: 0)
        let watcher = Thread {
            defer { finished.signal() }
            while !stop.load(ordering: .relaxed) {
                let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { continue }
                var open = true
                for _ in 0..<50 where open { open = fcntl(fd, F_GETFD) >= 0 }
                if open { close(fd) } else { stolen.add(1, ordering: .relaxed) }
            }
        }
        watcher.start()
        for _ in 0..<5_000 {
            #expect(throws: RawClient.ClientError.connect) { try RawClient(port: port) }
        }
        stop.store(true, ordering: .relaxed)
        finished.wait()
        #expect(stolen.load(ordering: .relaxed) == 0)
    }

    /// A loopback port that refuses connections: bound, never listened on, and held (until the
    /// caller closes the socket) so no other test can take it.
    static func portWithoutListener() throws -> (socket: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(fd >= 0 && bound)
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
