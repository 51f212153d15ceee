"""The presenter view: what the projected screen shows, driven from the facilitator's dashboard.

The state lives in the database (`storage.presenter`), so the dashboard and the projected
screen stay in step even on different instances. The presenter token opens a read-only view
and nothing else; the facilitator token never appears on it.
"""

from __future__ import annotations

from datetime import timedelta

from services.params import token as parse_token
from storage import PresenterState, Store, WorkshopRecord
from storage.records import utc_now

MAX_TIMER_MINUTES = 60


def state(store: Store, workshop: WorkshopRecord) -> PresenterState:
    """The workshop's presenter state (created on first use, not started)."""
    return store.presenter_state(workshop.id)


def for_presenter(store: Store, raw_token: object) -> tuple[WorkshopRecord, PresenterState] | None:
    """The workshop and state a presenter link opens, or None for anything else."""
    value = parse_token(raw_token)
    if value is None:
        return None
    workshop = store.find_workshop_by_presenter_token(value)
    return None if workshop is None else (workshop, store.presenter_state(workshop.id))


def start(store: Store, workshop: WorkshopRecord, question_id: str | None) -> None:
    """Leave the join screen and show the first question, results hidden."""
    store.update_presenter(workshop.id, started=True, question_id=question_id, revealed=False)


def back_to_join(store: Store, workshop: WorkshopRecord) -> None:
    """Show the join code and QR code again."""
    store.update_presenter(workshop.id, started=False, revealed=False)


def show(store: Store, workshop: WorkshopRecord, question_id: str) -> None:
    """Show another question, its results hidden until revealed."""
    store.update_presenter(workshop.id, started=True, question_id=question_id, revealed=False)


def reveal(store: Store, workshop: WorkshopRecord, revealed: bool = True) -> None:
    """Show (or hide again) the current question's results."""
    store.update_presenter(workshop.id, revealed=revealed)


def start_timer(store: Store, workshop: WorkshopRecord, minutes: float) -> None:
    """Start a countdown of 0.5 to 60 minutes on the presenter view."""
    minutes = min(max(minutes, 0.5), MAX_TIMER_MINUTES)
    store.update_presenter(workshop.id, timer_ends_at=utc_now() + timedelta(minutes=minutes))


def stop_timer(store: Store, workshop: WorkshopRecord) -> None:
    """Remove the countdown."""
    store.update_presenter(workshop.id, timer_ends_at=None)


def seconds_left(current: PresenterState) -> int | None:
    """Whole seconds left on the countdown (0 once over), None without one."""
    if current.timer_ends_at is None:
        return None
    return max(0, int((current.timer_ends_at - utc_now()).total_seconds() + 0.999))
