"""scripts/setup's choice of interpreter for a new .venv (``--which-python`` prints it): $PYTHON when
set, else the distribution's CPython when it is ≥ 3.11 and can make a virtual environment (Debian's
is built with profile-guided and link-time optimisation: benchmarks/RESULTS.md §1, "the
interpreter"), else python3 on the PATH."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETUP = ROOT / "scripts" / "setup"


def _which(tmp_path: Path, **env: str) -> str:
    # a copy of the script in a checkout of its own: --which-python decides before it touches anything,
    # and nothing of the real checkout's .venv is in the way
    scripts = tmp_path / "checkout" / "scripts"
    scripts.mkdir(parents=True, exist_ok=True)
    shutil.copy(SETUP, scripts / "setup")
    run_env = {k: v for k, v in os.environ.items() if k not in ("PYTHON", "SYSTEM_PYTHON")}
    run_env.update(env)
    out = subprocess.run(["bash", str(scripts / "setup"), "--which-python"], env=run_env, capture_output=True,
                         text=True, timeout=60, check=True)
    return out.stdout.strip()


def _fake_python(tmp_path: Path, name: str, version: tuple[int, int], venv: bool) -> Path:
    """A stand-in interpreter: answers the version test and the ``import ensurepip, venv`` test."""
    path = tmp_path / name
    path.write_text(
        "#!/bin/sh\n"
        f'case "$2" in *ensurepip*) exit {0 if venv else 1};; esac\n'
        f'exec {sys.executable} -c "import sys; sys.exit({tuple(version)!r} < (3, 11))"\n', "utf-8")
    path.chmod(0o755)
    return path


def test_python_set_by_the_user_wins(tmp_path):
    system = _fake_python(tmp_path, "system", (3, 12), venv=True)
    assert _which(tmp_path, PYTHON="/opt/my/python3.13", SYSTEM_PYTHON=str(system)) == "/opt/my/python3.13"


def test_the_distributions_python_is_chosen_when_it_can_make_a_venv(tmp_path):
    system = _fake_python(tmp_path, "system", (3, 11), venv=True)
    assert _which(tmp_path, SYSTEM_PYTHON=str(system)) == str(system)


def test_a_distribution_python_without_venv_or_too_old_is_passed_over(tmp_path):
    no_venv = _fake_python(tmp_path, "no_venv", (3, 11), venv=False)
    old = _fake_python(tmp_path, "old", (3, 10), venv=True)
    assert _which(tmp_path, SYSTEM_PYTHON=str(no_venv)) == "python3"  # (without --system: nothing installed)
    assert _which(tmp_path, SYSTEM_PYTHON=str(old)) == "python3"
    assert _which(tmp_path, SYSTEM_PYTHON=str(tmp_path / "missing")) == "python3"


def test_on_this_machine_debians_python_is_chosen_where_it_is_there():
    system = Path("/usr/bin/python3")
    probe = subprocess.run([str(system), "-c", "import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))"],
                           capture_output=True) if system.exists() else None
    if probe is None or probe.returncode != 0:
        pytest.skip("no /usr/bin/python3 ≥ 3.11 with its venv module on this machine: python3 is used")
    out = subprocess.run(["bash", str(SETUP), "--which-python"], capture_output=True, text=True, timeout=60,
                         env={k: v for k, v in os.environ.items() if k not in ("PYTHON", "SYSTEM_PYTHON")})
    assert out.stdout.strip() == "/usr/bin/python3"
