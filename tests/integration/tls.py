"""A TLS-terminating proxy (stunnel) in front of the embedded broker, with a CA made for the test."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from pipeline.cli.embedded_broker import free_port, port_open
from pipeline.cli.processes import spawn, terminate


def stunnel_binary() -> str | None:
    return shutil.which("stunnel4") or shutil.which("stunnel")


def make_certificates(workdir: Path) -> tuple[Path, Path, Path]:
    """A self-signed CA and a server certificate for 127.0.0.1 signed by it: (ca, cert, key)."""
    ca_key, ca, key, csr, cert = (workdir / n for n in ("ca.key", "ca.pem", "server.key", "server.csr",
                                                          "server.pem"))
    ext = workdir / "server.ext"
    ext.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
                   "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out", str(ca), "-days", "2",
        "-subj", "/CN=binhyen test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr), "-subj", "/CN=127.0.0.1")
    run("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key), "-CAcreateserial",
        "-out", str(cert), "-days", "2", "-extfile", str(ext))
    return ca, cert, key


class TlsProxy:
    """stunnel accepting TLS on 127.0.0.1:``port`` and forwarding plain TCP to ``target_port``."""

    def __init__(self, workdir: Path, target_port: int, port: int | None = None) -> None:
        self.workdir = workdir
        self.target_port = target_port
        self.port = port or free_port()
        self.ca: Path | None = None
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 20.0) -> "TlsProxy":
        binary = stunnel_binary()
        if binary is None:
            raise RuntimeError("stunnel is not installed (deploy/scripts/ensure-tools.sh installs it)")
        self.ca, cert, key = make_certificates(self.workdir)
        conf = self.workdir / "stunnel.conf"
        conf.write_text(f"foreground = yes\npid =\ndebug = 5\n\n[kafka]\naccept = 127.0.0.1:{self.port}\n"
                        f"connect = 127.0.0.1:{self.target_port}\ncert = {cert}\nkey = {key}\n")
        self.process = spawn([binary, str(conf)], log_path=self.workdir / "stunnel.log")
        deadline = time.monotonic() + timeout
        while not port_open("127.0.0.1", self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"stunnel did not start; see {self.workdir / 'stunnel.log'}")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        terminate(self.process, grace=5)
        self.process = None
