"""The app on a real X server (Xvfb, Qt's xcb platform), driven through the window system.

The offscreen platform the other GUI tests use loads no xcb plugin, so it cannot
see a missing system library, a window that never maps, or a warning Qt prints
on a real desktop. This test starts `annotator --project FILE` as a user would,
types into it with xdotool (real X key events), and quits it with Ctrl+Q.
`.ci/run` installs Xvfb and xdotool, so in CI it always runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.project import Project
from annotator.samples.articles import seed_samples

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
    reason="needs Xvfb and xdotool (.ci/run installs them: apt-get install xvfb xdotool)",
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh X server; Xvfb picks a free display number and writes it to a pipe."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _xdotool(display: str, *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
    )
    return result.stdout.strip()


def _claims(path: Path) -> list[str]:
    project = Project.open(path)
    try:
        return [c.quote for c in project.claims.list()]
    finally:
        project.close()


def test_app_starts_marks_a_claim_and_quits_on_a_real_x_server(
    display: str, tmp_path: Path
) -> None:
    path = tmp_path / "desk.sqlite"
    project = Project.open(path, create=True)
    seed_samples(project, claims=False)
    project.close()

    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        ANNOTATOR_DATA_DIR=str(tmp_path / "data"),
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "ui.app", "--project", str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The main window is mapped (Qt also creates an unmapped helper window).
        window = ""
        deadline = time.monotonic() + 30
        while not window and time.monotonic() < deadline and app.poll() is None:
            window = _xdotool(display, "search", "--onlyvisible", "--name", "desk.sqlite")
            time.sleep(0.2)
        assert window, f"no window appeared; stderr: {app.stderr.read() if app.stderr else ''}"
        window = window.splitlines()[0]
        geometry = _xdotool(display, "getwindowgeometry", window)
        assert "Geometry:" in geometry
        _xdotool(display, "windowfocus", "--sync", window)

        # Filter the library, open the first article, select words, press M.
        _xdotool(display, "key", "--delay", "150", "ctrl+shift+f")
        _xdotool(display, "type", "--delay", "60", "BMA")
        _xdotool(display, "key", "--delay", "200", "Tab", "Down", "Home", "ctrl+shift+r",
                 "ctrl+Home", "shift+End", "m")  # fmt: skip
        quotes: list[str] = []
        deadline = time.monotonic() + 15
        while not quotes and time.monotonic() < deadline:
            time.sleep(0.3)
            quotes = _claims(path)
        assert len(quotes) == 1 and quotes[0].strip(), quotes

        _xdotool(display, "key", "ctrl+q")
        _out, err = app.communicate(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0
    assert err == "", err
    assert _claims(path) == quotes
