"""TLS settings pass through a team workspace's address: with `sslmode=verify-full` the client
connects only to the server whose certificate its CA signed for that host name, and a server that
cannot prove who it is is refused in words, nothing opened. A server of its own (on 127.0.0.1),
its certificates made here with openssl."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from app.errors import UserError
from app.services import team as team_service
from app.services.policies import list_policies
from app.services.team import TeamWorkspace
from tests.team.workspace_fixtures import SEEDS
from tests.team_server import MEMBERS, TeamServer, start_server, why_not_available


def _openssl(*argv: str, cwd: Path) -> None:
    subprocess.run(["openssl", *argv], cwd=cwd, check=True, capture_output=True)


def _authority(folder: Path, name: str) -> None:
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={name}",
        "-keyout", f"{name}.key", "-out", f"{name}.crt", cwd=folder,
    )  # fmt: skip


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("openssl") is None:
        pytest.skip("the TLS test needs openssl to make its certificates")
    folder = tmp_path_factory.mktemp("tls")
    folder.chmod(0o755)
    _authority(folder, "team-ca")
    _authority(folder, "other-ca")
    (folder / "names.ext").write_text("subjectAltName=DNS:localhost\n")
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
        "-keyout", "server.key", "-out", "server.csr", cwd=folder,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "team-ca.crt", "-CAkey", "team-ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", "names.ext", "-out", "server.crt", cwd=folder,
    )  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def tls_server(certificates: Path) -> Iterator[TeamServer]:
    reason = why_not_available()
    if reason is not None:
        pytest.skip(f"team-workspace tests need PostgreSQL: {reason}")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = start_server(tls=(certificates / "server.crt", certificates / "server.key"), port=port)
    server.template("pt_tls", SEEDS)
    yield server
    server.stop()
    shutil.rmtree(server.folder, ignore_errors=True)


def address(server: TeamServer, host: str, **settings: str) -> str:
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in settings.items())
    return f"postgresql://alice:{MEMBERS['alice']}@{host}:{server.port}/pt_tls?{query}"


def test_verify_full_connects_to_the_server_its_authority_vouches_for(
    tls_server: TeamServer, certificates: Path
) -> None:
    url = address(
        tls_server, "localhost", sslmode="verify-full", sslrootcert=str(certificates / "team-ca.crt")
    )
    workspace = TeamWorkspace.open_url(url)
    try:
        assert [r.slug for r in list_policies(workspace)] == ["alpha", "beta"]
        assert workspace.user == "alice"
    finally:
        workspace.close()
    with psycopg.connect(
        f"host=localhost port={tls_server.port} dbname=pt_tls user=alice password={MEMBERS['alice']} "
        f"sslmode=verify-full sslrootcert={certificates / 'team-ca.crt'}"
    ) as raw:
        assert raw.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() == (True,)


@pytest.mark.parametrize(
    ("host", "authority"),
    [("localhost", "other-ca.crt"), ("127.0.0.1", "team-ca.crt")],
    ids=["certificate signed by another authority", "certificate for another host name"],
)
def test_a_server_that_cannot_prove_who_it_is_is_refused_in_words(
    tls_server: TeamServer, certificates: Path, host: str, authority: str
) -> None:
    url = address(tls_server, host, sslmode="verify-full", sslrootcert=str(certificates / authority))
    with pytest.raises(UserError) as refused:
        TeamWorkspace.open_url(url)
    message = str(refused.value)
    assert "could not prove" in message and "certificate" in message, message
    assert "\n" not in message
    with pytest.raises(UserError, match="could not prove"):
        team_service.remember_password(team_service.shown_address(url), MEMBERS["alice"])
