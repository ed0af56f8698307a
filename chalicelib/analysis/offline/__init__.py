"""The offline analyzer: deterministic rules over inspection notes, no network, no AI.

Every fact keeps the line it was read from. What the rules cannot find is listed in
`Findings.undetermined` rather than guessed. Formula factors and the edition each rule comes
from are configuration (`standards.json`, see `standards.py`).

Rules, in the order they decide:
- Damage type: a labelled line ("Loss type: ...", "Type of loss: ...") wins. Otherwise the first
  non-negated keyword of the highest-ranked type: fire/smoke, then mould, then water, then other.
  Fire and mould outrank water because fire notes mention suppression water and mould notes
  mention the leak behind them, while water notes rarely mention fire.
- Cause of loss: a labelled line ("Cause: ...", "Source of water: ..."), else a phrase after
  "caused by" / "due to" / ... in a sentence about the loss, else the first sentence naming a
  known cause (burst pipe, sewage backup, ...). "Cause: unknown" stays undetermined.
- Job facts: labelled claim number, insured, address (else the first street address written as
  one, "12 Smith St, Springfield"), date of loss (labelled, else a dated sentence about the loss)
  and inspection date (labelled, else the first dated visit line).
- Dates: ISO, "3 March 2024", "Mar 3, 2024" and numeric dates. A numeric date whose day and month
  could swap (03/04/2024) is read in the order the document itself settles: any unambiguous date
  in it (14/02/2025 is day-first), else the address's country (an AU/NZ state and postcode reads
  day-first, a US state and ZIP month-first), else `dates.numericOrder` in the configuration,
  else it is left undetermined. Numeric dates without a year ("16/02") are read only on visit
  lines, taking the year of the dates around them.
- Visit days: a line starting with a date, "Day 3", "Visit 2", "Intake", a weekday ... opens a
  visit; the readings and equipment after it belong to that date. "Day N" without a date is
  Day 1 + N - 1; readings before any visit line belong to the inspection date.
- Rooms: a vocabulary (kitchen, bedroom 2, "bed 3", "dining rm" ...) or a "Room: X" label. A room
  is an affected area when its line is headed by it or its sentence describes damage, and it is not
  called unaffected (dry standard, no damage); other rooms are only reading locations. A room's
  materials, dimensions and wet extents come from its part of the line and the lines after it, up
  to the next room or a blank line. A bare "bathroom" after "Downstairs bathroom" is that room;
  "Basement" alone is dropped when "Basement laundry" is an area. A room named only to place
  something ("below kitchen", "hall wall") is not the line's subject.
- Dimensions need a unit ("12x14 ft", "12' x 14'", "3.5 x 4 m", "12x14x8 ft"): "2 x 4" alone is too
  ambiguous. Wet extents: "wet floor 120 sf", "carpet wet wall to wall", "walls wet to 24in",
  "26 lf of drywall", "ceiling 40 sq ft stained", "ceiling 8x10 ft section stained", "2 offsets",
  "8 ft ceilings", "ceiling height 2.4 m throughout" (every room without its own).
- Readings: "32%MC", "MC 32%", "WME 45", "REL 20", "reading 18% on drywall", "drywall 18%" (unit
  "%": the scale was not written). Under a "Readings ...:" heading a bare number after a material
  is a reading too ("kitchen laminate 62"), on the scale the meter or heading names (WME, REL,
  %MC), else "%". A reading in an unaffected room or after "dry std"/"reference"
  is a dry-standard reading; it gives the dry standard of the same material and scale, and the
  drying goal is that plus the configured tolerance (per material where configured: concrete
  %MC is not wood). A reading is dry when the notes say so next
  to it ("11 WME dry"), else when it is at or below its goal. Air: "72F", "22 C", "RH 65%",
  "GPP 78", "DP 50F"; GPP and dew point are computed when not written. A temperature alone is no
  psychrometric reading. Locations: "outside", "affected (Kitchen)", "unaffected (Bedroom 1)",
  "dehumidifier inlet/outlet", "HVAC".
- S500 category: from the source of the water (supply line 1; washing machine/dishwasher/toilet
  overflow without faeces 2; sewage, flood, seawater 3, the worst source named wins), worsened to
  2 when clean water stood longer than the configured hours. A category the notes state is the
  value reported (it is the technician's documented call); a rule that disagrees is said in the
  justification and QA flags it. Rainwater and roof leaks are not categorised by rule.
- S500 class: class 4 when a low-permeance material (hardwood, concrete, plaster, masonry) is
  described wet; else the wet share of the affected rooms' floor + wall + ceiling surface. Wet
  extents only bounded by the notes ("drywall wicking 30 cm" along unknown walls) give a range,
  and the class is determined only when the whole range falls in one class.
- Equipment: the S500 air-mover and dehumidifier formulas with the configured factors, shown as a
  calculation; quantities placed are read from the notes ("3 AM + 1 LGR dehu"), per visit day,
  with "added"/"pulled" counted, and the most on site at once is the stated quantity.
- Scope items: lines starting with a work verb ("Remove & discard carpet pad 168 sf"), every
  bulleted line of a scope section, each part of an inline "Scope: a, b, c"; not "... not required".
- Hazards: asbestos (named, or a build year before the configured year), lead paint, electrical,
  sewage/Category 3, mould, slip/trip, structural, gas.
- S520 mould condition: stated, else 3 for visible growth, 2 for settled spores.

Lines are split on \\n, \\r\\n and \\r only, so line numbers match what an editor shows.
No pattern nests unbounded repetition, all run over whitespace-collapsed text, and each
sentence is examined a bounded number of times, so the analysis stays linear in the input.

The package, by topic (each module keeps its patterns beside the code that uses them):
- `text`: lines, sentences, negation; `analyzer`: `analyze_text`, which puts the topics together.
- Job facts: `job` (damage type, cause, claim, address), `job_insured`, `dates` (dates in the
  document's order, visit days), `job_dates` and `relative_days` (loss and first visit, also told
  relative to a day already written), `locale` (country, region, units, date order).
- Spaces: `spaces_vocabulary` (rooms and spaces), `spaces` (which mentions are affected), `areas`
  (an affected area as it is read), `measures` (sizes in any unit), `wet_extents`.
- Readings: `readings` (inline readings, goals, dry standards), `reading_rows` (tables, maps,
  lists, sentences), `atmosphere` (air); `scan` reads the lines and routes each to them,
  `scan_area_details` attaches what a line says of its areas (materials, sizes, wet extents).
- Judgements: `classification` (S500 category, class and S520 condition, judged beside stated)
  and `class_evidence` (the class from what the notes describe).
- Work: `equipment_log` (placements, removals and hours), `equipment_counts` (the counts in a
  clause of prose), `equipment` (runs and the S500 calculation), `scope` (line items); `hazards`.
"""

from __future__ import annotations

from chalicelib.analysis.offline.analyzer import ANALYZER_NAME, ANALYZER_VERSION, analyze_text
from chalicelib.analysis.offline.water_sources import classify_water_source

__all__ = ["ANALYZER_NAME", "ANALYZER_VERSION", "analyze_text", "classify_water_source"]
