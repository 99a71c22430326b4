"""Docks rarely needed first are built when first shown, and work the same then."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.shell import settings
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession


def test_compare_docks_are_empty_until_asked_for_then_filled(
    qtbot: QtBot, session: ProjectSession
) -> None:
    settings.settings().remove("window/state")  # no dock left open by an earlier run
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    wiring = window.compare
    docks = (wiring.compare_dock, wiring.figures_dock, wiring.balance_dock, wiring.matches_dock)
    assert all(dock.widget() is None for dock in docks)  # start-up paid for none of them
    assert all(window.actions[k].shortcut().toString() for k in ("compare_sides", "figures_view"))

    window.actions["compare_sides"].trigger()
    qtbot.waitUntil(lambda: wiring.compare_dock.isVisible())
    view = window.host.content("compare")
    assert view is not None and view is wiring.compare
    assert view.accessibleName() == "Compare sides"
    assert window.host.content("figures") is None  # only what was asked for

    window.actions["toggle_balance"].trigger()  # the View menu's toggle builds it too
    qtbot.waitUntil(lambda: window.host.content("balance") is not None)
    assert window.host.content("balance") is wiring.balance


def test_datasets_dock_is_built_when_first_asked_for(qtbot: QtBot, session: ProjectSession) -> None:
    settings.settings().remove("window/state")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    dock = window.evidence.datasets_dock
    assert dock.widget() is None
    window.actions["toggle_datasets"].trigger()
    qtbot.waitUntil(lambda: dock.widget() is not None)
    panel = window.evidence.datasets
    assert window.host.content("datasets") is panel and panel.chooser.accessibleName() == "Dataset"


def test_a_window_started_lean_paints_its_shell_then_builds_the_features(
    qtbot: QtBot, session: ProjectSession
) -> None:
    """The app's start-up (defer_features): the shell first, the features after its paint."""
    settings.settings().remove("window/state")
    window = MainWindow(session, defer_features=True)
    qtbot.addWidget(window)
    assert not window.features_built and window.host.content("claims") is None  # reserved, empty
    assert window.library.model.rowCount() > 0  # the shell lists the articles already
    window.show()
    qtbot.waitUntil(lambda: window.features_built)
    assert window.host.docks["claims"].isVisible()
    assert window.host.content("claims") is window.claims.panel
    assert window.host.peer("claims", object) is window.claims
    assert window.actions["undo"].text()
    window.build_features()  # once only: a second call builds nothing more
    assert list(window.host.docks).count("claims") == 1


def test_a_lean_window_never_painted_still_builds_its_features(
    qtbot: QtBot, session: ProjectSession
) -> None:
    """Shown minimised or with updates held, no frame comes: the features follow anyway."""
    window = MainWindow(session, defer_features=True)
    qtbot.addWidget(window)
    window.setUpdatesEnabled(False)  # no paint, no flush
    window.show()
    qtbot.wait(50)
    assert not window.features_built
    qtbot.waitUntil(lambda: window.features_built, timeout=3000)
    window.setUpdatesEnabled(True)
    assert window.host.docks["claims"].isVisible()
