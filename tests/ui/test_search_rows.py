"""A search hit's row is tall enough for all of its text at the search dock's width:
a long article title wrapped its heading onto a second line and hid the snippet."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QListView, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from annotator.search.service import SearchHit
from ui.search.rows import HIT_ROLE, HitDelegate, SearchModel

LONG_TITLE = 'Streeting\'s "final offer" is no offer at all – resident doctors must widen the fight'
SNIPPET = "resident doctors have had pay rises of close to 29 percent over the last three years"
# Joined and stacked forms: a row's height is estimated from each character's
# advance alone, so these check the estimate holds where shaping changes widths.
ARABIC = "قال الأطباء المقيمون إن أجورهم انخفضت بنسبة 29 في المئة منذ عام 2008 بعد احتساب التضخم"
DEVANAGARI = "रेज़िडेंट डॉक्टरों का कहना है कि मुद्रास्फीति के बाद उनका वेतन 29 प्रतिशत कम हुआ है"


def one_row(qtbot: QtBot, hit: SearchHit) -> tuple[SearchModel, HitDelegate, QStyleOptionViewItem]:
    """A list showing the one hit, its delegate, and a row's style option."""
    model = SearchModel()
    model.set_hits([hit])
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    return model, HitDelegate(view), option


@pytest.mark.parametrize("width", [240, 380, 900])
@pytest.mark.parametrize("title", [LONG_TITLE, "Short", LONG_TITLE * 3])
@pytest.mark.parametrize("snippet", [SNIPPET, ARABIC, DEVANAGARI, SNIPPET * 4])
def test_row_height_holds_heading_and_snippet(
    qtbot: QtBot, width: int, title: str, snippet: str
) -> None:
    hit = SearchHit("claim", 23, 3, 23, title, snippet, ((48, 58),))
    model, delegate, option = one_row(qtbot, hit)
    option.rect = QRect(0, 0, width, 20)
    index = model.index(0, 0)
    assert index.data(HIT_ROLE) == hit
    _layout, needed = delegate.laid_out(option, hit)
    assert delegate.sizeHint(option, index).height() >= needed


def test_a_remembered_row_height_follows_the_width(qtbot: QtBot) -> None:
    """Heights are remembered per hit; a narrower list still gets taller rows."""
    hit = SearchHit("claim", 23, 3, 23, LONG_TITLE, SNIPPET * 4, ((48, 58),))
    model, delegate, option = one_row(qtbot, hit)
    heights = []
    for width in (900, 240, 900):
        option.rect = QRect(0, 0, width, 20)
        heights.append(delegate.sizeHint(option, model.index(0, 0)).height())
    assert heights[1] > heights[0] == heights[2]
