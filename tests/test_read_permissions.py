"""Reads (the Today figures, the search) are every member of staff's at a counter, and
only the committee's members' and administrator's at the committee."""

from __future__ import annotations

import uuid

import pytest
from db_support import become_committee

from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import Role
from makarem_desk.search import SearchService
from makarem_desk.services.actor import Actor
from makarem_desk.services.dashboard import DashboardService


def _actor(role: Role) -> Actor:
    return Actor(uuid.uuid4(), role.value, role.value, role)


def test_today_figures_follow_the_matrix(db: Database) -> None:
    svc = DashboardService(db)
    for role in Role:
        assert svc.today(_actor(role)).counts["overdue"] == 0  # every role at a counter
    become_committee(db)
    for role in (Role.COMMITTEE_MEMBER, Role.ADMINISTRATOR):
        assert svc.today(_actor(role)).counts["incomplete"] == 0
    for role in (Role.RECEPTIONIST, Role.SOCIAL_RESEARCHER):
        with pytest.raises(PermissionDenied):
            svc.today(_actor(role))


def test_search_follows_the_matrix(db: Database) -> None:
    svc = SearchService(db)
    assert svc.search(_actor(Role.RECEPTIONIST), "محمد") == []
    become_committee(db)
    assert svc.search(_actor(Role.COMMITTEE_MEMBER), "محمد") == []
    with pytest.raises(PermissionDenied):
        svc.search(_actor(Role.RECEPTIONIST), "محمد")
