"""The scales the readings scan reads bare values on: the scale a block's heading, preamble or
meter names ("Protimeter, WME"), per material where they say so ("drywall REL, wood %MC"), else
the one the notes last declared, else the document's; and whether a meter was named at all."""

from __future__ import annotations

from chalicelib.analysis.findings import LengthUnit
from chalicelib.analysis.offline.measures import unit_system
from chalicelib.analysis.offline.reading_meters import meter_scales
from chalicelib.analysis.offline.reading_point_meter import PINS, meter_modes, written_unit
from chalicelib.analysis.offline.reading_room_phrases import numbered_rooms
from chalicelib.analysis.offline.reading_scales import (
    Scales,
    explicit_scale,
    named_scale,
    names_scale_outright,
    with_named_materials,
)
from chalicelib.analysis.offline.reading_sized_spaces import sized_spaces
from chalicelib.analysis.offline.readings import materials_in


def material_keys(text: str) -> list[str]:
    return [material.key for material in materials_in(text)]


class ReadingScalesScan:
    """RoomScan keeps the state these methods read: the block being read and its meter."""

    default_unit: LengthUnit | None
    _in_readings: bool
    _block_header: str
    _meter: str | None
    _document_scales: Scales
    _scales_cache: tuple[str, Scales] | None

    def _bare_scale(self) -> str | None:
        if not self._in_readings:
            return None
        named = f"{self._meter or ''} {self._block_header}"
        return named_scale(named) or "%"

    def _label_scale(self, label: str) -> str | None:
        """The scale a row's words write ("(WME)", "%MC"), or imply by a mode: "pins" read on the
        scale the job says its pins read ("Pins = WME"), else the trade's default (%MC)."""
        scale = explicit_scale(label)
        pins = self.__dict__.get("_pins_scale")
        if scale is not None and pins is not None and written_unit(label) is None and PINS.search(label):
            return str(pins)
        return scale

    def _metered(self) -> bool:
        """Whether the notes have said a meter was used ("He used a meter on everything"), so that
        "the hallway wall was 26" is a reading on it."""
        return self._scale_known() or bool(self.__dict__.get("_meter_seen"))

    def _scale_known(self) -> bool:
        return self._row_scales().general is not None

    def _row_scales(self) -> Scales:
        """The scales the block's heading and preamble name, else the meter's, else the document's."""
        text = f"{self._block_header if self._in_readings else ''}\n{self._meter or ''}"
        key = f"{text}\n{self.__dict__.get('_declared_scale')}"
        if self._scales_cache is None or self._scales_cache[0] != key:
            scales = Scales.read(text, material_keys)
            # (else the scale the notes last declared for what follows, else the document's)
            declared = self.__dict__.get("_declared_scale")
            general = declared or self._document_scales.general
            if declared is not None and scales.general == "%MC" and not names_scale_outright(text):
                # ("with a pin meter" then "they are %MC wood equivalent - the sheet says WME:"): a
                # scale written out for the values that follow beats the trade's default for pins
                scales = Scales(None, scales.by_material, scales.relative)
            if scales.general is None and general is not None:
                # (a material's scale named anywhere in the notes beats a declared general one)
                materials = {**self._document_scales.by_material, **scales.by_material} if declared else {}
                scales = Scales(general, materials or scales.by_material, scales.relative)
            scales = with_named_materials(scales, self._document_scales)
            self._scales_cache = (key, scales)
        return self._scales_cache[1]

    def note_scales(self, text: str) -> None:
        """Scales named anywhere in the notes, for readings outside a block; and the units the
        notes are written in, for sizes written without one."""
        self._document_scales = Scales.read(text, material_keys)
        self.__dict__["_meter_scales"] = meter_scales(text)
        # ("Meter: Protimeter. Pins = WME, search = relative": what a row's "pins" reads on)
        self.__dict__["_pins_scale"] = meter_modes(text.splitlines(), ()).pins
        self.__dict__["_room_numbers"] = numbered_rooms(text)
        self.__dict__["_sized_spaces"] = sized_spaces(text)  # ("Stockroom (rear), 20 ft x 15 ft")
        self.default_unit = unit_system(text)
