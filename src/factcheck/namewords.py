"""Capitalised words that are not people: places, peoples, organisation words, feast days.

Small on purpose: the lint and the drafts judge most words by the text itself (a word that also
appears in lower case is an ordinary word); these lists cover what a text cannot show, such as
two country names a letter apart (Ireland / Iceland) or a nationality before a name ("American
Kevin King"). All keys are folded (lower case, no diacritics).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

COUNTRIES = frozenset(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czechia czech denmark djibouti dominica ecuador
    egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
    greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran
    iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait
    kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
    monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands
    holland nicaragua niger nigeria macedonia norway oman pakistan palau palestine panama paraguay
    peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe
    england scotland wales britain europe africa asia america antarctica oceania
    """.split()
)

# Multi-word places and a few cities and states that are also common in news copy.
PLACES = COUNTRIES | frozenset(
    place.strip()
    for place in """
    new york|los angeles|san francisco|hong kong|united states|united kingdom|south korea|
    north korea|saudi arabia|new zealand|south africa|new delhi|united arab emirates|sri lanka|
    costa rica|el salvador|puerto rico|new jersey|new mexico|new hampshire|north carolina|
    south carolina|north dakota|south dakota|west virginia|rhode island|las vegas|san diego|
    washington|london|paris|berlin|moscow|beijing|tokyo|kyiv|kiev|rome|madrid|brussels|geneva|
    vienna|tehran|baghdad|damascus|cairo|riyadh|dubai|istanbul|ankara|jerusalem|gaza|seoul|
    pyongyang|hiroshima|delhi|mumbai|shanghai|sydney|toronto|chicago|boston|houston|texas|
    california|florida|ohio|michigan|virginia|arizona|nevada|oregon|alaska|hawaii|idaho|iowa|
    utah|kansas|kentucky|indiana|illinois|missouri|montana|alabama|louisiana|maryland|maine|
    minnesota|wisconsin|colorado|oklahoma|tennessee|pennsylvania|massachusetts|connecticut|
    vermont|nebraska|wyoming|arkansas|mississippi|crimea|donbas|kashmir|tibet|siberia|
    middle east|latin america|north america|south america|east asia|western europe|gulf
    """.split("|")
) - {""}

DEMONYMS = frozenset(
    """
    american americans british briton britons english scottish welsh irish french german germans
    italian italians spanish portuguese dutch belgian swiss austrian swedish norwegian danish
    finnish icelandic polish czech slovak hungarian romanian bulgarian greek greeks serbian
    croatian bosnian albanian ukrainian ukrainians russian russians belarusian turkish turk
    turks iranian iranians iraqi iraqis syrian syrians lebanese israeli israelis palestinian
    palestinians jordanian saudi saudis egyptian libyan tunisian moroccan algerian yemeni
    emirati qatari kuwaiti afghan pakistani indian indians bangladeshi chinese japanese korean
    koreans vietnamese thai indonesian malaysian filipino australian australians canadian
    canadians mexican mexicans brazilian argentine argentinian chilean colombian venezuelan
    cuban peruvian nigerian kenyan ethiopian somali sudanese african africans european
    europeans asian asians arab arabs kurdish kurd kurds persian
    """.split()
)

# Faiths, feasts and capitalised common nouns that are never somebody's name.
COMMON_PROPER = frozenset(
    """
    christmas easter ramadan eid hanukkah thanksgiving halloween christian christians
    christianity catholic catholics protestant muslim muslims islam islamic jewish jew jews
    judaism hindu hindus buddhist buddhists sunni shia shiite god internet web
    democrat democrats democratic republican republicans conservative conservatives labour
    """.split()
)

# A name that ends in one of these is an organisation, venue or publication, not a person.
ORG_WORDS = frozenset(
    """
    inc corp corporation co ltd llc plc group party company bank university institute center
    centre council association foundation fund news times post agency department ministry
    committee commission union league club theater theatre hall stadium arena airlines airways
    motors systems technologies fact network court hospital school college museum church reserve
    bureau office service services board authority organization organisation federation alliance
    coalition forum project initiative capital partners holdings media press journal review
    magazine daily herald tribune guardian telegraph express chronicle gazette street avenue
    road square bridge park river lake mountain island islands airport station house senate
    congress parliament army navy force forces police
    basin valley bay peninsula strait sea ocean coast desert plain plains plateau canyon glacier
    harbour harbor cape
    """.split()
)

# Frequent English words that start slogans, headlines and firm names ("Welcome Jose", "Full
# Fact", "Breaking News"): a run that starts with one is not a person's name.
SLOGAN_WORDS = frozenset(
    """
    welcome full free new breaking live watch read join meet thank thanks happy good great best
    big top hot save shop buy get make keep stop vote open read click subscribe sign love hello
    dear go let see try find help support back more less high low real true fake total
    """.split()
)


@dataclass(frozen=True)
class Census:
    """Given names and surnames of the 1990 US census (the ``names`` package ships them): the
    one outside sign that two capitalised words are a person's name rather than a product's or
    a phrase's ("Trey Edmunds", not "Echo Dot" or "Star Wars")."""

    given: frozenset[str]
    surnames: frozenset[str]


@cache
def census() -> Census:
    data = resources.files("names")

    def words(*files: str) -> frozenset[str]:
        return frozenset(line.split()[0].lower() for f in files for line in data.joinpath(f).read_text().splitlines()
                         if line.strip())

    return Census(words("dist.male.first", "dist.female.first"), words("dist.all.last"))
