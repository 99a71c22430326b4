"""The import summary screenshot: a real batch of mixed files imported into the
sample project on the worker thread, its summary dialog drawn over the window."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

_PAGE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Nurses to be balloted on pay | Northern Health News</title>
<meta property="og:site_name" content="Northern Health News">
<meta property="og:url" content="https://northernhealth.example/2025/11/nurses-ballot">
<meta property="article:published_time" content="2025-11-06T08:00:00+00:00">
</head><body><nav><a href="/">Home</a> <a href="/health">Health</a></nav>
<article><h1>Nurses to be balloted on pay</h1>
<p>The Royal College of Nursing will ask members whether they are prepared to strike,
after a 3.6% award that the college says leaves pay below 2010 levels in real terms.</p>
<p>The government said the award was in line with the pay review body's recommendation.</p>
</article><aside class="related-links"><a href="/x">Related: doctors' strike</a></aside>
</body></html>"""


def _write_batch(folder: Path, samples: Path) -> list[Path]:
    (folder / "nurses-ballot.html").write_text(_PAGE, encoding="utf-8")
    offer = (samples / "bma_rejects_offer.md").read_text(encoding="utf-8")
    (folder / "bma-offer-again.md").write_text(offer, encoding="utf-8")
    (folder / "bma-offer-updated.md").write_text(
        offer.replace("November doctor strike looms", "November doctor strike looms (updated)")
        + "\nUpdate: talks are to resume on Monday, the union said.\n",
        encoding="utf-8",
    )
    (folder / "minutes.txt").write_bytes(b"")
    (folder / "report-scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    (folder / "photo.html").write_bytes(bytes(range(256)) * 4)
    (folder / "briefing.docx").write_bytes(b"This was saved as plain text, not as a Word file.")
    return sorted(folder.iterdir())


def import_summary(window: MainWindow) -> QPixmap:
    """Run the batch for real, then paint the summary dialog over the window."""
    from PySide6.QtWidgets import QDockWidget

    from resources import __file__ as resources_init

    for dock in window.findChildren(QDockWidget):
        dock.setVisible(dock is window.library_dock)
    samples = Path(resources_init).parent / "samples"
    with tempfile.TemporaryDirectory() as tmp:
        files = _write_batch(Path(tmp), samples)
        window.importing.start(files)
        while window.importing.job is not None:
            QApplication.processEvents()
    dialog = window.importing.summary
    assert dialog is not None
    imported = [o for o in dialog.outcomes if o.status == "imported" and o.article_id]
    if imported and imported[0].article_id is not None:
        window.library.select_article(imported[0].article_id)
    dialog.resize(860, 300)
    dialog.tree.setCurrentIndex(QModelIndex())
    for _ in range(5):
        QApplication.processEvents()
    shot = window.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), _dim())
    corner = QPoint((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 3)
    painter.drawPixmap(corner, dialog.grab())
    painter.setPen(_frame())
    painter.drawRect(corner.x() - 1, corner.y() - 1, dialog.width() + 1, dialog.height() + 1)
    painter.end()
    dialog.close()
    return shot


def delete_article(window: MainWindow) -> QPixmap:
    """The question Edit > Delete article… asks, over the library with the article selected."""
    from ui.library.deletion import question_box

    project = window.session.project
    article = max(project.articles.list(), key=lambda a: a.claims)
    window.library.select_article(article.id)
    box, _delete = question_box(window, project.articles.deletion(article.id))
    box.show()
    for _ in range(5):
        QApplication.processEvents()
    shot = window.grab()
    dialog = box.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), _dim())
    corner = QPoint((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 3)
    painter.drawPixmap(corner, dialog)
    painter.setPen(_frame())
    painter.drawRect(corner.x() - 1, corner.y() - 1, dialog.width() + 1, dialog.height() + 1)
    painter.end()
    box.close()
    return shot


def _dim() -> QColor:
    return QColor(0, 0, 0, 70)


def _frame() -> QColor:
    return QColor(90, 90, 90)
