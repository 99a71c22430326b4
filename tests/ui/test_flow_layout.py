"""FlowLayout: a row of controls that wraps by width (the bottom panel's views at
1280x800), with an item added AlignRight kept at the right end of its row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.flow import FlowLayout


def _row(qtbot: QtBot, width: int) -> tuple[QWidget, list[QPushButton]]:
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    buttons = [QPushButton(f"Button number {n}", host) for n in range(4)]
    for button in buttons:
        button.setFixedWidth(100)
        flow.addWidget(button)
    flow.setAlignment(buttons[-1], Qt.AlignmentFlag.AlignRight)
    host.resize(width, flow.heightForWidth(width))
    host.show()
    qtbot.waitExposed(host)
    return host, buttons


def test_one_row_when_there_is_room_the_last_at_the_right(qtbot: QtBot) -> None:
    host, buttons = _row(qtbot, 600)
    assert len({b.y() for b in buttons}) == 1
    assert buttons[-1].geometry().right() == host.width() - 1
    assert buttons[1].x() < buttons[2].x() < buttons[3].x() - 100


def test_wraps_into_rows_as_tall_as_it_needs(qtbot: QtBot) -> None:
    host, buttons = _row(qtbot, 230)
    rows = sorted({b.y() for b in buttons})
    assert len(rows) == 2  # two buttons a row
    assert all(b.geometry().right() < host.width() for b in buttons)
    layout = host.layout()
    assert layout is not None and layout.minimumSize().width() == 100
    assert layout.heightForWidth(230) > layout.heightForWidth(600)
