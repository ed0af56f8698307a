// Starting points for typed notes: the facts an insurer's desk review looks for (README
// "Analysis, QA and the report"), with blanks to fill in.

export const TEMPLATES: Record<'water' | 'fire' | 'mould', { label: string; text: string }> = {
  water: {
    label: 'Water damage',
    text: `Claim No: 
Insured: 
Address: 
Date of loss: 
Inspection date: 

Cause: 
Category: (1 clean / 2 grey / 3 black water) because 
Class: (1-4) because 

Affected areas (room, size, materials wet):
- Kitchen 12x14 ft, vinyl floor and subfloor wet, drywall wicking 18 in.

Moisture readings (material, location, meter, reading; dry standard from an unaffected area):
- Subfloor, kitchen centre: 32%MC (dry standard 12%MC)

Atmospherics (affected / unaffected / outside): temperature, RH, GPP

Equipment placed (unit, room, date):
- 2 air movers, 1 dehumidifier (LGR) in kitchen

Scope of work:
- Remove baseboard, kitchen, 46 lf

Safety notes: 
`,
  },
  fire: {
    label: 'Fire and smoke',
    text: `Claim No: 
Insured: 
Address: 
Date of loss: 
Inspection date: 

Cause: kitchen fire (stovetop), smoke through the living areas.
Affected areas (room, size, surfaces, residue type: dry/wet/protein):
- Kitchen 10x12 ft, ceiling and upper cabinets charred; wet smoke residue.
- Living room 14x16 ft, light dry smoke residue on walls.

Odour: 
Water from firefighting: (rooms, readings)

Scope of work:
- HEPA vacuum and chemical sponge walls, living room, 480 sq ft
- Remove and replace upper cabinets, kitchen, 12 lf

Safety notes: 
`,
  },
  mould: {
    label: 'Mould',
    text: `Claim No: 
Insured: 
Address: 
Date of loss: 
Inspection date: 

Cause: long-term leak behind the shower wall.
Condition: (S520 Condition 1 / 2 / 3) because 

Affected areas (room, size, materials, visible growth):
- Bathroom 8x6 ft, drywall behind shower with visible growth (about 10 sq ft).

Moisture readings:
- Drywall, bathroom wall: 40 WME

Containment and equipment:
- Containment with negative air, 1 air scrubber (HEPA)

Scope of work:
- Remove drywall, bathroom, 32 sq ft

Safety notes: PPE (N95, gloves), occupants kept out of the work area.
`,
  },
}
