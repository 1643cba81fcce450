"""Figures of the association's service over a date range (issue 10), and the same figures
as charts, a PDF and an XLSX workbook.  ``figures.ReportService.build`` computes them; the
other modules only present a ``model.Report``."""
