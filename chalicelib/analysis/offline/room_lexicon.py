"""The room lexicon: each kind of space the notes name, as (key, pattern) alternatives; alternatives
sharing a key are the same room written differently. `spaces_vocabulary` turns a match into a
`Mention`."""

from __future__ import annotations

# Words that do not name a kind of room before "room" ("the room", "each room", "open room"), nor after
# a hyphen ("the smoke-affected room", "a water-damaged room": how a room was, not its name).
_NOT_A_ROOM_WORD = (
    r"(?!(?:the|a|an|this|that|these|those|each|every|other|same|which|one|no|any|dry|wet|whole"
    r"|entire|adjoining|next|adjacent|affected|unaffected|his|her|their|our|my|your|its|whose|main"
    r"|front|back|rear|side|upstairs|downstairs|and|or|of|in|into|to|from|per|more|enough|spare"
    r"|guest|kids|open|either|neither|both|big|small|large|single|empty|own|another|first|second"
    r"|third|half|quarter|last|new|old|point|item|code|location|date|material|area|level|with|under|over"
    r"|between|behind|beside|near|across|through|was|were|is|are|has|had|have|read|wall|walls"
    r"|floor|ceiling|carpet|slab|type|unit|units|name"
    # ("ran across a burned room": the state of a room, not its name)
    r"|burned|burnt|charred|flooded|damaged|gutted|sooty|smoky|soaked"
    # ("sat three days in a closed room", "a small patch of a tiled room": how a room was, not its name)
    r"|closed|shut|locked|sealed|vacant|empty|occupied|unoccupied|tiled|carpeted|finished|unfinished"
    r"|musty|humid|stuffy|furnished|unfurnished)\b)"
)


# Words before "deck" that make it a floor's sheeting or an inside platform's top, not the outdoor
# deck: the sheet's material, the floor it is, or the raised structure it tops.
_DECK_OF = (
    "mezzanine",
    "plywood",
    "ply",
    "chipboard",
    "particleboard",
    "osb",
    "steel",
    "concrete",
    "floor",
    "plant",
    "roof",
    "catwalk",
    "walkway",
    "stage",
    "platform",
    "gantry",
    "loft",
)
# (looked back at only once "deck" has matched: a look-behind before it would run at every position)
_NOT_OUTDOOR_DECK = "".join(rf"(?<!\b{word} deck)(?<!\b{word}-deck)" for word in _DECK_OF)


# The first word of a room the vocabulary knows: "finished family room" is the family room, so the
# word before it is no part of another room's name.
_KNOWN_ROOM_WORD = (
    r"(?!(?:family|storage|store|dining|living|laundry|utility|rumpus|powder|bath|bed|show|board|media"
    r"|great|bonus|mud|sun|play|class|server|comms|meeting|conference|waiting|break|lunch|staff|rest"
    r"|wash|rec|recreation|guest|spare|kids|theatre|theater)\b)"
)


# What follows a room's capital initials ("LR", "DR") in a map row: a surface or a material, so that
# the initials are read as the room and not as someone's initials or a title.
_INITIALS_BEFORE = (
    r"(?= (?:ceiling|wall|floor|joist|subfloor|carpet|baseboard|drywall|skirting|plaster|maple|oak"
    r"|hardwood|timber|plank|board|flooring|gib|plasterboard)s?\b)"
)


