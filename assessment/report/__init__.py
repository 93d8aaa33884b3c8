"""The PDF report a municipality hands its director."""

from .document import Report, build_report

__all__ = ["Report", "build_report"]
