"""First run of a counter: its site code, the association's name and logo, the administrator.

All of it is written in one transaction, so a set-up that fails half-way leaves nothing
behind and the first-run screen simply comes back.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import select

from ..audit import record_event
from ..db import Database
from ..errors import UserError
from ..models import Role, Site, User
from ..permissions import ADMIN_ONLY, PUBLIC, InstallationRole, guarded, register
from .actor import Actor
from .auth import actor_for, check_full_name, check_password, check_username, hash_password

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


@dataclass(frozen=True)
class SiteInfo:
    id: str
    name: str
    association_name: str
    association_name_en: str
    logo_png: bytes | None
    role: str = "site"


INSTALLATION_ROLES = tuple(r.value for r in InstallationRole)


def check_installation_role(raw: str) -> str:
    role = raw.strip().lower()
    if role not in INSTALLATION_ROLES:
        raise UserError(
            "Say whether this installation is a counter (site) or the research committee "
            "(committee).",
            message_ar="حدّد هل هذا الجهاز فرع / نقطة استقبال أم لجنة البحث.",
        )
    return role


def check_site_code(raw: str) -> str:
    code = raw.strip().upper()
    if not _SITE_CODE.match(code):
        raise UserError(
            "The site code must be 2 to 8 Latin capital letters or digits, e.g. RYD1.",
            message_ar="رمز الموقع من ٢ إلى ٨ أحرف لاتينية كبيرة أو أرقام، مثل RYD1.",
        )
    return code


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
        if not self.needs_setup():
            raise UserError("This counter is already set up.",
                            message_ar="تم إعداد هذا المكتب من قبل.")
        with self.db.session() as s:
            if s.get(Site, code) is not None:
                raise UserError(f"The site code {code} is already known here.",
                                message_ar=f"رمز الموقع {code} مسجّل من قبل.")
            if s.scalars(select(User.id).where(User.username == username)).first():
                raise UserError(f"The user name {username!r} is taken.",
                                message_ar=f"اسم المستخدم «{username}» مستخدم من قبل.")
            site = Site(id=code, name=" ".join(data.site_name.split()) or name_ar,
                        association_name=name_ar, association_name_en=name_en,
                        logo_png=logo, is_local=True, role=role)
            s.add(site)
            admin = User(username=username, full_name=full_name, role=Role.ADMINISTRATOR,
                         password_hash=hash_password(data.admin_password,
                                                     policy=self.db.passwords),
                         language="ar", active=True)
            s.add(admin)
            s.flush()
            record_event(s, actor_for(admin), "setup", entity="site", entity_id=code,
                         details={"role": role})
        self.db.site_id = code
        return SiteInfo(code, site.name, name_ar, name_en, logo, role)

    def site_info(self) -> SiteInfo | None:
        with self.db.reader() as s:
            site = s.scalars(select(Site).where(Site.is_local.is_(True))).first()
            if site is None:
                return None
            return SiteInfo(site.id, site.name, site.association_name,
                            site.association_name_en, site.logo_png, site.role)

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
            return SiteInfo(site.id, site.name, site.association_name,
                            site.association_name_en, site.logo_png, site.role)
