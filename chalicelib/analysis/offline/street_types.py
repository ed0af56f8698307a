"""The street types an address is written with, shared by the job's address and the rooms (a unit
written before a street, "Shop 4, 31 Weedon Close", is part of the address, not a room)."""

from __future__ import annotations

STREET_TYPES = (
    "St|Street|Rd|Road|Ave|Av|Avenue|Dr|Drive|Ct|Court|Pl|Place|Cres|Crescent|Pde|Parade|Ln|Lane|Blvd"
    "|Boulevard|Way|Tce|Terrace|Hwy|Highway|Cl|Close|Cct|Circuit|Gr|Grove|Esp|Esplanade|Pkwy|Parkway"
    "|Trl|Trail|Cir|Circle|Sq|Square|Rise|Loop|Row|Walk|Mews|Gardens|Gdns|Green|Heights|Hts|View|Vista"
    "|Ridge|Chase|Glen|Gate|Mall|Quay|Wynd|Bend|Run|Track|Rd N|Rd S|Brow|Cottages"
    # (the American suburb's: "9107 Old Mill Trace", "12 Harbor Cove", "88 Turnpike Pike")
    "|Trace|Pike|Cove|Commons|Crossing|Hollow|Crest|Path"
    # (the English and Australian: "41 Cotham Vale", "27 Brudenell Mount", "3 Spinifex Crt")
    "|Vale|Mount|Crt"
)
