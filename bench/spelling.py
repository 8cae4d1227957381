"""Spelling in the reply editor: enchant (C hunspell, the system's dictionary) against spylls
(pure Python, the shipped dictionary) in the same run; prints JSON.

    .venv/bin/python bench/spelling.py [--quick]

For each backend: the load time, ms per checked word (a whole reply checked cold, then again
from the per-word cache, as the editor re-checks on every pause in typing) and ms per
suggestion (each misspelled word asked once, cold: what a user waits for after a right-click).
`--quick` takes fewer words for a smoke run (seconds instead of a minute). A backend that cannot
load here (no libenchant or no system hunspell-ru) is reported with its reason.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cur_desktop.models.spelling import SHIPPED_DIR, Speller, candidate_words  # noqa: E402

REPLY = (
    "Уважаемая Анна Сергеевна! Ваше обращение рассмотрено. Управляющая компания сообщила, что "
    "светильники во дворе дома заменят до конца недели, а яму на въезде засыплют щебнем после "
    "согласования с администрацией района. Контроль исполнения оставлен за Центром управления "
    "регионом, о результатах сообщим дополнительно. Благодарим за неравнодушие и терпение."
)
MISSPELLED = [
    "светильнеки",
    "обращенние",
    "администрацыя",
    "управлящая",
    "сагласование",
    "дополнительна",
    "неравнодушее",
    "подъездд",
    "отопленние",
    "канализацыя",
]


def measure(backend: str, dirs: list[Path] | None, quick: bool) -> dict:
    started = time.perf_counter()
    speller = Speller(backends=(backend,), dictionary_dirs=dirs)
    load_s = time.perf_counter() - started
    if not speller.available:
        return {"available": False, "reason": speller.reason}
    text = REPLY if quick else REPLY * 3
    checked = len(list(candidate_words(text)))
    started = time.perf_counter()
    speller.misspelled(text)
    cold_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    speller.misspelled(text)
    warm_ms = (time.perf_counter() - started) * 1000
    per_suggestion = []
    for word in MISSPELLED[:3] if quick else MISSPELLED:
        started = time.perf_counter()
        speller.suggest(word)
        per_suggestion.append((time.perf_counter() - started) * 1000)
    return {
        "available": True,
        "backend": speller.backend_name,
        "load_s": round(load_s, 2),
        "words_checked": checked,
        "check_ms_per_word_cold": round(cold_ms / checked, 3),
        "check_ms_per_word_cached": round(warm_ms / checked, 4),
        "suggestions": len(per_suggestion),
        "suggest_ms_median": round(statistics.median(per_suggestion), 1),
        "suggest_ms_max": round(max(per_suggestion), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer words: a smoke run")
    args = parser.parse_args()
    result = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "quick": args.quick,
        # enchant reads the system dictionary; spylls is pointed at the shipped copy, as on a
        # machine without hunspell-ru.
        "enchant": measure("enchant", None, args.quick),
        "spylls": measure("spylls", [SHIPPED_DIR], args.quick),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
