"""Inspections pushed by field apps through the API (inputMethod API)."""

from chalicelib.fieldapps.inspection import FieldInspection, inspection_from_payload, inspection_text

__all__ = ["FieldInspection", "inspection_from_payload", "inspection_text"]
