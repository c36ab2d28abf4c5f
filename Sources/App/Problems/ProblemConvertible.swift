/// An error of some layer that knows what it means for the client (as Hummingbird's
/// `HTTPResponseError`): Domain and Store never import HTTP, so each area conforms here, in App.
protocol ProblemConvertible: Error {
    var problem: APIError { get }
}
