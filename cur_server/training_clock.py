"""The virtual clock of a training session: scenario minutes against wall time.

The clock is a list of run segments `{"wall": ISO, "minute": m, "speed": k, "end": ISO|None}`:
from `wall` on, scenario time ran from minute `m` at `k` scenario minutes per wall minute, until
`end` (a pause, a speed change or the stop). Keeping the whole history, not just "now", lets the
scorecard put any wall-clock moment (a reply's time) on the scenario's time line exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Segment:
    wall: datetime
    minute: float
    speed: int
    end: datetime | None

    def minute_at(self, wall: datetime) -> float:
        stop = wall if self.end is None else min(wall, self.end)
        return self.minute + (stop - self.wall).total_seconds() / 60 * self.speed

    def to_json(self) -> dict:
        return {
            "wall": self.wall.isoformat(),
            "minute": self.minute,
            "speed": self.speed,
            "end": self.end.isoformat() if self.end else None,
        }

    @classmethod
    def from_json(cls, d: dict) -> Segment:
        end = d.get("end")
        return cls(
            datetime.fromisoformat(d["wall"]),
            float(d["minute"]),
            int(d["speed"]),
            datetime.fromisoformat(end) if end else None,
        )


class SessionClock:
    def __init__(self, segments: list[dict] | None = None):
        self.segments = [Segment.from_json(d) for d in segments or []]

    def to_json(self) -> list[dict]:
        return [s.to_json() for s in self.segments]

    @property
    def running(self) -> bool:
        return bool(self.segments) and self.segments[-1].end is None

    def minute_at(self, wall: datetime) -> float | None:
        """Scenario minutes at a wall-clock moment; None before the session started."""
        if not self.segments or wall < self.segments[0].wall:
            return None
        last = self.segments[0]
        for seg in self.segments:
            if seg.wall > wall:
                break
            last = seg
        return last.minute_at(wall)

    def wall_at(self, minute: float, now: datetime, speed: int) -> datetime:
        """When the clock reached `minute`, or when it will at `speed` if resumed from `now`."""
        for seg in self.segments:
            reach = seg.wall + timedelta(minutes=(minute - seg.minute) / seg.speed)
            if minute >= seg.minute and (seg.end is None or reach <= seg.end) and reach <= now:
                return reach
        current = self.minute_at(now) or 0.0
        return now + timedelta(minutes=max(0.0, minute - current) / speed)

    def run(self, now: datetime, speed: int) -> None:
        """Start, resume, or change speed: close the open segment and open a new one."""
        minute = self.minute_at(now) or 0.0
        self.pause(now)
        self.segments.append(Segment(now, minute, speed, None))

    def pause(self, now: datetime) -> None:
        if self.running:
            last = self.segments[-1]
            self.segments[-1] = Segment(last.wall, last.minute, last.speed, now)
