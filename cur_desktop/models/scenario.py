"""Training scenarios: a YAML file of incidents that arrive over a practice session, with what a
good answer to each looks like. Validated here (no Qt, no server) so a trainer hears about a typo
with its line number before a class starts; the format is in resources/scenarios/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .domain import Channel, Importance, Sector

SCENARIOS_DIR = Path(__file__).resolve().parents[2] / "resources" / "scenarios"
SPEEDS = (1, 2, 5)
MAX_SCENARIO_BYTES = 512 * 1024
#: A week of scenario time: longer allowances are typos, and huge ones overflow the clock.
MAX_ALLOWANCE_MINUTES = 7 * 24 * 60

Phrase = Annotated[str, Field(min_length=1, max_length=300)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(_Strict):
    """A fact a good answer states: any one of the alternatives, case-insensitive, «ё» = «е»."""

    any_of: tuple[Phrase, ...] = Field(min_length=1)

    def found_in(self, text: str) -> bool:
        hay = normalize(text)
        return any(normalize(p) in hay for p in self.any_of)


class Expected(_Strict):
    sector: Sector | None = None
    #: The municipality the message really concerns, when it came to the wrong one.
    municipality: str | None = None
    category: str | None = None
    #: Agency codes any of which is a correct routing.
    agency: tuple[str, ...] = ()
    reply: Literal["interim", "final"] = "final"
    facts: tuple[Fact, ...] = ()
    forbidden: tuple[Phrase, ...] = ()

    @field_validator("agency", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return (v,) if isinstance(v, str) else v

    @field_validator("facts", mode="before")
    @classmethod
    def _facts(cls, v: Any) -> Any:
        if not isinstance(v, list | tuple):
            return v
        return [{"any_of": [f]} if isinstance(f, str) else {"any_of": f} for f in v]


class ScenarioIncident(_Strict):
    key: str = Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")
    #: Minutes of scenario time from the start of the session.
    at: float = Field(ge=0)
    channel: Channel = Channel.VK
    #: None: anonymous.
    author: str | None = Field(default=None, max_length=200)
    text: str = Field(min_length=1, max_length=4000)
    #: A municipality code or its full name from the reference.
    municipality: str
    importance: Importance = Importance.NORMAL
    expected: Expected = Expected()
    #: The key of an earlier incident this one repeats.
    duplicate_of: str | None = None
    #: Marks a message that came to the wrong district: `expected.municipality` says where it
    #: belongs, and a good operator moves it there.
    wrong_municipality: bool = False
    #: What the collector guessed on arrival (the trainee may have to correct it).
    sector: Sector = Sector.OTHER
    category: str | None = None

    @model_validator(mode="after")
    def _wrong_needs_target(self) -> ScenarioIncident:
        if self.wrong_municipality and not self.expected.municipality:
            raise ValueError("для wrong_municipality укажите expected.municipality")
        return self


class SlaMinutes(_Strict):
    """First-answer allowance in scenario minutes: a shift's 9 working hours do not fit a lesson."""

    normal: float = Field(default=30, gt=0, le=MAX_ALLOWANCE_MINUTES)
    high: float = Field(default=15, gt=0, le=MAX_ALLOWANCE_MINUTES)

    def for_importance(self, importance: str) -> float:
        return self.high if importance == Importance.HIGH else self.normal


class Scenario(_Strict):
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    duration: float = Field(gt=0, le=24 * 60, description="minutes of scenario time")
    default_speed: Literal[1, 2, 5] = 1
    sla: SlaMinutes = SlaMinutes()
    incidents: tuple[ScenarioIncident, ...] = Field(min_length=1, max_length=1000)

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        seen: set[str] = set()
        for n, item in enumerate(self.incidents):
            if item.key in seen:
                raise _ItemError(n, "key", f"ключ «{item.key}» повторяется")
            if item.at > self.duration:
                raise _ItemError(n, "at", f"позже конца сценария ({self.duration:g} мин)")
            if item.duplicate_of is not None and item.duplicate_of not in seen:
                raise _ItemError(n, "duplicate_of", f"нет более раннего «{item.duplicate_of}»")
            seen.add(item.key)
        return self

    def by_key(self) -> dict[str, ScenarioIncident]:
        return {i.key: i for i in self.incidents}


class _ItemError(ValueError):
    """A cross-field problem in one incident, so its line can be found."""

    def __init__(self, index: int, name: str, message: str):
        super().__init__(message)
        self.loc = ("incidents", index, name)
        self.message = message


@dataclass(frozen=True)
class Problem:
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        at = f"строка {self.line}" if self.line else "сценарий"
        return f"{at}: {self.where + ': ' if self.where else ''}{self.message}"


class ScenarioError(ValueError):
    """A scenario that cannot be used, with every problem found and its line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("Ошибка в сценарии:\n" + "\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class ReferenceCodes:
    """What scenario codes must name: the region's reference (codes and, for places, names)."""

    municipalities: dict[str, str]  # code -> name
    categories: dict[str, str]  # code -> sector
    agencies: frozenset[str]

    def municipality_code(self, code_or_name: str) -> str | None:
        if code_or_name in self.municipalities:
            return code_or_name
        wanted = normalize(code_or_name)
        for code, name in self.municipalities.items():
            if normalize(name) == wanted:
                return code
        return None


