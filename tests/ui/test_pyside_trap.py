"""PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void Qt call until the
interpreter aborted. This makes 100k such calls and checks the refcounts do not fall, so an
upgrade cannot bring that back unnoticed."""

from __future__ import annotations

import gc
import sys

import PySide6
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel


def test_pinned_pyside_version():
    major, minor, patch = (int(p) for p in PySide6.__version__.split(".")[:3])
    assert (6, 9, 3) <= (major, minor, patch) < (6, 10, 0)


def test_void_qt_calls_keep_none_true_false_alive(qapp):
    label = QLabel()
    model = QStandardItemModel()
    gc.collect()
    gc.disable()  # other tests' garbage must not move the counts during the loop
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for i in range(100_000):
        label.setText("x")
        label.resize(10 + i % 7, 10)
        label.setVisible(False)
        label.setEnabled(True)
        if i % 100 == 0:
            model.appendRow(QStandardItem("r"))
    after = [sys.getrefcount(x) for x in (None, True, False)]
    gc.enable()
    # The bug drops one reference per call (100k); anything else is noise of a few hundred.
    for b, a in zip(before, after, strict=True):
        assert a >= b - 1000, (before, after)
    assert model.rowCount() == 1000
