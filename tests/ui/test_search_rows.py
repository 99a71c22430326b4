"""A search hit's row is tall enough for all of its text at the search dock's width:
a long article title wrapped its heading onto a second line and hid the snippet."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QListView, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from annotator.search.service import SearchHit
from ui.search.panel import HIT_ROLE, HtmlDelegate, SearchModel, hit_html

LONG_TITLE = 'Streeting\'s "final offer" is no offer at all – resident doctors must widen the fight'
SNIPPET = "resident doctors have had pay rises of close to 29 percent over the last three years"


@pytest.mark.parametrize("width", [240, 380, 900])
@pytest.mark.parametrize("title", [LONG_TITLE, "Short", LONG_TITLE * 3])
def test_row_height_holds_heading_and_snippet(qtbot: QtBot, width: int, title: str) -> None:
    hit = SearchHit("claim", 23, 3, 23, title, SNIPPET, ((48, 58),))
    model = SearchModel()
    model.set_hits([hit])
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = HtmlDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, width, 20)
    index = model.index(0, 0)
    assert index.data(HIT_ROLE) == hit
    needed = delegate._document(option, hit_html(hit)).size().height()
    assert delegate.sizeHint(option, index).height() >= needed
