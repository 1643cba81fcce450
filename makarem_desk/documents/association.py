"""Who prints a paper: the association's names and logo, how beneficiaries reach it
(POL-CH channels, phone, website, address, licence) and who signs its letters."""

from __future__ import annotations

from dataclasses import dataclass, field

from .labels import label


@dataclass(frozen=True)
class AssociationInfo:
    """Who prints the paper: names, logo and how beneficiaries reach the association."""

    name_ar: str
    name_en: str = ""
    logo_png: bytes | None = None
    # POL-CH channel key -> what to print beside it (a phone number, an address, a URL).
    channels: dict[str, str] = field(default_factory=dict)
    # The letterhead set in Settings (or at set-up): each printed only when filled.
    phone: str = ""
    website: str = ""
    address: str = ""
    address_en: str = ""
    licence: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    signatory_name_en: str = ""
    signatory_title_en: str = ""

    def name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name_ar

    def contact_items(self, language: str) -> list[str]:
        """"Tel.: …", "Web: …", "Address: …", "Licence No. …" — the filled ones."""
        address = self.address_en if language == "en" and self.address_en else self.address
        items = [("contact_phone", self.phone), ("contact_website", self.website),
                 ("contact_address", address), ("contact_licence", self.licence)]
        return [f"{label(key, language)}: {value}" for key, value in items if value]

    def signatory(self, language: str) -> tuple[str, str]:
        """(name, title) of who signs the letters, English falling back to Arabic."""
        if language == "en":
            return (self.signatory_name_en or self.signatory_name,
                    self.signatory_title_en or self.signatory_title)
        return self.signatory_name, self.signatory_title
