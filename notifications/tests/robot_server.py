"""A real HTTP server on 127.0.0.1 standing in for 企业微信 / 钉钉: records each POST, answers as told."""

import json
import socket
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Received:
    path: str
    query: dict  # name -> [values], decoded
    raw_query: str
    headers: dict
    body: dict


@dataclass
class RobotServer:
    url: str
    received: list[Received] = field(default_factory=list)
    status: int = 200
    answer: dict = field(default_factory=lambda: {"errcode": 0, "errmsg": "ok"})

    def webhook(self, path="/cgi-bin/webhook/send?key=test-key") -> str:
        return self.url + path


@contextmanager
def robot_server():
    state = RobotServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            parts = urlsplit(self.path)
            state.received.append(Received(
                path=parts.path, query=parse_qs(parts.query), raw_query=parts.query,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=json.loads(self.rfile.read(length).decode("utf-8"))))
            data = json.dumps(state.answer, ensure_ascii=False).encode()
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def refused_url() -> str:
    """An address on 127.0.0.1 where nothing listens: a connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/robot/send?access_token=down"
