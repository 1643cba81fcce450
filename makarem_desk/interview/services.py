"""The services an interview uses, bundled so the interface and the command line build
them once and pass them in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..checklists.model import FormSet
from ..db import Database
from ..search import SearchService
from ..services.applications import ApplicationService
from ..services.beneficiaries import BeneficiaryService
from ..services.contacts import ContactService
from ..services.declarations import DeclarationService
from ..services.drafts import DraftService
from ..services.programs import ProgramService
from ..services.referrals import ReferralService
from ..services.satisfaction import SatisfactionService


@dataclass(frozen=True)
class InterviewServices:
    db: Database
    beneficiaries: BeneficiaryService
    search: SearchService
    programs: ProgramService
    applications: ApplicationService
    declarations: DeclarationService
    referrals: ReferralService
    contacts: ContactService
    satisfaction: SatisfactionService
    drafts: DraftService

    @classmethod
    def for_database(cls, db: Database, forms: FormSet,
                     today: date | None = None) -> InterviewServices:
        return cls(
            db=db,
            beneficiaries=BeneficiaryService(db, today=today),
            search=SearchService(db),
            programs=ProgramService(db),
            applications=ApplicationService(db),
            declarations=DeclarationService(db),
            referrals=ReferralService(db),
            contacts=ContactService(db),
            satisfaction=SatisfactionService(db, forms.satisfaction),
            drafts=DraftService(db),
        )