# (key, pattern): alternatives sharing a key are the same room written differently.
ROOMS: tuple[tuple[str, str], ...] = (
    ("living_dining", r"(?:living|lounge|family) ?(?:/|&|and) ?dining(?: room| area| rm)?"),
    # ("LR ceiling at duct boot 92", "LR maple by window": field notes' initials in capitals before a
    # surface or a material, as "K" is)
    ("living_room", r"living (?:room|area|rm)|living(?= ?(?:\d|:|carpet|floor))|(?-i:LR)" + _INITIALS_BEFORE),
    # "Family", "Living" alone name a room only before its size or a heading colon ("Family 5x4m").
    ("family_room", r"family (?:room|rm)|family(?= ?(?:\d|:|carpet|floor))"),
    # ("DR maple at opening": only in capitals and before a surface or material, as "Dr" is a title)
    (
        "dining_room",
        r"dining (?:room|area|rm)|dining(?! (?:table|chairs?|set|suite|furniture|hutch))"
        r"|(?-i:DR)" + _INITIALS_BEFORE,
    ),
    ("rumpus_room", r"rumpus(?: room| rm)?"),
    # "The utility" and a map's "5 utility - skirting" are the utility room (as UK notes write it); a
    # utility closet, cupboard, bill or knife is not.
    (
        "utility_room",
        r"utility (?:room|rm)|utility(?= ?(?:\d|:|[-\u2013] ))"
        r"|(?<=\bthe )utility\b"
        r"(?! (?:closet|cupboard|knife|bills?|compan\w+|meters?|sink|tub|lines?|poles?|trailer))",
    ),
    ("powder_room", r"powder (?:room|rm)"),
    # (a "laundry closet" or "laundry cupboard" is the laundry, where the washer stands)
    ("laundry", r"laundry(?: room| rm| area| closet| cupboard)?"),
    # "KIT ceiling drywall wet": field notes' capitals, or "kit" before a surface ("test kit" is none)
    # ("K ceiling by N wall 62 REL": field notes' single capital before a kitchen surface)
    (
        "kitchen",
        r"kitchen|(?-i:KIT)|kit(?= (?:ceiling|wall|floor|cabinet|subfloor|cupboard)s?\b)"
        r"|(?-i:K)(?= (?:ceiling|wall|floor|joist|subfloor|cabinet|cupboard)s?\b)",
    ),
    ("kitchenette", r"kitchenette"),
    ("ensuite", r"en-?suite(?: bathroom)?"),
    # "Bath" alone is as often the tub: only "master bath" or "bath wall/floor/..." is the room.
    (
        "bathroom",
        r"(?:hall|guest|kids|half|main) bath(?:room)?|bath ?room|bath ?rm"
        r"|bath(?(qual)\b|(?= (?:wall|floor|ceiling|vanity|bottom plate|door|subfloor|tile)s?\b))",
    ),
    # "Guest room", "spare room": a bedroom by another name.
    # "BR 2", "Primary BR": a bedroom, by its number or a qualifier ("br" alone is no room)
    # ("master bed skirting", "guest bed wall": a qualified "bed" is the bedroom; "bed frame" is none)
    (
        "bedroom",
        r"bed ?rooms?|bed ?rm|(?:beds?|br)(?= ?#?[1-9]\b)|br(?(qual)\b|(?!))|(?<=guest |spare )room"
        r"|bed(?(qual)\b(?! ?(?:frames?|base|head\w*|linen|sheets?|spread|bugs?|side)\b)|(?!))",
    ),
    # ("the training hall is 14 x 9 m", "function hall", "pool hall": a club's or a venue's big room
    # named for what is done in it, not a passage; its words are kept, and told apart from the
    # corridor the same notes name)
    (
        "use_hall",
        r"(?:training|pool|sports?|function|assembly|banquet|exhibition|concert|drill|dance|games|dojo"
        r"|practice|rehearsal|lecture|examination|exam|reception|dining|mess|meeting) hall(?!\w)",
    ),
    ("hallway", r"hall ?way|hall|corridor(?! (?-i:[A-H])(?![\w/.-]))"),
    # ("no entry to the garage", "entry into the roof space": going in, not the room)
    # ("power off before entry", "upon entry the smell was strong": the going in, not the room)
    (
        "entry",
        r"entry ?way|(?<!no )(?<!before )(?<!after )(?<!upon )(?<!forced )(?<!gained )"
        r"(?<!gain )entry(?! (?:to|into|through|via|of|was|is|gained|point)\b)|foyer",
    ),
    ("lounge", r"lounge(?: room| rm)?(?! (?:suite|chairs?|furniture))"),
    # British and older US usage: "the front room" is the sitting room, a room of its own name.
    ("front_room", r"(?:front|back) (?:room|rm)(?!s)"),
    # "basement floor drain", "basement stairs": a fixture of the level, not the basement itself.
    ("basement", r"basement(?! (?:floor )?drain| stair| steps| door| window| level)"),
    ("cellar", r"cellar"),
    ("garage", r"garage"),
    (
        "office",
        # "the strata office", "Office booking sheet says": the firm that took the call, not a room.
        r"(?<!strata )(?<!head )(?<!branch )(?<!claims )(?<!post )"
        r"office(?! (?:tenancy|building|block|park|manager|hours|staff|furniture|chair|desk|supplies"
        r"|booking|intake|sheet|says|said|details|records?|system|files?|copy|rang|called))",
    ),
    ("study", r"study"),
    ("walk_in_robe", r"walk-?in (?:robe|wardrobe)|wir(?= |$|:|,)"),
    # A wardrobe is furniture in its room ("wardrobe back panel", "behind the wardrobe"), never a
    # space of its own; only a walk-in one is (above).
    ("closet", r"(?:utility |linen |coat |broom |water heater |furnace |mechanical |ahu )?closet"),
    # ("the cylinder cupboard", "boiler cupboard": the hot water cylinder's or the boiler's)
    (
        "cupboard",
        r"(?:airing|hot water|cylinder|boiler|linen|utility|broom|under-?stair) cupboard|hwc(?= |:|,)"
        # ("the hall cupboard", "landing cupboard": a walk-in cupboard off the hall, one space with it)
        r"|(?:(?<=hall )|(?<=hallway )|(?<=landing ))cupboard"
        # ("the cupboard the cylinder lives in", "cupboard where the boiler is": named by what it houses)
        r"|cupboard(?= (?:that |where |which )?(?:the |our |their )?(?:hot water )?(?:cylinder|boiler"
        r"|water heater|hot water system|hws|furnace) (?:lives|sits|stands|is|was)\b)",
    ),
    ("landing", r"landing"),
    ("showroom", r"show ?room|sales floor"),
    # ("Bakehouse (production floor), 9.0 x 7.5 m": a bakery's working room)
    ("bakehouse", r"bake ?house|production (?:floor|area|kitchen)"),
    # ("Shop front / retail (about 9 m x 6 m)": a small business's public room)
    ("shop_front", r"shop ?front|shop floor|retail (?:area|floor|space)"),
    # ("a 9 x 5 m salon floor": a hairdresser's or beauty business's working floor)
    ("salon", r"(?:hair |beauty |nail )?salon"),
    ("restroom", r"rest ?room|wash ?room|staff (?:toilet|wc)"),
    ("reception", r"reception(?: area)?|waiting (?:room|area)|lobby"),
    ("boardroom", r"board ?(?:room|rm)|conference (?:room|rm)|meeting (?:room|rm)"),
    # ("Open-plan, east partition": the open-plan office named by its adjective alone)
    ("open_office", r"open[- ](?:plan )?office|open[- ]plan(?=[,:;)]| [-\u2013])"),
    ("server_room", r"(?:server|comms) (?:room|rm)"),
    ("break_room", r"(?:break|lunch|staff) ?(?:room|rm)"),
    ("loading_dock", r"loading dock|dock(?= (?:floor|area|door)|:)"),
    ("gym", r"gym(?:nasium)?"),
    ("storage_room", r"stor(?:age|e) ?(?:room|rm)|storeroom|stock ?(?:room|rm)"),
    # (a trade's or a shop's back room; not the workshop's manual, tools or an event called one)
    ("workshop", r"work ?shop(?! (?:manuals?|tools?|equipment|sessions?|events?|course|bays?)\b)"),
    # (a basement's "rec area"; "rec" alone only as a point's bracketed room: "tile by stairs (rec)")
    ("rec_room", r"rec(?:reation)? (?:room|rm|area)|(?<=\()rec(?=\))"),
    ("meals", r"meals(?: area)?(?! (?:table|chairs?|bench))"),
    ("granny_flat", r"granny flat|studio flat"),
    ("bedsit", r"bedsit"),
    ("classroom", r"class ?room"),
    ("operatory", r"operatory"),
    ("sterilization", r"sterili[sz]ation(?: room| rm| area)?"),
    ("dish_pit", r"dish ?pit|dish(?:washing)? area|prep area|walk-in (?:cooler|freezer)"),
    # ("deck oven 2", "the plywood mezzanine deck", "the plant deck above the studio", "laminate on
    # chipboard floor deck", "the catwalk deck": an oven, a floor's sheeting named by its material or
    # by the floor, stage or walkway it is the top of, a platform for plant; not the outdoor deck)
    (
        "outdoor",
        r"verandah?|porch|patio|alfresco|deck" + _NOT_OUTDOOR_DECK + r"(?! ovens?\b)(?= |:|,|$)",
    ),
    # ("kick and pantry base wicking", "pantry food": the kitchen's pantry unit and what it holds)
    (
        "pantry",
        r"pantry(?! (?:base|kick(?:board)?|plinth|doors?|shel(?:f|ves)|cupboard|unit|cabinet|carcass"
        r"|food|items|goods|contents|stock)s?\b)",
    ),
    ("attic", r"attic|roof (?:space|void)"),
    ("loft", r"loft"),
    # ("the crawl": restorers' word for the crawlspace; not its hatch or access, nor "a full crawl of")
    (
        "crawlspace",
        r"crawl ?space"
        r"|(?:(?<=\bthe )|(?<=\bof )|(?<=\bin )|(?<=\binto )|(?<=^)|(?<=[-*:] ))"
        r"crawl(?! ?(?:space|hatch|access|opening|door|of)\b)",
    ),
    # The space under a suspended floor; "subfloor" alone is the sheet material.
    (
        "subfloor_space",
        r"(?:sub-?|under-?)floor (?:void|space|cavity)|sub-floor(?=:| (?:under|beneath|below)\b| -)",
    ),
    # "down stairs" / "up stairs" is a level, not the staircase.
    ("stairwell", r"stair ?(?:well|case)|(?<!down )(?<!up )stairs"),
    ("sunroom", r"sun ?room"),
    # Rooms of older or other houses: the UK scullery and larder, the NZ sleep-out, the snug
    ("scullery", r"scullery|larder"),
    ("conservatory", r"conservatory|sleep-?out|snug"),
    ("cloakroom", r"cloakroom|vestibule"),
    ("breakfast_nook", r"breakfast (?:nook|area|bar area)|nook(?= ?[,:(]| [-\u2013] )"),
    ("library", r"library(?! (?:book|card|board|staff|loan|catalogue|service)s?\b)"),
    ("playroom", r"play ?room"),
    ("nursery", r"nursery"),
    ("mudroom", r"mud ?room"),
    ("den", r"den"),
    ("great_room", r"great (?:room|rm)"),
    ("bonus_room", r"bonus (?:room|rm)"),
    # US notes write "master" for the master bedroom ("master slab 2.9 %MC").
    ("master", r"master(?! ?(?:bed|bath|closet|suite|en-?suite|wardrobe|robe|wir)\w*)"),
    # The room with the toilet: "WC 2:", "the separate toilet", "toilet room", "the downstairs WC", the
    # room's own surfaces ("WC skirting", "toilet walls"), "the WC itself", a place things are "in the
    # WC"; a WC or a toilet alone is the fixture ("the toilet overflowed", "came up through his WC",
    # "the gully and WC are on the foul system").
    (
        "toilet_room",
        # ("WC 2", "Toilet:"; not the pan a point is by: "behind the toilet 310", "at toilet 24 %MC")
        r"(?<!behind )(?<!behind the )(?<!beside )(?<!beside the )(?<!at )(?<!at the )(?<!by )(?<!by the )"
        r"(?<!near )(?<!near the )(?<!under )(?<!under the )(?<!around )(?<!around the )"
        r"(?:wc|toilet|w/c)(?= ?(?:\d{1,2}\b(?! ?(?:%|wme|rel|mc\b))|:))|toilet (?:room|rm)"
        r"|(?:(?<=separate )|(?<=outside ))(?:toilet|wc)"
        # (a level's WC is the room; "the upstairs toilet overflowed" is the fixture)
        r"|(?:(?<=downstairs )|(?<=upstairs )|(?<=ground floor ))(?-i:WC)"
        r"|toilet(?= (?:walls?|skirting|ceiling|cornice|architrave|plaster)\b)"
        r"|(?-i:WC)(?= (?:walls?|skirting|ceiling|cornice|architrave|plaster|vinyl|lino|floor|tiles?"
        r"|itself)\b)"
        r"|(?:(?<=\bin the )|(?<=\binto the ))(?-i:WC)\b",
    ),
    ("media_room", r"(?:media|theatre|theater) (?:room|rm)"),
    # ("the front parlour", "Parlor 12 x 14 ft": an older house's sitting room; not a business's name,
    # "the beauty parlour", nor a game)
    (
        "parlour",
        r"(?<!beauty )(?<!funeral )(?<!ice cream )(?<!massage )parlou?r(?! (?:games?|tricks?|palms?)\b)",
    ),
    # A hotel, school or office room known by its number ("Room 412", "room 3B").
    ("numbered_room", r"(?:room|rm) ?#?\d{1,4}[a-z]?(?![\d/.:-]\d)"),
    # A commercial space known by its letter or number ("Studio B", "Ward 4", "Lab 2", "Bay 12").
    (
        "lettered_space",
        # (a clinic's rooms, written short: "Tx rm 2" the treatment room, "consult rm 3")
        r"(?:studio|ward|lab|bay|pod|tenancy|shop|exam(?:ination)?(?: room| rm)?"
        r"|treatment(?: room| rm)?|tx (?:room|rm)|consult(?:ing)?(?: room| rm)?|procedure(?: room| rm)?"
        r"|surgery|cubicle"
        # ("Dorm 4", "Auditorium 2", "Cinema 3": a hostel's, a cinema's or a theatre's rooms by number)
        r"|dorm(?:itory)?|auditorium|cinema|theat(?:re|er)"
        # ("Corridor B": a school's or office's corridors told apart by letter)
        r"|corridor(?= (?-i:[A-H])(?![\w/.-]))"
        # ("Aisle 7", "aisle C": a shop's or a warehouse's runs between the shelving, by number)
        r"|aisle"
        # ("Gallery 2", "Court 3", "Booth B", "Stall 4": a gallery's, a sports centre's or a market's
        # rooms told apart by number)
        r"|gallery|court|booth|stall|vault)"
        # ("Studio B: carpet wet": a letter may head its note; a number before a colon is a time)
        # ("Glazing bay 6 x 4 m": a number that starts a size is the space's size, not its number)
        r" (?:(?-i:[A-H])(?![\w/.-])|\d{1,3}[a-z]?(?![\w/.:-])(?! ?(?:x|by|\u00d7) ?\d))",
    ),
    # ("Linen store", "collection store": a business's store room, known by what it holds; not a shop
    # the writer went to, nor a verb: "the hardware store", "remove store wall")
    (
        "store",
        rf"{_NOT_A_ROOM_WORD}(?!(?:public|grocery|hardware|department|convenience|liquor|retail|online"
        rf"|chain|corner|general|remove|removed|dollar|big-box|local) )[a-z]{{3,14}} store(?![\w-])"
        r"(?! ?rooms?\b)",
    ),
    # Any other "<word> room" the notes use ("steriliser room", "plant room", "story-time room"), kept in
    # their words; last, so every room the vocabulary knows is named its own way first.
    # ("Tx rm 2", "Exam rm 4", "plant rm": field notes shorten "room" to "rm", and a clinic's or a
    # school's numbered rooms to a short word before it; a two-letter word only with the room's number)
    (
        "other_room",
        rf"{_NOT_A_ROOM_WORD}[a-z]{{3,14}}(?:-{_NOT_A_ROOM_WORD}[a-z]{{3,10}})? "
        rf"(?:{_KNOWN_ROOM_WORD}{_NOT_A_ROOM_WORD}[a-z]{{3,14}} )?(?:room|rm)(?!s)"
        rf"|{_NOT_A_ROOM_WORD}[a-z]{{2}} rm(?= ?#?[1-9]\b)"
        # ("The workroom at the back", "darkroom", "the tearoom": a "<word>room" written as one word;
        # not "coolroom": a coolroom is as often the leak's source, sealed and dry inside, as a wet room)
        r"|(?:work|dark|tea|green|strong|plant|pump|mail|copy|print|sick|school|common|sewing"
        r"|trophy|engine)room(?!s)",
    ),
    # "Bella's room", "Tom's bedroom": a room known by whose it is.
    ("named_room", r"[a-z]{2,12}'s (?:bed)?room"),
)
