"""The citizen's message and an answer side by side, each under its caption: an answer is
judged against what was asked (approvals, quality review). Both panes are read-only plain text
(outside text is never markup) that wraps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget


def text_pane(name: str, text: str = "") -> QPlainTextEdit:
    pane = QPlainTextEdit(text)
    pane.setObjectName(name)
    pane.setReadOnly(True)
    pane.setTabChangesFocus(True)
    pane.setMinimumWidth(160)
    pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it wraps
    return pane


def side_by_side(*columns: tuple[QLabel, QWidget]) -> QSplitter:
    """(caption, pane) columns, left to right, none of them collapsible to nothing."""
    sides = QSplitter(Qt.Orientation.Horizontal)
    for caption, pane in columns:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(caption)
        v.addWidget(pane, 1)
        sides.addWidget(box)
    sides.setChildrenCollapsible(False)
    return sides
