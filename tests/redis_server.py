"""redis-server on 127.0.0.1, a free port and a folder of its own (never the machine's shared
Redis): for the tests that stop, freeze or restart it (tests/test_cache_faults.py,
tests/operations/) and the Redis fault benchmark (benchmarks/cache_faults.py)."""

import os
import signal
import subprocess
import time

from tests.gunicorn import free_port


class RedisServer:
    """Can be stopped and started again (empty: it keeps nothing on disk), frozen and thawed."""

    def __init__(self, folder):
        self.port = free_port()
        self.folder = folder
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            ping = subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True)
            if ping.stdout == b"PONG\n":
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def freeze(self):
        """SIGSTOP: connections are accepted and never answered, as when Redis hangs."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(10)
