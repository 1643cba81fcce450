"""First run of an installation: its site code and role (a counter or the research
committee), the association's name and logo, the administrator.

All of it is written in one transaction, so a set-up that fails half-way leaves nothing
behind and the first-run screen (or ``makarem-desk setup``) simply comes back.  Until then
``Database.site_id`` refuses, so no record is ever written under a placeholder site.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import UserError
from ..models import TRAVELLING_MODELS, ChangeCounter, Role, Site, User
from ..permissions import ADMIN_ONLY, PUBLIC, InstallationRole, guarded, register
from .actor import Actor
from .auth import actor_for, check_full_name, check_password, check_username, hash_password
from .site_settings import Letterhead, check_letterhead, store_letterhead

register({
    # Before anyone can sign in: the first-run screen, and the log-in screen's letterhead.
    "SetupService.needs_setup": PUBLIC,
    "SetupService.complete": PUBLIC,  # refuses once set up, so it grants nothing later
    "SetupService.site_info": PUBLIC,
    "SetupService.update_association": ADMIN_ONLY,
})

_SITE_CODE = re.compile(r"^[A-Z0-9]{2,8}$")
MAX_LOGO_BYTES = 512 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TRAINING = "training"  # Site.settings key: demo data only, never real beneficiaries
# The site code releases before issue 9 gave records written before the set-up; such
# rows never travelled.  The set-up (and migration 0004, for databases already set up)
# hands them to the real site code.
PLACEHOLDER_SITE = "LOCAL"


@dataclass(frozen=True)
class SetupInput:
    site_code: str
    association_name: str  # Arabic, as printed on documents
    association_name_en: str
    admin_username: str
    admin_full_name: str
    admin_password: str
    logo_png: bytes | None = None
    site_name: str = ""  # e.g. the branch, "فرع الرياض"; defaults to the association name
    role: str = "site"  # "site" (a counter) or "committee" (the research committee)
    training: bool = False  # a training installation (``demo`` on a fresh database)
    # Optional: phone, website, address, licence number printed on every paper.
    letterhead: Letterhead | None = None


@dataclass(frozen=True)
class SiteInfo:
    id: str
    name: str
    association_name: str
    association_name_en: str
    logo_png: bytes | None
    role: InstallationRole = InstallationRole.SITE
    training: bool = False  # demo data only: said by the command line and the site row


def _info(site: Site) -> SiteInfo:
    return SiteInfo(site.id, site.name, site.association_name, site.association_name_en,
                    site.logo_png, InstallationRole(site.role),
                    bool((site.settings or {}).get(TRAINING)))


def check_site_code(raw: str) -> str:
    code = raw.strip().upper()
    if not _SITE_CODE.match(code):
        raise UserError(
            "The site code must be 2 to 8 Latin capital letters or digits, e.g. RYD1.",
            message_ar="رمز الموقع من ٢ إلى ٨ أحرف لاتينية كبيرة أو أرقام، مثل RYD1.",
        )
    return code


def check_installation_role(raw: str) -> InstallationRole:
    try:
        return InstallationRole(raw.strip().lower())
    except ValueError:
        raise UserError(
            "Say whether this installation is a counter (site) or the research committee "
            "(committee).",
            message_ar="حدّد هل هذا الجهاز فرع / نقطة استقبال أم لجنة البحث.",
        ) from None


def check_logo(png: bytes | None) -> bytes | None:
    if not png:
        return None
    if not png.startswith(PNG_MAGIC):
        raise UserError("The logo must be a PNG image.", message_ar="يجب أن يكون الشعار صورة PNG.")
    if len(png) > MAX_LOGO_BYTES:
        raise UserError(
            "The logo is larger than 512 KB; please use a smaller image.",
            message_ar="حجم الشعار أكبر من ٥١٢ كيلوبايت؛ استخدم صورة أصغر.",
        )
    return png


def _check_association_name(raw: str, *, english: bool) -> str:
    name = " ".join(raw.split())
    if not name:
        if english:
            raise UserError("The association's English name is required.",
                            message_ar="اسم الجمعية بالإنجليزية مطلوب.")
        raise UserError("The association's Arabic name is required.",
                        message_ar="اسم الجمعية بالعربية مطلوب.")
    return name


def _letterhead(site: Site) -> dict[str, str | None]:
    """What update_association changes, as the audit trail keeps it (the logo by digest)."""
    logo = hashlib.sha256(site.logo_png).hexdigest()[:16] if site.logo_png else None
    return {"association_name": site.association_name,
            "association_name_en": site.association_name_en, "logo_sha256": logo}


class SetupService:
    def __init__(self, db: Database):
        self.db = db

    def needs_setup(self) -> bool:
        """True until this installation has a local site and an active administrator."""
        with self.db.reader() as s:
            site = s.scalars(select(Site.id).where(Site.is_local.is_(True))).first()
            admin = s.scalars(
                select(User.id).where(User.role == Role.ADMINISTRATOR, User.active.is_(True))
            ).first()
        return site is None or admin is None

    def complete(self, data: SetupInput) -> SiteInfo:
        code = check_site_code(data.site_code)
        name_ar = _check_association_name(data.association_name, english=False)
        name_en = _check_association_name(data.association_name_en, english=True)
        username = check_username(data.admin_username)
        full_name = check_full_name(data.admin_full_name)
        check_password(data.admin_password)
        logo = check_logo(data.logo_png)
        role = check_installation_role(data.role)
        letterhead = check_letterhead(data.letterhead) if data.letterhead else None
        if not self.needs_setup():
            raise already_set_up()
        with self.db.session() as s:
            if s.get(Site, code) is not None:
                raise UserError(f"The site code {code} is already known here.",
                                message_ar=f"رمز الموقع {code} مسجّل من قبل.")
            if s.scalars(select(User.id).where(User.username == username)).first():
                raise UserError(f"The user name {username!r} is taken.",
                                message_ar=f"اسم المستخدم «{username}» مستخدم من قبل.")
            site = Site(id=code, name=" ".join(data.site_name.split()) or name_ar,
                        association_name=name_ar, association_name_en=name_en,
                        logo_png=logo, is_local=True, role=role,
                        settings={TRAINING: True} if data.training else {})
            s.add(site)
            if letterhead is not None and letterhead != Letterhead():
                store_letterhead(s, site, letterhead)
            admin = User(username=username, full_name=full_name, role=Role.ADMINISTRATOR,
                         password_hash=hash_password(data.admin_password,
                                                     policy=self.db.passwords),
                         language="ar", active=True)
            s.add(admin)
            s.flush()
            adopted = adopt_placeholder_rows(s, code)
            record_event(s, actor_for(admin), "setup", entity="site", entity_id=code,
                         details={"role": role, **({"training": True} if data.training else {}),
                                  **({"adopted": adopted} if adopted else {})})
            info = _info(site)
        self.db.forget_installation()  # the site code and role are read afresh
        return info

    def site_info(self) -> SiteInfo | None:
        with self.db.reader() as s:
            site = s.scalars(select(Site).where(Site.is_local.is_(True))).first()
            return None if site is None else _info(site)

    @guarded
    def update_association(
        self, actor: Actor, *, association_name: str, association_name_en: str,
        logo_png: bytes | None, keep_logo: bool = False,
    ) -> SiteInfo:
        name_ar = _check_association_name(association_name, english=False)
        name_en = _check_association_name(association_name_en, english=True)
        logo = check_logo(logo_png)
        with self.db.session() as s:
            site = s.scalars(select(Site).where(Site.is_local.is_(True))).first()
            if site is None:
                raise UserError("This counter is not set up yet.",
                                message_ar="لم يتم إعداد هذا المكتب بعد.")
            before = _letterhead(site)
            site.association_name = name_ar
            site.association_name_en = name_en
            if not keep_logo:
                site.logo_png = logo
            record_event(s, actor, "association_updated", entity="site", entity_id=site.id,
                         before=before, after=_letterhead(site))
            return _info(site)



def adopt_placeholder_rows(s: Session, code: str) -> dict[str, int]:
    """Give rows saved under the old placeholder site this site's code and fresh change
    numbers above every one handed out, so that the next batch carries them (in their
    original order: parents before the records pointing to them).  Returns the count
    per table."""
    conn = s.connection()
    base = int(conn.scalar(select(ChangeCounter.value).where(ChangeCounter.id == 1)) or 0)
    adopted: dict[str, int] = {}
    top = 0
    for model in TRAVELLING_MODELS:
        table = cast(Table, model.__table__)  # type: ignore[attr-defined]
        highest = conn.scalar(select(func.max(table.c.change_seq))
                              .where(table.c.site_id == PLACEHOLDER_SITE))
        if highest is None:
            continue
        done = conn.execute(update(table).where(table.c.site_id == PLACEHOLDER_SITE)
                            .values(site_id=code, change_seq=table.c.change_seq + base))
        adopted[table.name] = int(done.rowcount)
        top = max(top, int(highest))
    if top and conn.execute(update(ChangeCounter).where(ChangeCounter.id == 1)
                            .values(value=base + top)).rowcount == 0:
        conn.execute(insert(ChangeCounter).values(id=1, value=base + top))
    return adopted


def already_set_up() -> UserError:
    return UserError("This installation is already set up; `makarem-desk setup` runs once.",
                     message_ar="تم إعداد هذا التثبيت من قبل.")


def acting_user(db: Database, username: str | None) -> Actor:
    """The member of staff a command-line command acts for (``--by USERNAME``).

    Whoever can run the command line on this computer can open the database itself, so
    naming a user here needs no password; what it buys is that every act is recorded
    under a real, active member of staff whose role the services then check.  Without a
    name: the installation's administrator, when there is exactly one."""
    db.site_id  # noqa: B018 -- raises NotSetUp before set-up: nobody to act for yet
    with db.reader() as s:
        if username is None or not username.strip():
            admins = s.scalars(select(User).where(User.role == Role.ADMINISTRATOR,
                                                  User.active.is_(True))).all()
            if len(admins) == 1:
                return actor_for(admins[0])
            raise UserError(
                f"This installation has {len(admins)} active administrators; say which "
                "member of staff this command acts for with --by USERNAME.",
                message_ar="حدّد الموظف الذي يُنفَّذ الأمر باسمه: --by USERNAME.",
            )
        name = username.strip().lower()
        user = s.scalars(select(User).where(User.username == name)).first()
        if user is None:
            raise UserError(f"--by {name}: no user has this user name here.",
                            message_ar=f"لا يوجد مستخدم باسم «{name}».")
        if not user.active:
            raise UserError(f"--by {name}: this user is disabled.",
                            message_ar=f"حساب المستخدم «{name}» موقوف.")
        return actor_for(user)
