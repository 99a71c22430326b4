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
from collections.abc import Callable, Iterator
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


def _wait_for(check: Callable[[], bool], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def _claim_rows(path: Path) -> list[tuple[str, str | None]]:
    """(quote, stance) of every claim, read from the file as another program would."""
    project = Project.open(path)
    try:
        return [(c.quote, c.stance) for c in project.claims.list()]
    finally:
        project.close()


def _launch(display: str, tmp_path: Path) -> tuple[subprocess.Popen[str], Path, str]:
    """`annotator --project FILE` on the sample articles, its main window mapped and focused."""
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
    # The main window is mapped (Qt also creates an unmapped helper window).
    window = ""
    deadline = time.monotonic() + 30
    while not window and time.monotonic() < deadline and app.poll() is None:
        window = _xdotool(display, "search", "--onlyvisible", "--name", "desk.sqlite")
        time.sleep(0.2)
    if not window:
        app.kill()
        _out, err = app.communicate()
        pytest.fail(f"no window appeared; stderr: {err}")
    window = window.splitlines()[0]
    _xdotool(display, "windowfocus", "--sync", window)
    return app, path, window


def _quit(display: str, app: subprocess.Popen[str]) -> str:
    """Ctrl+Q, as a user quits; returns what the app printed on stderr."""
    _xdotool(display, "key", "ctrl+q")
    _out, err = app.communicate(timeout=20)
    return err


def test_app_starts_marks_a_claim_and_quits_on_a_real_x_server(
    display: str, tmp_path: Path
) -> None:
    app, path, window = _launch(display, tmp_path)
    try:
        geometry = _xdotool(display, "getwindowgeometry", window)
        assert "Geometry:" in geometry

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
        err = _quit(display, app)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0
    assert err == "", err
    assert _claims(path) == quotes


def test_sentence_mark_stance_undo_redo_through_the_window_system(
    display: str, tmp_path: Path
) -> None:
    """The keyboard path a checker uses, as real X key events: "." selects the
    sentence at the cursor, M marks it, 1 gives it the first stance; Ctrl+Z takes the
    stance off, Ctrl+Z again takes the claim away, Ctrl+Shift+Z twice brings both back."""
    app, path, _window = _launch(display, tmp_path)
    try:
        # Open the library's first article, then into the reader: Ctrl+Home, ".", M.
        _xdotool(display, "key", "--delay", "200", "ctrl+shift+f", "Tab", "Down", "Home",
                 "ctrl+shift+r", "ctrl+Home", "period", "m")  # fmt: skip
        assert _wait_for(lambda: len(_claim_rows(path)) == 1), _claim_rows(path)
        [(quote, stance)] = _claim_rows(path)
        assert quote.strip() and stance is None
        assert len(quote.split()) > 1  # a sentence, not a word

        _xdotool(display, "key", "1")
        assert _wait_for(lambda: [s for _q, s in _claim_rows(path)] == ["for"]), _claim_rows(path)

        _xdotool(display, "key", "ctrl+z")
        assert _wait_for(lambda: _claim_rows(path) == [(quote, None)]), _claim_rows(path)
        _xdotool(display, "key", "ctrl+z")
        assert _wait_for(lambda: _claim_rows(path) == []), _claim_rows(path)  # the claim is gone

        _xdotool(display, "key", "--delay", "200", "ctrl+shift+z", "ctrl+shift+z")
        assert _wait_for(lambda: _claim_rows(path) == [(quote, "for")]), _claim_rows(path)
        err = _quit(display, app)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0
    assert err == "", err
    assert _claim_rows(path) == [(quote, "for")]
