"""A small HTTP/JSON client over http.client for the multi-instance test."""

import http.client
import json


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return f"{self.status} {self.body[:300].decode('utf-8', 'replace')}"


def encode(body):
    if body is None:
        return None, {}
    if isinstance(body, (bytes, str)):
        return (body.encode("utf-8") if isinstance(body, str) else body), {}
    return json.dumps(body, ensure_ascii=False).encode("utf-8"), {"Content-Type": "application/json"}


class Client:
    """Requests to one `127.0.0.1:port` on one keep-alive connection, opened again when the
    server closes it. Not shared between threads."""

    def __init__(self, port, token=None, timeout=30):
        self.port = port
        self.token = token
        self.timeout = timeout
        self.connection = None

    def connect(self):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            self.connection.connect()
        return self.connection

    def request(self, method, path, body=None, token=None, headers=None):
        payload, extra = encode(body)
        all_headers = dict(extra)
        credential = token or self.token
        if credential:
            all_headers["Authorization"] = f"Bearer {credential}"
        all_headers.update(headers or {})
        for attempt in range(2):
            reused = self.connection is not None
            connection = self.connect()
            try:
                connection.request(method, path, body=payload, headers=all_headers)
                response = connection.getresponse()
                data = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return Response(response.status, dict(response.getheaders()), data)
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A keep-alive connection the server closed while idle; a fresh one is safe
                # only for a request that never reached it, which is what these errors mean on a reused connection.
                self.close()
                if not reused or attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def expect(self, status, method, path, body=None, token=None, headers=None):
        """The response, after checking its status (an AssertionError naming the request if not)."""
        response = self.request(method, path, body=body, token=token, headers=headers)
        if response.status != status:
            raise AssertionError(f"{method} {path} → {response.status}, expected {status}: {response.body[:500]!r}")
        return response

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None
