"""Importing existing beneficiary spreadsheets (CSV or XLSX)."""

from .beneficiaries import BeneficiaryImporter, ImportPlan, Problem

__all__ = ["BeneficiaryImporter", "ImportPlan", "Problem"]