@dataclass
class _Lines:
    """Where each YAML node starts, by its path of keys and indexes."""

    at: dict[tuple, int] = field(default_factory=dict)
    #: Lines of texts with a NUL character (an escaped "\0"), which PostgreSQL cannot store.
    nul: list[int] = field(default_factory=list)

    def walk(self, node: yaml.Node, path: tuple = ()) -> None:
        self.at[path] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode) and "\x00" in node.value:
            self.nul.append(node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else str(k)
                self.at[(*path, key)] = k.start_mark.line + 1
                self.walk(v, (*path, key))
                self.at[(*path, key)] = k.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for n, v in enumerate(node.value):
                self.walk(v, (*path, n))

    def line_of(self, loc: Iterable[Any]) -> int | None:
        path = tuple(loc)
        while path:
            if path in self.at:
                return self.at[path]
            path = path[:-1]
        return self.at.get(())


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


def _where(loc: Iterable[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_scenario(text: str, reference: ReferenceCodes | None = None) -> Scenario:
    """The scenario in `text`, or a ScenarioError naming each problem's line.

    With `reference`, municipality, category and agency codes are checked against it too.
    """
    if len(text.encode()) > MAX_SCENARIO_BYTES:
        raise ScenarioError([Problem(None, "", f"файл больше {MAX_SCENARIO_BYTES // 1024} КБ")])
    try:
        _refuse_aliases(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise ScenarioError([Problem(line, "", f"не YAML: {reason}")]) from exc
    lines = _Lines()
    if root is not None:
        lines.walk(root)
    if lines.nul:
        message = "нулевой символ (\\0) в тексте недопустим"
        raise ScenarioError([Problem(line, "", message) for line in lines.nul])
    if not isinstance(data, dict):
        raise ScenarioError(
            [Problem(lines.line_of(()), "", "ожидался словарь (title, incidents…)")]
        )
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        problems = []
        errors = exc.errors(include_url=False)
        inner = [tuple(e["loc"]) for e in errors]
        for e in errors:
            loc = tuple(e["loc"])
            if e["type"] == "too_short" and any(o[: len(loc)] == loc != o for o in inner):
                continue  # a list emptied by its own items' errors: those say it better
            cause = (e.get("ctx") or {}).get("error")
            if isinstance(cause, _ItemError):
                loc, message = cause.loc, cause.message
            else:
                message = _russian(e)
            loc = tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))
            problems.append(Problem(lines.line_of(loc), _where(loc), message))
        raise ScenarioError(problems) from exc
    if reference is not None:
        problems = _check_codes(scenario, reference, lines)
        if problems:
            raise ScenarioError(problems)
    return scenario


def _refuse_aliases(text: str) -> None:
    """Anchors and aliases (`&name`, `*name`) are refused before anything is built.

    A few hundred bytes of nested aliases stand for billions of nodes («billion laughs»): the
    loader shares them, but the line walk and validation would visit every one. Reading the
    event stream is linear in the text, and a scenario never needs them.
    """
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise ScenarioError(
                [
                    Problem(
                        event.start_mark.line + 1,
                        "",
                        "якоря и ссылки YAML (&имя, *имя) не поддерживаются: "
                        "повторите текст полностью",
                    )
                ]
            )


def _russian(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "обязательное поле не задано"
    if kind == "extra_forbidden":
        return "неизвестное поле"
    if kind in ("enum", "literal_error"):
        allowed = (error.get("ctx") or {}).get("expected", "")
        return f"недопустимое значение; допустимы: {allowed}"
    return f"неверное значение ({error['msg']})"


def _check_codes(s: Scenario, ref: ReferenceCodes, lines: _Lines) -> list[Problem]:
    problems: list[Problem] = []

    def bad(loc: tuple, message: str) -> None:
        problems.append(Problem(lines.line_of(loc), _where(loc), message))

    for n, item in enumerate(s.incidents):
        base = ("incidents", n)
        exp = item.expected
        for loc, value in (
            ((*base, "municipality"), item.municipality),
            ((*base, "expected", "municipality"), exp.municipality),
        ):
            if value is not None and ref.municipality_code(value) is None:
                bad(loc, f"нет такого муниципального образования: «{value}»")
        if item.category is not None and item.category not in ref.categories:
            bad((*base, "category"), f"нет такой рубрики: «{item.category}»")
        if exp.category is not None:
            sector = ref.categories.get(exp.category)
            if sector is None:
                bad((*base, "expected", "category"), f"нет такой рубрики: «{exp.category}»")
            elif exp.sector is not None and sector != exp.sector.value:
                bad((*base, "expected", "category"), f"рубрика не из сферы «{exp.sector.value}»")
        for code in exp.agency:
            if code not in ref.agencies:
                bad((*base, "expected", "agency"), f"нет такого ведомства: «{code}»")
    return problems


def bundled_scenarios() -> dict[str, Path]:
    """Bundled scenarios by name (the file name without .yaml)."""
    return {p.stem: p for p in sorted(SCENARIOS_DIR.glob("*.yaml"))}


def load_bundled(name: str, reference: ReferenceCodes | None = None) -> tuple[str, Scenario]:
    path = bundled_scenarios().get(name)
    if path is None:
        raise ScenarioError([Problem(None, "", f"нет встроенного сценария «{name}»")])
    text = path.read_text(encoding="utf-8")
    return text, parse_scenario(text, reference)
