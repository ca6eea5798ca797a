"""The English words the checker treats specially, each list once: function words, titles,
month and weekday names, number words. Parsers and judges import them from here."""

from __future__ import annotations

# Function words: carry no topic, so they neither make a sentence relevant nor a name.
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been being that this
    these those it its their his her he she they we you i not no so than then there here which who whom
    whose what when where how will would can could should may might must has have had do does did
    into over under about after before during between through while also only just very more most
    such some any all each other both either neither per""".split()
)

# Words a capitalised run may start with (a sentence opener, a discourse word) that are never part
# of a name. "May" and "I" are names or months as often as function words, so they are not here.
NOT_NAME_WORDS = (STOPWORDS - {"being", "either", "i", "may", "neither", "very"}) | frozenset(
    """
    above according across additionally again against along although among analysts around asked
    based because behind beyond clearly critics currently despite earlier even every finally first
    following furthermore given hence him however if indeed instead last later like many me meanwhile
    moreover much my nevertheless next nonetheless nor now obviously officials once onto our overall
    previously recently second separately shall simultaneously since sources speaking still them
    therefore third though thus today tomorrow tonight unless unlike until via whether why within
    without yes yesterday yet your
    """.split()
)

# Words of an office or rank that stand before or around a name.
TITLES = frozenset(
    """
    president vice prime minister ministry foreign defence defense interior finance secretary
    special envoy representative supreme leader ayatollah king queen prince princess crown sheikh
    sheik emir sultan chancellor senator sen rep governor gov mayor ambassador general gen admiral
    adm colonel col major maj captain capt lieutenant lt sergeant sgt commander chief judge justice
    dr mr mrs ms mme messrs miss sir dame lord lady pope cardinal archbishop bishop rabbi imam
    chairman chairwoman chair spokesman spokeswoman spokesperson director deputy assistant
    undersecretary premier pres council committee security national state speaker commissioner
    high former acting prof professor senior adviser advisor attorney executive first
    ceo cfo coo cto cio founder cofounder co-founder superintendent coach manager sheriff detective
    inspector officer constable pastor reverend rev economist analyst
    """.split()
)
# The titles that name a person's office right before a name ("President Obama", "chairman Viktor
# Ozerov"); the others ("national", "first", "council") also qualify bodies and places.
PERSON_TITLES = TITLES - frozenset(
    """
    acting assistant chair chief committee council crown defence defense deputy executive finance
    first foreign former high interior messrs ministry national prime security senior special state
    supreme vice
    """.split()
)
# Titles written abbreviated with a full stop ("Gen. Milley"): the stop ends no sentence.
ABBREVIATED_TITLES = frozenset("mr mrs ms dr gen sen rep gov lt col capt prof adm maj sgt pres".split())

# Abbreviations whose full stop ends no sentence ("Lt. Gen.", "Dec. 9", "the U.S. Navy").
NON_FINAL_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen sen rep gov lt col capt prof adm maj sgt pres st mt ft jan feb mar apr jun jul aug
    sep sept oct nov dec no nos vol inc corp co ltd jr sr vs gov't u.s u.k u.n e.u a.m p.m d.c""".split()
)

MONTH_NUMBERS = {
    name: i for i, name in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
MONTHS = frozenset(MONTH_NUMBERS) | frozenset(MONTH_ABBREVIATIONS)
WEEKDAY_NUMBERS = {
    name: i for i, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
DAYS = frozenset(WEEKDAY_NUMBERS)

SMALL_NUMBERS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
# scale words, plurals included ("thousands of"), and the South Asian lakh (1e5) and crore (1e7)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
          "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7, "koti": 1e7,
          "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}
ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
ORDINALS.update({f"twenty-{w}": 20 + i for w, i in list(ORDINALS.items())[:9]})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31})

# holiday names (an apostrophe optional, "day" after them optional) -> the rule in dates.HOLIDAY_RULES
HOLIDAY_NAMES = {
    "christmas": "christmas", "xmas": "christmas", "christmas eve": "christmas eve",
    "new year's": "new year", "new year's eve": "new year's eve", "halloween": "halloween",
    "valentine's": "valentine", "saint valentine's": "valentine", "st. valentine's": "valentine",
    "st patrick's": "st patrick", "st. patrick's": "st patrick", "saint patrick's": "st patrick",
    "st paddy's": "st patrick", "saint paddy's": "st patrick", "groundhog": "groundhog", "groundhog's": "groundhog",
    "independence": "independence", "veterans": "veterans", "veteran's": "veterans",
    "thanksgiving": "thanksgiving", "black friday": "black friday", "cyber monday": "cyber monday",
    "mother's": "mother", "father's": "father", "memorial": "memorial", "labor": "labor", "labour": "labor",
    "martin luther king": "mlk", "martin luther king jr.": "mlk", "martin luther king's": "mlk", "mlk": "mlk",
    "mlk jr.": "mlk", "presidents'": "presidents", "president's": "presidents", "president": "presidents",
    "washington's birthday": "presidents", "columbus": "columbus",
    "easter": "easter", "easter sunday": "easter", "easter monday": "easter monday", "good friday": "good friday",
    "maundy thursday": "maundy thursday", "holy thursday": "maundy thursday", "palm sunday": "palm sunday",
    "ash wednesday": "ash wednesday", "pentecost": "pentecost", "whitsunday": "pentecost",
    "whit sunday": "pentecost", "ascension": "ascension",
}
