"""The deployment's nginx configuration and command line, checked without starting the app.

The configuration rendered from `deploy/nginx.conf.template` must pass `nginx -t`, list every
instance, keep browsers on one instance (sticky cookie) and forward websockets; the launcher
refuses what cannot work (several instances without a shared PostgreSQL).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from deploy.launch import parse_args, render_nginx_config

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (scripts/install-system.sh test)")
def test_the_rendered_nginx_configuration_is_valid_for_nginx(tmp_path: Path) -> None:
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / "tmp" / name).mkdir(parents=True)
    config = tmp_path / "nginx.conf"
    config.write_text(render_nginx_config([8601, 8602], "127.0.0.1:8080", tmp_path), encoding="utf-8")
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_the_proxy_sends_every_request_of_a_browser_to_one_instance_and_forwards_websockets(tmp_path: Path) -> None:
    text = render_nginx_config([8601, 8602, 8603], "0.0.0.0:80", tmp_path)
    assert [line.split()[1] for line in text.splitlines() if line.strip().startswith("server 127.")] == [
        "127.0.0.1:8601",
        "127.0.0.1:8602",
        "127.0.0.1:8603",
    ]
    assert "hash $autodiag_sticky consistent;" in text
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "proxy_set_header Connection $connection_upgrade;" in text
    assert "listen 0.0.0.0:80;" in text
    assert "@" not in text.replace("@NAME@", "")  # every placeholder filled


def test_several_instances_need_a_shared_postgresql_database(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--instances", "2", "--database-url", "sqlite:///data/autodiag.sqlite3"])
    assert "PostgreSQL" in capsys.readouterr().err
    args = parse_args(["--instances", "3", "--database-url", "postgresql://u@db/autodiag"])
    assert args.instances == 3


def test_the_deployment_refuses_to_start_without_a_database(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(SystemExit):
        parse_args(["--instances", "2"])
    assert "--database-url" in capsys.readouterr().err
