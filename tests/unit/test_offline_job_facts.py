"""Job facts, dates, locale and hazards of the offline analyzer, each kind of writing on its own."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import HazardKind, JobInfo, Locale, UnitSystem
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.hazards import detect_hazards
from chalicelib.analysis.offline.job import read_job
from chalicelib.analysis.offline.locale import read_locale
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.offline.visit_days import Visits
from chalicelib.analysis.standards import load_standards


def _job(text: str) -> JobInfo:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    return read_job(lines, dates, Visits(dates))


def _hazards(text: str) -> set[HazardKind | None]:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    return {hazard.kind for hazard in detect_hazards(lines, None, load_standards(), dates.locale)}


def _locale(text: str) -> Locale:
    return read_locale(prepare_lines(text))


# --- claim reference ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Insurer ref: ZX-55-1020\n", "ZX-55-1020"),
        ("Our ref: ADJ/9/44\nYour ref: MQ-77120\n", "MQ-77120"),
        ("Underwriter: Fernvale   Loss no. 4410-7781\n", "4410-7781"),
        ("Carrier claim no.: KP-2290-1\n", "KP-2290-1"),
        ("Insurer file #: RT-09-5521 (Acme)\n", "RT-09-5521"),
        ("We were given the claim number they issued was CL-77-100\n", "CL-77-100"),
        ("Claim no.: QIC 31 220145\n", "QIC 31 220145"),
        ("Policy / claim: AAMI HB-2204417\n", "AAMI HB-2204417"),
        ("Claim: Harbourside Mutual HM-22-41107\n", "HM-22-41107"),
        ("Claim reference (Budget Direct): BD-7712-09\n", "BD-7712-09"),
        ("Claim #: KX-55190\n", "KX-55190"),
        ("CLAIM FILE NOTES - WA-2026-04471\n", "WA-2026-04471"),
        ("Insurer: Granite Mutual - File #: GM-PR-26-4471\n", "GM-PR-26-4471"),
        ("Insurer: Pelican Cover   Their reference: PC/DAR/26/118\n", "PC/DAR/26/118"),
        ("Insurer: Arden. Our job no. J-5510 (the claim is AR/HOME/44190)\n", "AR/HOME/44190"),
        ("our claim ref with the insurer (Kestrel) is KS-90-1145, policy in my name\n", "KS-90-1145"),
        ("the claim is with Lakeview Assurance, number LV-30-2218.\n", "LV-30-2218"),
    ],
)
def test_the_insurers_reference_is_the_claim_under_any_label(header: str, expected: str) -> None:
    # Given a header naming the insurer's reference with one of the labels people use
    # When it is read
    job = _job(header)
    # Then the reference is the claim number, quoting its own line
    assert job.claim_number is not None and job.claim_number.value == expected
    assert job.claim_number.source.line == header.count("\n")


def test_policy_job_and_adjuster_file_numbers_are_not_the_claim() -> None:
    # Given only a policy number, the restorer's job number and ref, and an adjuster's own file
    text = "Job no. RS-4471 / Policy no. POL-3381920\nOur ref: DRY/22/19\nIA file # ICG-8812\n"
    # When it is read
    job = _job(text)
    # Then the claim stays undetermined
    assert job.claim_number is None


@pytest.mark.parametrize(
    "text",
    [
        "Insurer: Granite Mutual   Our file: DRY-26-118\n",
        "Insurer: Granite Mutual, IA file # ICG-8812\n",
        "Claim lodged 14/03/2026, number to follow\n",
        "Claim: 2026-03-14 (lodged by phone)\n",
    ],
)
def test_our_own_file_or_a_date_beside_the_insurer_is_not_the_claim(text: str) -> None:
    # Given our own or an adjuster's file on the insurer's line, or a date after the claim label
    job = _job(text)
    # Then no claim number is read from it
    assert job.claim_number is None


def test_no_claim_number_yet_is_undetermined() -> None:
    # Given a note that the claim has not been opened
    job = _job("No claim # as of this writing - owner still deciding.\n")
    # Then nothing is taken for the claim number
    assert job.claim_number is None


# --- insured and address -----------------------------------------------------------------------


def test_insured_stops_at_the_name_and_the_address_follows() -> None:
    # Given an insured line that runs on into a partner's name and the street address
    job = _job("Insured: Lou Perrin (and Sam), 9 Quokka Rise, Mandurah WA 6210\n")
    # When it is read
    # Then the insured is the name alone and the address is the street, suburb, state and postcode
    assert job.insured is not None and job.insured.value == "Lou Perrin"
    assert job.address is not None and job.address.value == "9 Quokka Rise, Mandurah WA 6210"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Customer: Ana Ruiz, 4 Tern Ct, Darwin NT 0810", "Ana Ruiz"),
        ("Policyholder: Mr Ola Berg", "Mr Ola Berg"),
        ("Owner / insured: Lakeview Holdings Pty Ltd", "Lakeview Holdings Pty Ltd"),
        ("Owner/insd: R. Vance. Tenant on site.", "R. Vance"),
        ("Ins: J. & P. Moss, 12 Heron St, Unley SA 5061", "J. & P. Moss"),
        ("PH: Mrs Nell Ashby", "Mrs Nell Ashby"),
        ("Client: Harbour Cafe Ltd., owner Dee Lim", "Harbour Cafe Ltd"),
        ("I'm the policy holder, Kit Olsen, 3 Moa Pl, Hamilton 3200.", "Kit Olsen"),
        ("Property: 8 Kite St, Oxley QLD 4075 - owners Ray and Lin Foo", "Ray and Lin Foo"),
    ],
)
def test_insured_under_varied_labels(line: str, expected: str) -> None:
    # Given the policyholder named under one of the labels restorers and adjusters use
    # When the line is read
    job = _job(line + "\n")
    # Then the insured is the name, without the phone, address or a contact after it
    assert job.insured is not None and job.insured.value == expected


def test_a_tenant_or_phone_number_is_not_the_insured() -> None:
    # Given a tenant who let the crew in and a "PH" that is a phone number
    job = _job("Tenant: Mo Fraser let us in\nPH: 0412 555 019\n")
    # Then no insured is read
    assert job.insured is None


# --- dates -------------------------------------------------------------------------------------


def test_short_attendance_labels_give_the_inspection_date() -> None:
    # Given field notes with "Att" and "DOL" on one line
    job = _job("JOB 51 | 2 Gum Ct, Leanyer NT 0812 | Att 15/01/26 0810, DOL 14/01/26 overnight\n")
    # Then both dates are read, day-first for an Australian address
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 1, 15)
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 1, 14)


def test_a_survey_label_and_a_loss_label_are_read() -> None:
    # Given a UK survey header with the loss told after "Loss:"
    text = (
        "Property: 5 Mill Lane, Leeds LS6 2AB\n"
        "Loss: evening of 08/03/2026 - hose came off the washer and flooded the floor.\n"
        "Survey: 11/03/2026 by the surveyor\n"
    )
    job = _job(text)
    # Then the loss and the survey are the two dates
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 3, 8)
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 3, 11)


def test_the_first_visit_told_in_prose_and_a_loss_the_night_before() -> None:
    # Given a write-up that dates only the crew's arrival and says the loss was the night before
    text = (
        "We got to the house on Friday 9 October 2026 at 8 am.\n"
        "The leak had started the night before we attended, when the hose split.\n"
    )
    job = _job(text)
    # Then the inspection is the arrival and the loss is the day before it
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 10, 9)
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 10, 8)


def test_a_weekday_and_ordinal_place_a_yearless_visit() -> None:
    # Given a homeowner's account: the loss dated, then "came the next day, Saturday the 7th"
    text = (
        "On Friday 6th November 2026 the water heater burst and water went everywhere.\n"
        "The restorer came the next day, Saturday the 7th.\n"
    )
    job = _job(text)
    # Then the visit is the Saturday after the loss
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 11, 7)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plumber found a pinhole leak in the hot water pipe on 11/05/2026.",
        "We got back from two weeks away on 19 March 2026 and noticed the water under the floor boards.",
        "She phoned us about the leak on 3 April 2026.",
        "The roofer replaced the cracked flashing on 24 February 2026, stopping the leak.",
        "The new fridge with its water line was installed on 2 May 2026.",
    ],
)
def test_a_discovery_call_or_trade_date_is_not_the_loss(sentence: str) -> None:
    # Given a dated sentence about a discovery, a call, a tradesman's work or an installation
    job = _job("Site: 4 Bay Rd, Kambah ACT 2902\n" + sentence + "\n")
    # Then it is not taken for the date of loss
    assert job.date_of_loss is None


def test_the_day_the_damage_was_found_dates_a_loss_nothing_else_dates() -> None:
    # Given a homeowner who found the damage, with no word on when the water got out
    text = "On Monday night (9 November 2026) I noticed the vanity cupboard was swollen and the mat wet.\n"
    job = _job("Address: 22 Ngatai Road, Tauranga 3110\n" + text)
    # Then the claim's date of loss is the day it was found, cited to that line
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 11, 9)
    assert job.date_of_loss.source.line == 2


def test_a_told_loss_date_outranks_the_day_it_was_found() -> None:
    # Given notes that say when the pipe burst and, later, when the owner noticed the water
    text = (
        "Address: 5 Elm St, Boulder CO 80302\n"
        "The supply line burst on 3 March 2026 while the house was empty.\n"
        "The owner noticed the water on 5 March 2026 and called us.\n"
    )
    job = _job(text)
    # Then the burst dates the loss
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 3, 3)


def test_a_plumbers_attendance_is_not_the_inspection() -> None:
    # Given adjuster notes where the plumber attended before the adjuster's visit label
    text = "Circumstances: pipe leaked. Plumber attended 01/03/2026 and repaired it.\nVisit: 02/03/2026\n"
    job = _job("Risk: 3 High St, Leeds LS6 1AA\n" + text)
    # Then the inspection is the adjuster's visit
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 3, 2)


def test_a_call_log_line_is_not_the_first_visit() -> None:
    # Given a US adjuster's log whose first dated line records a call, the next a site visit
    text = (
        "Risk: 1 Elm St, Reno, NV 89501\n"
        "03/04/26 21:50 - FNOL call from the manager.\n"
        "03/05/26 10:30 - site visit.\n"
    )
    job = _job(text)
    # Then the site visit is the inspection
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 3, 5)


def test_a_canadian_numeric_date_is_settled_by_its_weekday() -> None:
    # Given a Quebec address, where either order is written, and a weekday beside the date
    job = _job("Address: 355 rue Lavoie, Gatineau (QC) J8T 6B2\nLoss: Monday 04/05/2026, 5:50 a.m.\n")
    # Then the weekday settles the order: 4 May 2026 was a Monday
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 5, 4)


def test_a_canadian_numeric_date_without_evidence_stays_undetermined() -> None:
    # Given an Ontario address and only an ambiguous numeric date
    job = _job("Site: 12 Kilborn Pl, Ottawa, ON K1H 6N1\nDate of loss: 03/04/2026\n")
    # Then the date is left undetermined rather than guessed
    assert job.date_of_loss is None


def test_a_labelled_loss_after_the_visit_gives_way_to_the_prose() -> None:
    # Given a labelled loss date after the inspection, and the prose dating the loss by its weekday
    text = (
        "Address: 4 Palm Loop, Ocala, FL 34471\nDate of loss: 06/18/2025\nInspection date: 06/16/2025\n"
        "Cause: supply line split. She heard water running Sunday morning (6/15) and shut it off.\n"
    )
    job = _job(text)
    # Then the loss is the Sunday the prose names
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2025, 6, 15)
    assert job.date_of_loss.source.line == 4


# --- locale ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "country", "region", "order"),
    [
        ("14 Wren Rise, Halls Head WA 6210", "AU", "WA", "DMY"),
        ("220 Main Ave S, Rochester, MN 55904", "US", "MN", "MDY"),
        ("27 Alder Crescent, Dartmouth, NS B2W 3K9", "CA", "NS", None),
        ("9 Rimu Rise, Glenfield, Auckland 0629", "NZ", "Auckland", "DMY"),
        ("27 Calder Street, Leeds LS12 3QT", "GB", None, "DMY"),
    ],
)
def test_the_locale_comes_from_the_address(
    address: str, country: str, region: str | None, order: str | None
) -> None:
    # Given an address line
    locale = _locale(f"Site: {address}\n")
    # Then the country, region and date order follow from it, citing the line
    assert (locale.country, locale.region, locale.date_order) == (country, region, order)
    assert locale.source is not None and locale.source.line == 1


def test_units_are_the_ones_the_notes_write() -> None:
    # Given metric notes and imperial notes
    metric = _locale("Kitchen 4.2 x 3.6 m, wet 9 m2, wicking 300 mm\n")
    imperial = _locale("Family room 16 x 14 ft, pad wet 120 sf, drywall wet to 16 in\n")
    # Then each is read in its own system
    assert metric.units is UnitSystem.METRIC and imperial.units is UnitSystem.IMPERIAL


def test_two_countries_leave_the_locale_undetermined() -> None:
    # Given notes naming an Australian and a US address
    locale = _locale("Site: 1 Kent St, Perth WA 6000\nOffice: 5 Oak Ave, Austin, TX 78701\n")
    # Then no country is guessed
    assert locale.country is None and locale.date_order is None


# --- hazards -----------------------------------------------------------------------------------


def test_asbestos_by_build_year_is_an_australian_rule_only() -> None:
    # Given an older house in Australia and one in the US
    australian = _hazards("Site: 3 Gum St, Toowoomba QLD 4350\nBrick house built 1977.\n")
    american = _hazards("Site: 3 Elm Ct, Fort Collins, CO 80525\nFrame house built in 1985.\n")
    # Then only the Australian one is an asbestos flag by year
    assert HazardKind.ASBESTOS in australian
    assert HazardKind.ASBESTOS not in american


@pytest.mark.parametrize(
    "line",
    [
        "Eaves are the original fibro sheeting.",
        "Old 9 x 9 vinyl floor tiles under the carpet, presumed ACM.",
        "Vermiculite insulation in the attic.",
    ],
)
def test_named_asbestos_materials_are_flagged(line: str) -> None:
    # Given a named asbestos-suspect material
    # Then asbestos is flagged whatever the country
    assert HazardKind.ASBESTOS in _hazards(line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "No vermiculite or other suspect asbestos material was seen.",
        "Asbestos testing was not requested and nothing suspect was seen.",
        "Because of the build date, asbestos linings are not expected.",
        "He checked the attic for vermiculite: it's fiberglass, no vermiculite.",
        "Asbestos - house built 2011, no ACM expected.",
        "Asbestos: none found.",
        "Asbestos: N/A",
    ],
)
def test_asbestos_ruled_out_is_not_flagged(line: str) -> None:
    # Given asbestos ruled out in the sentence that names it
    # Then no asbestos hazard is reported
    assert HazardKind.ASBESTOS not in _hazards(line + "\n")


def test_a_suspicion_a_lab_result_clears_is_not_a_hazard() -> None:
    # Given a textured ceiling treated as asbestos until a sample came back clear, in an AU house old
    # enough for the build-year presumption, and a lead result that came back positive
    notes = (
        "Site: 12 Wattle Rd, Hamilton NSW 2303\n"
        "The 1964 house has a stipple finish on the hall ceiling. We treated it as possible asbestos"
        " until tested: sample sent 05/10, lab result 06/10 - no asbestos detected.\n"
        "Lead: paint chips on the sill tested positive.\n"
    )
    hazards = _hazards(notes)
    # Then the cleared suspicion and the presumption are not hazards, the positive result is
    assert HazardKind.ASBESTOS not in hazards
    assert HazardKind.LEAD in hazards


@pytest.mark.parametrize(
    "line",
    [
        "A 2017 asbestos report for the block is held by the strata manager: none recorded in unit 4.",
        "The stipple was sampled last spring for the council's asbestos register: no asbestos.",
        "Lead swab on the skirting, done by the painter: negative.",
    ],
)
def test_a_survey_whose_result_follows_its_colon_clears_the_hazard(line: str) -> None:
    # Given a survey or test of one hazard, and after its colon the result that clears it
    kinds = _hazards(line + "\n")
    # Then neither asbestos nor lead is reported
    assert HazardKind.ASBESTOS not in kinds and HazardKind.LEAD not in kinds


def test_a_survey_colon_naming_no_result_still_flags() -> None:
    # Given a suspect material whose survey line ends on something other than a clearing result
    kinds = _hazards("Asbestos survey on file: sheeting in the eaves presumed ACM.\n")
    # Then asbestos is still flagged
    assert HazardKind.ASBESTOS in kinds


def test_lead_by_us_build_year_where_paint_is_disturbed_or_by_name() -> None:
    # Given a US house built before 1978 whose painted walls are cut, and elsewhere lead paint named
    by_year = _hazards(
        "Site: 418 Lark Lane, Dayton, OH 45419\nThe house predates 1978.\n"
        "Cut out the painted drywall to 2 ft in the den.\n"
    )
    by_name = _hazards("Presume LBP on the window trim; work lead-safe.\n")
    australian = _hazards(
        "Site: 3 Gum St, Toowoomba QLD 4350\nHouse built 1972.\nStrip the paint off the skirting.\n"
    )
    # Then lead is flagged for the US year and the named paint, not for an Australian year
    assert HazardKind.LEAD in by_year and HazardKind.LEAD in by_name
    assert HazardKind.LEAD not in australian


def test_a_us_build_year_alone_is_no_lead_hazard() -> None:
    # Given a US house built before 1978 whose carpet and drywall come out, no paint disturbed
    kinds = _hazards(
        "Site: 77 Birch Rd, Salem, OR 97301\nThe home was built in 1964.\n"
        "Pulled the hall carpet and pad; drywall wicking to 8 in.\n"
    )
    # Then no lead hazard is made up from the year
    assert HazardKind.LEAD not in kinds


def test_paint_that_tested_positive_for_lead_is_a_lead_hazard() -> None:
    # Given a paint test reported as positive
    kinds = _hazards("The lab checked the sash paint chips; they came back positive for lead.\n")
    # Then lead is flagged
    assert HazardKind.LEAD in kinds


def test_electrical_hazards_named_or_labelled_and_ruled_out() -> None:
    # Given a tripped RCD, an "Electrical:" safety item, and "Electrical OK"
    tripped = _hazards("The RCD for the granny flat had tripped; power left off.\n")
    labelled = _hazards("- Electrical: receptacle behind the range is melted.\n")
    fine = _hazards("Electrical OK. Kitchen dry.\n")
    # Then the first two are electrical hazards and the third is not
    assert HazardKind.ELECTRICAL in tripped and HazardKind.ELECTRICAL in labelled
    assert HazardKind.ELECTRICAL not in fine


@pytest.mark.parametrize(
    "line",
    [
        "The sparky isolated the upstairs lighting circuit until the ceiling dries out.",
        "Hall light isolated at the meter box as a precaution.",
        "The bedroom double power point has a scorched cover plate.",
        "Water got into the GPO under the bench and tripped the safety switch.",
        "Laundry receptacles at 10 in. off the slab were wet; breaker 7 off.",
        "The pendant light fitting was full of water when we arrived.",
        "Told the owner to leave the lounge light off for now.",
        "Dryer outlet to be checked by an electrician before the dryer goes back on.",
        "Two outlets behind the couch were splashed, and our electrician made them safe.",
    ],
)
def test_an_electrical_part_and_what_befell_it_is_an_electrical_hazard(line: str) -> None:
    # Given a part of the installation and what happened to it or was done about it, either order
    # Then it is an electrical hazard
    assert HazardKind.ELECTRICAL in _hazards(line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Water came through the downlights in the hall ceiling and ran down the wall.",
        "The washer was isolated at the power point and pulled out to dry behind it.",
        "Dehus on dedicated circuits from the garage board; no water reached any outlets.",
        "She thinks the leak began after a power cut last winter.",
        "Trip hazard from the leads across the doorway: taped down.",
        "It is not safe to stand under the ceiling until it is propped.",
        "The outlet beside the dishwasher read dry and its breaker never tripped.",
        "Power points were checked; the safety switch has not tripped at any stage.",
    ],
)
def test_water_past_a_light_or_a_power_cut_is_no_electrical_hazard(line: str) -> None:
    # Given a light water came through, an appliance isolated at a socket, outlets water did not
    # reach, an outage long before, and a trip over leads
    # Then none of them is an electrical hazard
    assert HazardKind.ELECTRICAL not in _hazards(line + "\n")


def test_an_electrician_switching_off_a_circuit_that_is_not_safe_is_a_hazard() -> None:
    # Given a circuit switched off because it was not safe, and a labelled item made safe
    off = _hazards("The electrician turned off the kitchen lighting circuit - not safe with water in it.\n")
    made_safe = _hazards("Electrical: two sockets at skirting height were wet, electrician made safe.\n")
    # Then both are electrical hazards: "safe" there is what was done, not a clearance
    assert HazardKind.ELECTRICAL in off and HazardKind.ELECTRICAL in made_safe


def test_a_safety_item_whose_value_says_its_kind_is_fine_is_no_hazard() -> None:
    # Given a gas item that explains why there is no gas hazard, and one that says none
    explained = _hazards(
        "- Gas: the gas meter is on the other side of the house and no gas appliances are in the"
        " garage; gas supply not affected.\n"
    )
    # Then neither is a gas hazard, while an electrical item that states a fault is one
    assert HazardKind.GAS not in explained
    assert HazardKind.GAS not in _hazards("Gas: none.\n")
    # nor one made safe and then tested sound
    tested = "- Gas: fire crew shut it at the meter; the plumber pressure-tested the line - no leak.\n"
    assert HazardKind.GAS not in _hazards(tested)
    assert HazardKind.ELECTRICAL in _hazards("Electrical: power isolated at the board.\n")


def test_mould_and_sewage_ruled_out_are_not_hazards() -> None:
    # Given notes saying there was no mould and no contact with sewage
    kinds = _hazards("No visible mould in the joist bay.\nNo contact with drains, soil or sewage observed.\n")
    # Then neither is flagged
    assert HazardKind.MOULD not in kinds and HazardKind.BIOHAZARD not in kinds


def test_paint_presumed_to_contain_lead_is_a_lead_hazard_anywhere() -> None:
    # Given old paint presumed lead in a UK and an Australian job (no US build-year rule there)
    uk = _hazards("Site: 3 Royal Cres, Bath BA1 2LR\nSash paint is pre-1960 and presumed to contain lead.\n")
    au = _hazards(
        "Site: 9 Hay St, Subiaco WA 6008\nOld gloss on the architraves presumed lead - wet wipe only.\n"
    )
    # Then both are lead hazards
    assert HazardKind.LEAD in uk and HazardKind.LEAD in au


def test_a_suspect_material_that_was_not_sampled_is_still_a_hazard() -> None:
    # Given an asbestos item whose material was never sampled, and one ruled out
    unsampled = _hazards(
        "- Asbestos: the 1960s floor tiles under the vinyl were not sampled; treat as ACM.\n"
    )
    ruled_out = _hazards("- Asbestos: the sheeting is not expected to contain it (2012 build).\n")
    # Then only the unsampled one is a hazard
    assert HazardKind.ASBESTOS in unsampled and HazardKind.ASBESTOS not in ruled_out


def test_a_hazard_someone_else_claimed_and_the_next_clause_refutes_is_none() -> None:
    # Given a form that called the water sewage, refuted in the next clause
    kinds = _hazards(
        "The booking form says raw sewage because the basin is beside the toilet; it isn't. Clean supply.\n"
    )
    # Then there is no biohazard
    assert HazardKind.BIOHAZARD not in kinds


def test_a_sagging_ceiling_is_a_hazard_when_the_notes_say_what_was_done_about_it() -> None:
    # Given a sagging ceiling described with the room's damage, and ones propped or cordoned off
    described = _hazards("Lounge 4 x 5 m: ceiling plasterboard stained and sagging over about 6 m2.\n")
    propped = _hazards("Hall ceiling sheet sagging near the manhole: propped until it comes down.\n")
    cordoned = _hazards("Cordoned off the laundry under the bulging plaster ceiling.\n")
    # Then only the ones made safe are structural hazards
    assert HazardKind.STRUCTURAL not in described
    assert HazardKind.STRUCTURAL in propped and HazardKind.STRUCTURAL in cordoned


def test_soft_or_rotten_framing_is_structural() -> None:
    # Given a joist gone soft and a bearer that has rotted
    soft = _hazards("The joist under the shower is soft to a screwdriver and should be sistered.\n")
    rotten = _hazards("Subfloor bearer by the laundry waste was rotten through.\n")
    # Then both are structural hazards
    assert HazardKind.STRUCTURAL in soft and HazardKind.STRUCTURAL in rotten


@pytest.mark.parametrize(
    "line",
    [
        "Slip: silt film over the garage slab.",
        "- Slip and trip: wet vinyl and hoses across the hall.",
        "Wet floor - asked the owners to keep out of the kitchen.",
        "Wet tiled floors in the foyer: cones out while the shop stays open.",
        "Wet-floor signs and cord covers at the classroom door (slip/trip).",
    ],
)
def test_a_slip_hazard_named_or_a_wet_floor_people_are_kept_off(line: str) -> None:
    assert HazardKind.SLIP_TRIP in _hazards(line + "\n")


def test_a_wet_floor_only_described_is_no_slip_hazard() -> None:
    # Given a wet floor in the room's description, with no one kept off it
    kinds = _hazards("Kitchen: wet floor along the dishwasher run, vinyl lifting at the seams.\n")
    # Then no slip hazard is made up
    assert HazardKind.SLIP_TRIP not in kinds


@pytest.mark.parametrize(
    "line",
    [
        "Water poured through the ceiling - acoustic ceiling tiles fell in the reading corner.",
        "The rug at the edge of the collapse was soaked and the boards under the collapse cupped.",
    ],
)
def test_grid_tiles_down_or_the_place_a_ceiling_fell_are_not_structural(line: str) -> None:
    # Given grid tiles that came down, and a fall named only as a place
    # Then neither is a structural hazard
    assert HazardKind.STRUCTURAL not in _hazards(line + "\n")


def test_ceiling_tiles_still_falling_where_people_are_kept_out_are_structural() -> None:
    # Given tiles still coming down in a room that was shut
    kinds = _hazards("Hazards: ceiling tiles dropping in the store room (taped off).\n")
    # Then it is a structural hazard
    assert HazardKind.STRUCTURAL in kinds


def test_sagging_ceiling_tiles_in_a_grid_are_not_structural() -> None:
    # Given acoustic tiles sagging in a suspended grid, and a ceiling that has come down
    tiles = _hazards("Ceiling tiles saturated and sagging in the grid.\n")
    fallen = _hazards("Part of the bedroom ceiling has come down.\n")
    # Then only the fallen ceiling is structural
    assert HazardKind.STRUCTURAL not in tiles and HazardKind.STRUCTURAL in fallen


# --- days told against a day already given -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a night arrival after an evening the story already dated
        (
            "The Ngatas went to a concert on the evening of 9 August 2026 and came home to a wet hall. "
            "They rang us straight away. Pita Hohaia was at the door at 11 that night.\n",
            date(2026, 8, 9),
        ),
        # "that morning" means the morning that was dated, not the night before it
        (
            "Ivy Marsh rang us on Tuesday morning, 3 March 2026, about a bulge in her laundry ceiling.\n"
            "The evening before, Monday, 2 March 2026, the washer hose had come loose and leaked.\n"
            "I got there at 9:15 that morning and metered the ceiling.\n",
            date(2026, 3, 3),
        ),
        # "the same morning" after a background date from long before
        (
            "We took the call at 7:05 on the morning of 14 July 2026. The shower mixer was serviced on "
            "02/02/2026. Our crew was on site by 10:00 the same morning.\n",
            date(2026, 7, 14),
        ),
    ],
)
def test_an_arrival_told_against_a_day_already_given(text: str, expected: date) -> None:
    # Given prose that dates a call or an evening, then tells our arrival as "that night/morning"
    # When it is read
    job = _job(text)
    # Then the first visit is the day the phrase points back to
    assert job.inspection_date is not None and job.inspection_date.value == expected


@pytest.mark.parametrize(
    "text",
    [
        # two different days told, neither tied to the evening
        "The hose split on 1 June 2026. The owner rang us on 3 June 2026. We got there that evening.\n",
        # the only dated morning is told as the day before the story's
        "The morning before, 4 June 2026, the meter was read. We got there that morning.\n",
        # the story moved on to an unwritten day
        "The owner rang us on 3 June 2026. The next day the plumber came. We got there that evening.\n",
    ],
)
def test_a_relative_arrival_the_text_leaves_open_is_undetermined(text: str) -> None:
    # Given a relative arrival that more than one day (or no written day) could mean
    # When it is read
    job = _job(text)
    # Then no inspection date is guessed
    assert job.inspection_date is None


def test_a_heading_day_dates_an_evening_call_out_and_its_loss() -> None:
    # Given a day heading, then an evening call and arrival, then what burst, with no other day named
    text = "Fri 20/03/26\n19:40 call from owner. On site 20:30.\nCold flexi under the vanity burst.\n"
    # When it is read
    job = _job(text)
    # Then the heading's day is both the loss and the first visit
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 3, 20)
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 3, 20)


@pytest.mark.parametrize(
    "block",
    [
        "07:10 call from owner. On site 08:00.\nCold flexi under the vanity burst.\n",  # a morning call
        "19:40 call from owner. On site 20:30.\nOwner home from a week away, flexi burst.\n",
        "19:40 call from owner. On site 20:30.\nFlexi under the vanity burst overnight.\n",
        "19:40 call from owner.\nCold flexi under the vanity burst.\n",  # no arrival told
    ],
)
def test_a_call_out_that_leaves_the_loss_day_open_dates_no_loss(block: str) -> None:
    # Given a heading day whose call-out could follow a loss on another day
    job = _job("Fri 20/03/26\n" + block)
    # Then the loss date stays undetermined
    assert job.date_of_loss is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the related event dated with its own "the night before"
        (
            "Dana Pike phoned us on Saturday, 11 April 2026, about a stain on her hall ceiling. The night "
            "before, Friday, 10 April 2026, her partner had fitted a new toilet cistern. The inlet nut "
            "leaked all night.\n",
            date(2026, 4, 10),
        ),
        # the related event undated: the day before the call
        (
            "The owner phoned us on 11 April 2026. The dishwasher he put in the night before had a loose "
            "drain hose, which leaked into the cabinet.\n",
            date(2026, 4, 10),
        ),
        # the small hours of the morning the call was made
        (
            "She rang at 6:50 on the morning of 11 April 2026. The cylinder split some time after midnight "
            "and water spread down the hall.\n",
            date(2026, 4, 11),
        ),
    ],
)
def test_a_loss_dated_by_a_related_event_told_against_the_call(text: str, expected: date) -> None:
    # Given a loss told only against the day of the call
    # When it is read
    job = _job(text)
    # Then the date of loss is that related day
    assert job.date_of_loss is not None and job.date_of_loss.value == expected


@pytest.mark.parametrize(
    "text",
    [
        # finding the water is not when it got out
        "She rang us on 11 April 2026. She had noticed a drip the night before.\n",
        # a loss left open
        "The owner phoned us on 11 April 2026. The tap leaked for weeks; the stain showed the day before.\n",
        # a tradesman's work the day before
        "The owner phoned us on 11 April 2026. The plumber fitted the valve the day before and it leaked.\n",
        # small hours of a night-time call: after midnight is the next day, which the text never gives
        "She rang on the night of 11 April 2026. The hose split some time after midnight.\n",
    ],
)
def test_a_related_event_that_does_not_date_the_loss(text: str) -> None:
    # Given a discovery, an open-ended leak, someone else's work or a night call
    job = _job(text)
    # Then no date of loss is guessed
    assert job.date_of_loss is None


# --- the insured without a label ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HO Petra Lindgren - 9 Wattle Ave, Ballarat VIC 3350 - clm ZX-1\n", "Petra Lindgren"),
        ("JOB 812 Okafor, 3 Ibis Cl, Ferny Grove QLD 4055 | Att 02/02/26\n", "Okafor"),
        (
            "From: Hugh Carmody\nTo: claims@insurer.example\nSubject: leak\n\n"
            "The pipe under our kitchen sink let go and our house smells damp.\n",
            "Hugh Carmody",
        ),
        ("We're at 4 Rata St, Napier. I'm Wiremu Tane on the claim.\n", "Wiremu Tane"),
        ("Nadia Brook and her husband came home to a flooded laundry.\n", "Nadia Brook"),
        ("Omar Haddad called us about water under his kitchen floor.\n", "Omar Haddad"),
    ],
)
def test_the_insured_named_without_a_label(text: str, expected: str) -> None:
    # Given a header abbreviation, a job heading, the policyholder's email or their story
    # When it is read
    job = _job(text)
    # Then the person tied to the property is the insured
    assert job.insured is not None and job.insured.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "HO Advised not to run the washer\n",  # "HO" then an instruction, not a name
        "JOB 812 Water Damage, 3 Ibis Cl, Ferny Grove\n",  # a job heading naming the loss
        "From: Hugh Carmody\nTo: claims@insurer.example\n\nThe crew dried the kitchen.\n",  # whose house?
        "Omar Haddad called us about water under his kitchen floor. He rents the unit.\n",  # a tenant
        "Adjuster Lee Park called us about her insured's kitchen.\n",  # the adjuster
        "Lee Park called us on behalf of the owner about their kitchen.\n",  # calling for someone else
        "Then Lee called us about her kitchen.\n",  # a sentence's first word is no name
    ],
)
def test_someone_else_named_in_those_places_is_not_the_insured(text: str) -> None:
    # Given a name (or no name) that the text does not tie to the property's owner
    job = _job(text)
    # Then no insured is read
    assert job.insured is None


def test_the_contractors_letterhead_is_not_the_job_address() -> None:
    # Given notes under a company letterhead in another state, then the job's own address
    findings = analyze_text(
        "CROYDON RESTORATIONS PTY LTD\n"
        "14 Port Road, Adelaide SA 5000  ABN 12 345 678 901\n"
        "Job: 27 Wattle Grove, Croydon VIC 3136\n"
        "Attended 13/11/2026. Kitchen: laminate wet.\n"
    )
    # Then the property is the job's, and so are its state and time zone's region
    assert findings.job.address is not None
    assert findings.job.address.value == "27 Wattle Grove, Croydon VIC 3136"
    assert (findings.locale.country, findings.locale.region) == ("AU", "VIC")


def test_a_job_number_is_not_an_address() -> None:
    # Given a "Job:" label that carries the job's number
    findings = analyze_text("Job: VR-26-1187\nSite: 1745 Commercial Drive, Vancouver, BC V5N 4A4\n")
    # Then the address is the site's
    assert findings.job.address is not None and findings.job.address.value.startswith("1745 Commercial")


def test_a_visit_the_same_morning_as_an_early_call_is_that_day() -> None:
    # Given a call at 6.40 am, a loss overnight the day before, a visit "the same morning", and a
    # long readings line whose later sentence gives day three's date
    findings = analyze_text(
        "Site: 41 Hamilton Street, Boulder WA 6432\n"
        "Deb rang the after-hours line at 6.40 am on Tuesday 15/07/2025. The unit had split at some"
        " point overnight on Monday 14/07/2025.\n\n"
        "Kirra got to site at 9.15 the same morning. Bedroom 2 carpet soaked.\n\n"
        "Readings were taken with a Protimeter in WME mode. Bedroom 2 plasterboard read 24 WME at"
        " intake. On day three (17/07) the bedroom 2 plasterboard was down to 15 WME.\n"
    )
    # Then the visit is the day of the call, and the intake reading is that day's
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2025, 7, 15)
    days = {(reading.value, reading.taken_on) for reading in findings.moisture_readings}
    assert (24.0, date(2025, 7, 15)) in days


def test_a_visit_before_the_loss_and_an_emails_sent_date_are_not_the_inspection() -> None:
    # Given a homeowner's e-mail: its header's date, a roof inspection months before the leak, and
    # the restorer's visit the day after the leak
    findings = analyze_text(
        "From: Dana Whitfield\n"
        "Date: 02/14/2025\n"
        "Subject: Claim # 00-4417-882-PA - ceiling leak, 5830 Beacon Rise, Pittsburgh PA 15217\n\n"
        "On Sunday 02/09/2025 around noon water started dripping from the ceiling in our back bedroom."
        " For what it's worth, we had the whole roof inspected on 11/14/2024 and it passed.\n\n"
        "Allegheny Dry & Restore came on Monday 02/10. The back bedroom ceiling read 68 on his meter.\n"
    )
    # Then the inspection is the restorer's visit, and its reading is that day's
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2025, 2, 9)
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2025, 2, 10)


def test_an_insurer_in_a_headers_columns_and_a_technician_by_initial_and_surname() -> None:
    # Given a header whose fields sit side by side, and a technician written "R. Okafor"
    parties = analyze_text(
        "Job ref: LCR-26-0418      Insurer: Swanline Home & Contents      Claim no. SHC-7730412\n"
        "Technician: R. Okafor (WRT, ASD)      Attended 08/06/2026\n"
    ).parties
    assert parties is not None and parties.insurer is not None and parties.technician is not None
    assert parties.insurer.value == "Swanline Home & Contents"
    assert parties.technician.value == "R. Okafor"


# --- the insured from a client label or the policyholder's own mail ----------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # an agent engaged us for the owner: the owner is the insured
        ("Client: Bayview Property Management, for the owner Mrs Jo Tamsett\n", "Mrs Jo Tamsett"),
        # the insurer engaged us, and the insured is labelled on the next line
        (
            "Client: Coastal Mutual Insurance, on claim CM-5521\nInsured: Ari and Lena Voss\n",
            "Ari and Lena Voss",
        ),
    ],
)
def test_a_client_label_gives_way_to_the_owner_it_names_or_a_later_insured(
    header: str, expected: str
) -> None:
    job = _job(header + "Property: 4 Quay St, Hobart TAS 7000\n")
    assert job.insured is not None and job.insured.value == expected


def test_an_agent_as_client_with_no_owner_named_is_no_insured() -> None:
    job = _job("Client: Northside Lettings Ltd (managing agent)\nProperty: 9 Byres Rd, Glasgow G11 5RD\n")
    assert job.insured is None


def test_the_policyholder_writing_about_their_own_rooms_is_the_insured() -> None:
    # Given a claim mail from someone telling "our back bedroom" and "my husband", no label
    mail = (
        "From: Carla Mendes\n"
        "To: Tom Reyes (adjuster)\n"
        "Subject: Claim 55-1029 - ceiling leak\n"
        "\n"
        "On Sunday water came through the ceiling in our back bedroom and my husband put buckets out.\n"
    )
    job = _job(mail)
    assert job.insured is not None and job.insured.value == "Carla Mendes"


def test_a_policyholder_mail_in_a_building_with_an_agent_still_names_the_writer() -> None:
    # Given a flat owner's mail that mentions the managing agent, and says the policy is theirs
    mail = (
        "From: Ewan Blackwood\n"
        "To: claims@examplecover.co.uk\n"
        "Subject: Your ref EOW/22/1180\n"
        "\n"
        "My policy number is HX-4410. The managing agent sent a plumber to the flat above last night.\n"
    )
    job = _job(mail)
    assert job.insured is not None and job.insured.value == "Ewan Blackwood"
    # while a tenant's mail about the same flat names no insured
    tenant = mail.replace("My policy number is HX-4410.", "I rent the flat from Mr Dunn.")
    assert _job(tenant).insured is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ins'd: Maria Oyelowo  Clm# 44-2019", "Maria Oyelowo"),
        ("Cust: Raj & Priya Venkatesan", "Raj & Priya Venkatesan"),
        ("Policyholders: Mr D. Hale and Mrs R. Hale", "Mr D. Hale and Mrs R. Hale"),
        (
            "Insured: Harbourside Hospitality Group LLC dba The Pier Street Inn",
            "Harbourside Hospitality Group LLC",
        ),
    ],
)
def test_the_insured_under_short_plural_and_trading_forms(line: str, expected: str) -> None:
    job = _job(line + "\n")
    assert job.insured is not None and job.insured.value == expected


def test_an_insurer_under_a_bare_ins_label_or_a_missing_name_is_no_insured() -> None:
    # Given "Ins:" naming the insurer with the policyholder on the next line, and an unknown insured
    notes = _job("Job 41/2207 Ins: Westway Mutual Claim ref WM/7781\nPH: Mrs Anwen Price, 4 Heol Fach\n")
    missing = _job("Owner / insured: not on the work order\n")
    # Then the policyholder is the insured, and the missing one is left undetermined
    assert notes.insured is not None and notes.insured.value == "Mrs Anwen Price"
    assert missing.insured is None


@pytest.mark.parametrize(
    ("line", "insured"),
    [
        ("Insured: Marta Kowal Claim: HO-2026-118", "Marta Kowal"),
        ("Insd: Lena and Theo Brandt Carrier: Lakeshore Mutual", "Lena and Theo Brandt"),
        ("Insured: Ms. Odile Fournier", "Ms. Odile Fournier"),
        ("Insured: Joe Park Policy no: 55-1190", "Joe Park"),
    ],
)
def test_the_insured_keeps_its_surname_before_the_next_field_and_a_title_s_point(
    line: str, insured: str
) -> None:
    # Given a header line with the insured and the next field on the same line
    job = _job(f"{line}\nAddress: 4 Elm St, Salem, OR 97301\n")
    # Then the insured is the whole name, not cut at its surname or at "Ms."
    assert job.insured is not None
    assert job.insured.value == insured


@pytest.mark.parametrize(
    "told",
    [
        "Source not found. Could be the shower waste upstairs, could be a supply pipe in the floor.",
        "Owner thinks the dishwasher hose leaked OR the sink waste - both under the same bench.",
        "Possibly the box gutter overflowed, possibly the hot water unit in the cupboard behind.",
    ],
)
def test_a_source_the_writer_cannot_settle_is_no_stated_cause(told: str) -> None:
    text = f"Site: 3 Hill St, Orange NSW 2800\nCeiling stain in bedroom 2, wet to touch.\n{told}\n"
    assert analyze_text(text).cause_of_loss is None
    # while one source told plainly is the cause
    assert analyze_text(text.replace(told, "The dishwasher hose split behind the unit.")).cause_of_loss


@pytest.mark.parametrize(
    "told",
    [
        "Hailstorm late afternoon; hail packed the box gutter and it backed up into the roof space.",
        "Hail blocked the western box gutter and water overflowed inside along the wall.",
        "Guest in room 210 left the tub filling and went out for an hour.",
        "A roof drain leader separated at a no-hub coupling above the ceiling.",
        "Clothes dryer fire in the laundry (lint in the duct, per the fire marshal).",
        "The discharge hose came free of the trough and emptied onto the floor overnight.",
    ],
)
def test_a_storm_a_blocked_gutter_a_tub_left_filling_and_a_dryer_fire_are_causes(told: str) -> None:
    text = f"Site: 8 Oak St, Ipswich QLD 4305\n{told}\nCeiling and carpet wet in bedroom 3.\n"
    assert analyze_text(text).cause_of_loss is not None


# --- arrivals at the address, entries headed by their day, a label corrected later -------------


def test_we_were_at_the_address_is_the_visit_and_not_the_loss() -> None:
    job = _job(
        "The Nguyens came home on Saturday, March 7, 2026 to find the dishwasher hose had split.\n"
        "We were at 41 Orchard Lane, Salem, OR 97301 at 9 the next morning, Sunday the 8th, and "
        "extracted the kitchen."
    )
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 3, 8)
    assert job.date_of_loss is None or job.date_of_loss.value != date(2026, 3, 8)


def test_that_morning_in_a_timeline_entry_is_the_entry_s_day() -> None:
    job = _job(
        "Sent: Monday, 20 July 2026 9:10 AM\n"
        "- Wednesday 15 July: the tenant saw water under the vanity and rang me that evening.\n"
        "- Thursday 16 July: the plumber fixed the trap. Dry Fast Restorations attended the unit that "
        "morning.\n"
    )
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 7, 16)


def test_a_later_loss_label_telling_the_night_corrects_the_header_s_call_day() -> None:
    job = _job(
        "DOL: 03/21/2026   Source: toilet supply\n"
        "On site 03/21/2026 8:15 AM\n"
        "- DOL: owner says it happened Friday night around 10 PM (3/20). 3/21 is when they called.\n"
    )
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 3, 20)
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 3, 21)


def test_a_loss_label_left_open_takes_no_later_date() -> None:
    job = _job(
        "DOL: 03/21/2026\nOn site 03/21/2026\n- DOL: tenant was away, unknown when it started (3/14).\n"
    )
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 3, 21)


def test_an_eow_job_sheet_is_a_water_loss() -> None:
    findings = analyze_text(
        "EOW - first attendance\nBrown stain on the lounge ceiling, source not found yet.\n"
    )
    assert findings.damage_type is not None and findings.damage_type.value == "water"


@pytest.mark.parametrize(
    "label",
    [
        "Reported: Tuesday 3 March 2026, tenant found water under the vanity about 7 am.",
        "Found: 03/03/2026, owners home from a week away - start unknown.",
        "Loss reported: 03/03/2026, 8:15 PM - the floor waste backed up during close.",
    ],
)
def test_the_day_the_loss_came_to_light_dates_it_when_nothing_else_does(label: str) -> None:
    job = _job(f"{label}\nFirst visit: 04/03/2026 (tech K. Lee)\n")
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 3, 3)


def test_a_bare_report_date_is_not_the_loss() -> None:
    job = _job(
        "Reported: 05/03/2026. Tenant had smelt something musty for a week or so.\nFirst visit: 06/03/2026\n"
    )
    assert job.date_of_loss is None


def test_a_loss_told_in_words_comes_before_the_day_it_was_reported() -> None:
    job = _job(
        "Reported: 05/03/2026 by the agent.\n"
        "The washer hose burst on Monday 2 March 2026 while the tenant was at work.\n"
        "First visit: 05/03/2026\n"
    )
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 3, 2)


def test_the_night_before_when_all_was_fine_is_not_the_loss() -> None:
    job = _job(
        "Sam rang us on the Saturday morning, 9 May 2026. She had used the laundry at eight the night"
        " before and everything was normal; at six on Saturday the hall carpet was soaked.\n"
        "We got there first thing Sunday 10 May.\n"
    )
    assert job.date_of_loss is None or job.date_of_loss.value != date(2026, 5, 8)


def test_found_it_dates_the_loss_the_sentence_before_told() -> None:
    job = _job(
        "Attended Fri 15/05/26 19:30 - tech\n"
        "- Dishwasher inlet hose burst. Family out from 9am, found it at 6pm the same day (Fri 15/05).\n"
    )
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 5, 15)


@pytest.mark.parametrize(
    ("told", "insured"),
    [
        (
            "We were called to a villa at 3/14 Reef Street, Yeppoon QLD 4703, for Ana and Luis Ortega"
            " (Suncorp claim 77-1203).",
            "Ana and Luis Ortega",
        ),
        ("The hail stripped flashing off Mr Owen Pike's weatherboard home at 9 Ash Lane.", "Mr Owen Pike"),
        ("The policy is in both our names (Grace Lin and Peter Lin).", "Grace Lin and Peter Lin"),
    ],
)
def test_a_household_told_as_holding_the_claim_or_the_home_is_the_insured(told: str, insured: str) -> None:
    job = _job(f"{told}\nLaundry vinyl wet.\n")
    assert job.insured is not None and job.insured.value == insured


def test_a_neighbour_s_home_in_a_tenancy_names_no_insured() -> None:
    job = _job("The tenant says water came from Mr Owen Pike's home at 11 Ash Lane next door.\n")
    assert job.insured is None


@pytest.mark.parametrize(
    ("line", "cause"),
    [
        (
            "DOL Mon 09/03/2026 approx 6.10am - pressure relief valve on the HWS stuck open",
            "pressure relief valve on the HWS stuck open",
        ),
        (
            "Fire: Friday 13/03/2026 about 9.40 pm, heat lamp in the ensuite fan",
            "heat lamp in the ensuite fan",
        ),
    ],
)
def test_a_loss_date_label_going_on_to_tell_what_happened_gives_the_cause(line: str, cause: str) -> None:
    findings = analyze_text(f"{line}\nHallway ceiling stained.\n")
    assert findings.cause_of_loss is not None and findings.cause_of_loss.endswith(cause)


def test_a_loss_date_label_with_only_who_reported_it_gives_no_cause() -> None:
    findings = analyze_text("DOL: 09/03/2026 - per insured, time unknown\nHallway ceiling stained.\n")
    assert findings.cause_of_loss is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our claim went in on Monday; the policy is in the name of Rhona Gillespie.\n", "Rhona Gillespie"),
        ("The insurer is Kauri Home, policy in my name, Tama Ruawai.\n", "Tama Ruawai"),
    ],
)
def test_whose_name_the_policy_is_in_is_the_insured(text: str, expected: str) -> None:
    # Given prose saying whose name the policy is in
    job = _job(text)
    # Then that person is the insured
    assert job.insured is not None and job.insured.value == expected


def test_a_client_on_a_private_engagement_is_no_insured() -> None:
    # Given a mould client who engaged the inspector privately, with no insurer involved
    job = _job("Client: Marta Lindgren (owner; private engagement, not through insurance)\n")
    # Then no insured is named
    assert job.insured is None


def test_when_someone_was_on_site_is_not_the_address() -> None:
    # Given a header whose "on site:" field gives an arrival time, then the street on its own line
    job = _job("First on site: 14/05/2026, 9:10 AM\nLoss at 27 Banksia Rd, Mackay QLD 4740\n")
    # Then the address is the street, not the time
    assert job.address is not None and job.address.value.startswith("27 Banksia Rd")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit and its bracket before the street
        (
            "Property: Unit 3 (rear, upstairs), 14 Moana Street, Napier 4110\nCeiling wet.\n",
            "Unit 3 (rear, upstairs), 14 Moana Street, Napier 4110",
        ),
        (
            "Site: Shop 2 (ground), 7 Quarry Road, Oamaru\nFloor wet.\n",
            "Shop 2 (ground), 7 Quarry Road, Oamaru",
        ),
    ],
)
def test_an_address_with_a_bracketed_unit_first(text: str, expected: str) -> None:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    job = read_job(lines, dates, Visits(dates))
    assert job.address is not None and job.address.value == expected


def _cause(text: str) -> str | None:
    from chalicelib.analysis.offline.cause_of_loss import detect_cause

    found = detect_cause(prepare_lines(text))
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fire told by what lit what, under the adjuster's facts-of-loss label
        (
            "Claim 55-2\nFacts of loss: tea light on the window sill caught the blind, Fri 4/12/26"
            " about 9pm.\n",
            "tea light on the window sill caught the blind",
        ),
        ("Notes\nThe oil heater in bedroom 2 ignited the bedspread overnight.\n", "ignited the bedspread"),
        # the cook's pan named after a dated fire label, the month written as a word
        ("Fire: Tue 3 March 2026, about 7 pm - pot of fat left on the hob.\n", "pot of fat left on the hob"),
        ("Fire: Mar 3, 2026 at 7 pm - wok of hot oil on the gas burner.\n", "wok of hot oil"),
        # a line found disconnected
        (
            "Site\nPlumber found the dishwasher drain hose disconnected behind the unit.\n",
            "hose disconnected",
        ),
    ],
)
def test_a_cause_told_by_what_lit_or_came_apart(text: str, expected: str) -> None:
    cause = _cause(text)
    assert cause is not None and expected in cause


@pytest.mark.parametrize(
    "text",
    [
        # a candle that lit nothing, a pan with no fire, a power line cut for safety
        "Notes\nCandle on the shelf was unlit; owner lit the fire in the lounge later.\n",
        "Notes\nElectrician disconnected the cooktop line for safety.\n",
    ],
)
def test_no_cause_from_a_candle_or_a_line_cut_for_safety(text: str) -> None:
    assert _cause(text) is None
