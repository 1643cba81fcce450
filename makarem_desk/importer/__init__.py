"""Importing existing beneficiary spreadsheets (CSV or XLSX)."""

from .beneficiaries import BeneficiaryImporter, ImportCancelled, ImportPlan, Problem

__all__ = ["BeneficiaryImporter", "ImportCancelled", "ImportPlan", "Problem"]
