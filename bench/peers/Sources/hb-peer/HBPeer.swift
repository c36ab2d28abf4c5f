import Hummingbird

/// Hummingbird 2 peer: the same three kinds of work DuPing does, written the way a framework
/// user would (Codable in and out through the framework's JSON coders, nothing pre-encoded).
/// Usage: `hb-peer [port]` (default 8082), listens on 127.0.0.1 only.
@main
struct HBPeer {
    static func main() async throws {
        let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8082
        let ranking = Ranking.sample()
        let router = Router()
        router.get("/healthz") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        // Encoded per request by the framework's JSONEncoder, as a results endpoint would be.
        router.get("/ranking") { _, _ -> Ranking in ranking }
        router.post("/echo-ballot") { request, context -> EditedResponse<Receipt> in
            let ballot = try await request.decode(as: Ballot.self, context: context)
            return EditedResponse(
                status: .created, response: Receipt(receipt: "R\(ballot.supervision.count)"))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}

// The framework's response encoder (JSONEncoder) writes these.
extension Ranking: ResponseEncodable {}
extension Receipt: ResponseEncodable {}
