"""Air readings (temperature, RH, grains) are not moisture readings of materials."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text

_NOTES = """Claim 88-2231. Inspected 11/14/2026, 2 Elm St, Dayton OH 45402.
Den: carpet and pad wet, drywall wicking 6 in. Meter: pin meter, WME.

Readings 11/14: den drywall 31 WME, den skirting 28 WME.

Psychrometrics (temperature / RH / GPP)
11/14 - outside 40 F 70% 26 GPP; den 68 F 64% 66 GPP; hall 67 F 51% 52 GPP.
11/16 - den 74 F 33% 40 GPP.

Atmospheric (deg F / %RH / GPP): 11/17 outside 45 / 60 / 24, den 72 / 30 / 35,
hall 71 / 32 / 36, dehu outlet 90 / 18.
Den drywall 14 WME on 11/17.
"""


def test_air_readings_under_an_air_heading_are_not_material_readings() -> None:
    found = [(reading.value, reading.location) for reading in analyze_text(_NOTES).moisture_readings]
    # The material readings are read, before and after the air lines
    assert (31.0, "Den") in found
    assert (28.0, "Den") in found
    assert (14.0, "Den") in found
    # No temperature, RH or grains is taken for a material reading, nor the wrapped line's
    assert not {value for value, _ in found} & {40.0, 70.0, 64.0, 66.0, 51.0, 33.0, 30.0, 32.0, 72.0, 18.0}
    assert len(found) == 3
