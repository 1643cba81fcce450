"""Staff accounts: passwords, log-in, roles, lock-out after repeated failures.

Passwords are hashed with Argon2id under the database's ``PasswordPolicy``
(makarem_desk/passwords.py); each stored hash names its own scheme and parameters, and a
hash made under an older scheme (the first releases' scrypt) or weaker parameters is
replaced at the owner's next successful sign-in.  Failed log-ins are recorded in the audit
trail, which also drives the lock-out: it survives a restart of the application and needs
no extra column.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import PermissionDenied, UserError
from ..models import AuditEvent, Role, User, utcnow
from ..passwords import DEFAULT_POLICY, PasswordPolicy, describe_hash, verify_password
from ..permissions import ADMIN_ONLY, PUBLIC, STAFF, guarded, register
from .actor import Actor

register({
    "AuthService.login": PUBLIC,
    "AuthService.has_administrator": PUBLIC,  # the first-run screen asks before anyone can
    "AuthService.create_user": ADMIN_ONLY,
    "AuthService.reset_password": ADMIN_ONLY,
    "AuthService.set_active": ADMIN_ONLY,
    "AuthService.list_users": ADMIN_ONLY,  # who works here is the administrator's business
    # Every role manages its own password and language; the method refuses another user's
    # unless the actor is an administrator.
    "AuthService.change_password": STAFF,
    "AuthService.set_language": STAFF,
    "AuthService.get": STAFF,
    "AuthService.set_role": ADMIN_ONLY,
    # The signed-in person's own session, whatever their role; at a locked window an
    # administrator's credentials are checked inside ``sign_out_locked``.
    "AuthService.logout": STAFF,
    "AuthService.lock": STAFF,
    "AuthService.unlock": STAFF,
    "AuthService.sign_out_locked": STAFF,
})

MIN_PASSWORD_LENGTH = 8
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
LANGUAGES = ("ar", "en")
# Events that prove the password was known (or replaced): they end a run of failures.
_PROVEN = ("login", "session_unlocked", "password_reset")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


def hash_password(password: str, *, policy: PasswordPolicy = DEFAULT_POLICY) -> str:
    return policy.hash(password)


@dataclass(frozen=True)
class UserView:
    id: uuid.UUID
    username: str
    full_name: str
    role: Role
    language: str
    active: bool
    last_login_at: datetime | None


def _view(u: User) -> UserView:
    return UserView(u.id, u.username, u.full_name, u.role, u.language, u.active, u.last_login_at)


def actor_for(u: UserView | User) -> Actor:
    return Actor(user_id=u.id, username=u.username, full_name=u.full_name, role=u.role)


def check_username(raw: str) -> str:
    name = raw.strip().lower()
    if not _USERNAME.match(name):
        raise UserError(
            "The user name must be 2-32 Latin letters, digits, '.', '_' or '-'.",
            message_ar="اسم المستخدم من حرفين إلى ٣٢ حرفًا لاتينيًا أو رقمًا أو (. _ -).",
        )
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
            message_ar=f"يجب ألا تقل كلمة المرور عن {MIN_PASSWORD_LENGTH} أحرف.",
        )


def check_full_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name:
        raise UserError("The full name is required.", message_ar="الاسم الكامل مطلوب.")
    return name


class AuthService:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow):
        self.db = db
        self.clock = clock

    # -- log-in ---------------------------------------------------------------------------
    def login(self, username: str, password: str) -> Actor:
        return actor_for(self._authenticate(username, password, success="login"))

    def _authenticate(self, username: str, password: str, *, success: str,
                      details: dict[str, str] | None = None,
                      require: Role | None = None) -> User:
        """Check a user name and password; every outcome is audited under that user name,
        and failures count toward the lock-out whatever asked (log-in or unlocking)."""
        name = username.strip().lower()
        now = self.clock()
        refused = UserError(
            "Wrong user name or password.",
            message_ar="اسم المستخدم أو كلمة المرور غير صحيحة.",
        )
        with self.db.session() as s:
            locked_until = self._locked_until(s, name, now)
            if locked_until is not None:
                minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
                raise UserError(
                    f"Too many failed attempts; try again in {minutes} minutes.",
                    message_ar=f"محاولات خاطئة كثيرة؛ حاول مرة أخرى بعد {minutes} دقيقة.",
                )
            user = s.scalars(select(User).where(User.username == name)).first()
            policy = self.db.passwords
            ok = verify_password(password, user.password_hash if user else policy.dummy_hash())
            if user is None or not ok or not user.active:
                record_event(s, None, "login_failed", username=name, entity="user",
                             details={"during": success, **(details or {})}, at=now)
                # Commit the failure record even though we raise: it is the lock-out state.
                s.commit()
                raise refused
            if require is not None and user.role is not require:
                record_event(s, actor_for(user), f"{success}_refused", entity="user",
                             entity_id=user.id, details=details, at=now)
                s.commit()
                raise PermissionDenied(
                    f"Your role ({user.role.value}) is not allowed to do this.",
                    message_ar="صلاحيتك لا تسمح بهذا الإجراء.",
                )
            if success == "login":
                user.last_login_at = now
            record_event(s, actor_for(user), success, entity="user", entity_id=user.id,
                         details=details, at=now)
            if policy.needs_rehash(user.password_hash):
                # The only moment the password is known: move the hash to the current policy.
                before = describe_hash(user.password_hash)
                user.password_hash = policy.hash(password)
                record_event(s, actor_for(user), "password_hash_upgraded", entity="user",
                             entity_id=user.id, at=now,
                             details={"from": before, "to": describe_hash(user.password_hash)})
            return user

    def _locked_until(self, s: Session, name: str, now: datetime) -> datetime | None:
        since = now - LOCKOUT
        last_ok = s.scalar(
            select(func.max(AuditEvent.at)).where(
                AuditEvent.username == name, AuditEvent.action.in_(_PROVEN)
            )
        )
        if last_ok is not None and last_ok > since:
            since = last_ok
        failures = list(
            s.scalars(
                select(AuditEvent.at)
                .where(AuditEvent.username == name, AuditEvent.action == "login_failed",
                       AuditEvent.at > since)
                .order_by(AuditEvent.at)
            )
        )
        if len(failures) < MAX_FAILURES:
            return None
        return failures[-1] + LOCKOUT

    # -- administration -----------------------------------------------------------------
    @guarded
    def create_user(
        self, actor: Actor, username: str, full_name: str, role: Role, password: str,
        *, language: str = "ar",
    ) -> uuid.UUID:
        return self._create(username, full_name, role, password, language, actor)

    def _create(self, username: str, full_name: str, role: Role, password: str,
                language: str, actor: Actor | None) -> uuid.UUID:
        name = check_username(username)
        full = check_full_name(full_name)
        check_password(password)
        if language not in LANGUAGES:
            raise UserError(f"Unknown language {language!r}.", message_ar="لغة غير معروفة.")
        with self.db.session() as s:
            if s.scalars(select(User.id).where(User.username == name)).first() is not None:
                raise UserError(
                    f"The user name {name!r} is taken.",
                    message_ar=f"اسم المستخدم «{name}» مستخدم من قبل.",
                )
            user = User(username=name, full_name=full, role=role,
                        password_hash=self._hash(password), language=language,
                        active=True)
            s.add(user)
            s.flush()
            record_event(s, actor or actor_for(user), "user_created", entity="user", entity_id=user.id,
                         details={"username": name, "role": role.value})
            return user.id

    @guarded
    def reset_password(self, actor: Actor, user_id: uuid.UUID, new_password: str) -> None:
        check_password(new_password)
        with self.db.session() as s:
            user = self._get(s, user_id)
            user.password_hash = self._hash(new_password)
            # Logged under the user's name so that it also clears their lock-out.
            record_event(s, actor, "password_reset", username=user.username, entity="user",
                         entity_id=user.id, details={"by": actor.username}, at=self.clock())

    @guarded
    def change_password(self, actor: Actor, old_password: str, new_password: str) -> None:
        """The signed-in user's own password (an administrator resets other people's)."""
        if actor.user_id is None:
            raise UserError("Only a signed-in user can change their password.",
                            message_ar="لا يغيّر كلمة المرور إلا مستخدم سجّل دخوله.")
        check_password(new_password)
        with self.db.session() as s:
            user = self._get(s, actor.user_id)
            if not verify_password(old_password, user.password_hash):
                raise UserError("The current password is wrong.",
                                message_ar="كلمة المرور الحالية غير صحيحة.")
            user.password_hash = self._hash(new_password)
            record_event(s, actor, "password_changed", entity="user", entity_id=user.id,
                         at=self.clock())

    @guarded
    def set_active(self, actor: Actor, user_id: uuid.UUID, active: bool) -> None:
        if user_id == actor.user_id and not active:
            raise UserError("You cannot disable your own account.",
                            message_ar="لا يمكنك إيقاف حسابك أنت.")
        with self.db.session() as s:
            user = self._get(s, user_id)
            if user.active == active:
                return
            if not active and user.role is Role.ADMINISTRATOR:
                self._keep_an_administrator(s, user)
            user.active = active
            record_event(s, actor, "user_enabled" if active else "user_disabled",
                         entity="user", entity_id=user.id, details={"username": user.username},
                         before={"active": not active}, after={"active": active},
                         at=self.clock())

    @guarded
    def set_role(self, actor: Actor, user_id: uuid.UUID, role: Role) -> None:
        """Give a member of staff another role; the last active administrator keeps theirs
        (nobody could administer the installation any more)."""
        role = Role(role)
        with self.db.session() as s:
            user = self._get(s, user_id)
            before = user.role
            if before is role:
                return
            if before is Role.ADMINISTRATOR and user.active:
                self._keep_an_administrator(s, user)
            user.role = role
            record_event(s, actor, "user_role_changed", entity="user", entity_id=user.id,
                         details={"username": user.username}, before={"role": before.value},
                         after={"role": role.value}, at=self.clock())

    @staticmethod
    def _keep_an_administrator(s: Session, leaving: User) -> None:
        others = s.scalars(select(User.id).where(
            User.role == Role.ADMINISTRATOR, User.active.is_(True), User.id != leaving.id)
        ).first()
        if others is None:
            raise UserError(
                f"{leaving.username} is the last active administrator; make another "
                "member of staff an administrator first.",
                message_ar=f"«{leaving.username}» هو آخر مدير نظام نشط؛ اجعل موظفًا آخر "
                "مديرًا للنظام أولًا.",
            )

    # -- the session of the signed-in user ------------------------------------------------
    @guarded
    def logout(self, actor: Actor, *, by: Actor | None = None) -> None:
        """Sign ``actor`` out; ``by`` is the administrator who did it at a locked window."""
        details = {"by": by.username} if by is not None else {}
        self._session_event(actor, "logout", details)

    @guarded
    def lock(self, actor: Actor) -> None:
        """The window locked itself after the idle time."""
        self._session_event(actor, "session_locked", {})

    @guarded
    def unlock(self, actor: Actor, password: str) -> None:
        """Unlock the window of ``actor``: only their own password does it."""
        if actor.user_id is None:
            raise UserError("Only a signed-in user can unlock the window.",
                            message_ar="لا يفتح النافذة إلا المستخدم الذي سجّل دخوله.")
        self._authenticate(actor.username, password, success="session_unlocked")

    @guarded
    def sign_out_locked(self, actor: Actor, admin_username: str, admin_password: str) -> Actor:
        """At a locked window, an administrator signs ``actor`` out with their own
        credentials (the member of staff has gone home).  Returns the administrator."""
        admin = self._authenticate(admin_username, admin_password,
                                   success="locked_session_ended",
                                   details={"user": actor.username}, require=Role.ADMINISTRATOR)
        by = actor_for(admin)
        self.logout(actor, by=by)
        return by

    def _session_event(self, actor: Actor, action: str, details: dict[str, str]) -> None:
        with self.db.session() as s:
            record_event(s, actor, action, entity="user", entity_id=actor.user_id or "",
                         details=details, at=self.clock())

    @guarded
    def set_language(self, actor: Actor, user_id: uuid.UUID, language: str) -> None:
        _own_or_administrator(actor, user_id, "change another user's language")
        if language not in LANGUAGES:
            raise UserError(f"Unknown language {language!r}.", message_ar="لغة غير معروفة.")
        with self.db.session() as s:
            user = self._get(s, user_id)
            if user.language == language:
                return
            before = user.language
            user.language = language
            record_event(s, actor, "user_language_changed", entity="user", entity_id=user.id,
                         details={"username": user.username},
                         before={"language": before}, after={"language": language},
                         at=self.clock())

    @guarded
    def get(self, actor: Actor, user_id: uuid.UUID) -> UserView:
        _own_or_administrator(actor, user_id, "read another user's account")
        with self.db.reader() as s:
            return _view(self._get(s, user_id))

    @guarded
    def list_users(self, actor: Actor) -> list[UserView]:
        with self.db.reader() as s:
            return [_view(u) for u in s.scalars(select(User).order_by(User.username))]

    def has_administrator(self) -> bool:
        with self.db.reader() as s:
            return s.scalars(
                select(User.id).where(User.role == Role.ADMINISTRATOR, User.active.is_(True))
            ).first() is not None

    def _hash(self, password: str) -> str:
        return hash_password(password, policy=self.db.passwords)

    @staticmethod
    def _get(s: Session, user_id: uuid.UUID) -> User:
        user = s.get(User, user_id)
        if user is None:
            raise UserError("No such user.", message_ar="المستخدم غير موجود.")
        return user


def _own_or_administrator(actor: Actor, user_id: uuid.UUID | None, what: str) -> None:
    """The matrix lets every role at its own account; only an administrator at others'."""
    if actor.role is Role.ADMINISTRATOR or (actor.user_id is not None
                                             and actor.user_id == user_id):
        return
    raise PermissionDenied(f"Only an administrator may {what}.",
                           message_ar="لا يحق هذا الإجراء على حساب مستخدم آخر إلا لمدير النظام.")
