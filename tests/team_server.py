"""A throwaway PostgreSQL server for the team-workspace tests: one per test session.

Started from the server programs of the system (Debian: the `postgresql` package), as the
`postgres` user when the tests run as root (initdb and pg_ctl refuse root), listening only on a
unix socket in its own folder, with password authentication. Each test gets a fresh database
copied (CREATE DATABASE … TEMPLATE) from a team workspace set up once, so a test costs a copy,
not a schema and a dataset.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ADMIN_PASSWORD = "owner-secret"
MEMBERS = {"alice": "alice-secret", "bob": "bob-secret"}


def server_programs() -> Path | None:
    """The folder of initdb and pg_ctl, if the server is installed."""
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(Path(found.stdout.strip()))
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def why_not_available() -> str | None:
    """Why the team tests cannot run here, or None when they can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return 'the PostgreSQL driver is not installed (pip install -e ".[dev]")'
    if server_programs() is None:
        return "the PostgreSQL server programs are not installed (Debian: apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run the server as"
    return None


@dataclass
class TeamServer:
    folder: Path
    bindir: Path
    port: int = 5432
    # TLS: (certificate, key) of the server; it then also listens on 127.0.0.1 (as "localhost").
    tls: tuple[Path, Path] | None = None
    _numbers = itertools.count(1)
    _templates: set[str] = field(default_factory=set)

    def url(self, user: str, database: str, password: str | None = None) -> str:
        secret = MEMBERS.get(user, ADMIN_PASSWORD) if password is None else password
        return (
            f"postgresql://{quote(user)}:{quote(secret, safe='')}@/{database}"
            f"?host={quote(str(self.folder), safe='')}&port={self.port}"
        )

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self._admin_info("postgres"), autocommit=True) as connection:
            connection.execute(sql)

    def _admin_info(self, database: str) -> str:
        return (
            f"host={self.folder} port={self.port} user=postgres password={ADMIN_PASSWORD} dbname={database}"
        )

    def fresh_database(self, template: str) -> str:
        """A new database copied from a template team workspace; returns its name."""
        name = f"t{os.getpid()}_{next(self._numbers)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _as_server_user(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command

    def start(self) -> None:
        data = self.folder / "data"
        password_file = self.folder / "admin-password"
        password_file.write_text(ADMIN_PASSWORD)
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for path in (self.folder, password_file):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        subprocess.run(
            self._as_server_user(
                [
                    str(self.bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "--auth=scram-sha-256",
                    f"--pwfile={password_file}",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        options = (
            f"-k {self.folder} -p {self.port} -c listen_addresses='' -c fsync=off -c max_connections=200"
        )
        if self.tls is not None:
            # Copied into the server's own folder: the server's user may not read the tests' folders.
            certificate = Path(shutil.copy(self.tls[0], self.folder / "server.crt"))
            key = Path(shutil.copy(self.tls[1], self.folder / "server.key"))
            if os.geteuid() == 0:
                owner = pwd.getpwnam("postgres")
                for path in (certificate, key):
                    os.chown(path, owner.pw_uid, owner.pw_gid)
            key.chmod(0o600)
            options = options.replace("listen_addresses=''", "listen_addresses=127.0.0.1") + (
                f" -c ssl=on -c ssl_cert_file={certificate} -c ssl_key_file={key}"
            )
        subprocess.run(
            self._as_server_user(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(self.folder / "log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            self._as_server_user(
                [str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"]
            ),
            check=False,
            capture_output=True,
        )

    def prepare(self) -> None:
        """The two analysts, alice and bob (logins of the whole server)."""
        for name, password in MEMBERS.items():
            self.admin(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")

    def template(self, name: str, seeds_root: Path | None) -> str:
        """A team workspace set up once (with the starter data of `seeds_root`, if any), to copy."""
        from app.services import team

        if name not in self._templates:
            self.admin(f'CREATE DATABASE "{name}"')
            team.init_team(
                self.url("postgres", name), starter_data=seeds_root is not None, seeds_root=seeds_root
            )
            for member in MEMBERS:
                team.add_member(self.url("postgres", name), member, MEMBERS[member])
            self._templates.add(name)
        return name


def start_server(tls: tuple[Path, Path] | None = None, port: int = 5432) -> TeamServer:
    bindir = server_programs()
    assert bindir is not None
    folder = Path(tempfile.mkdtemp(prefix="pt-pg-"))
    folder.chmod(0o755)
    server = TeamServer(folder, bindir, port, tls)
    try:
        server.start()
        server.prepare()
    except BaseException:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server
