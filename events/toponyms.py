"""Find the places an article names, and decide which place each name means.

Recognition is gazetteer matching over runs of capitalised words, with the
evidence a careful reader uses to tell a place from a person or an
organisation: a name inside a longer unknown name ("Barack Obama", "Ban
Ki-moon") is not a place on its own; a surname seen once stays a person for the
rest of the article; a capitalised common word ("Along", "Union") needs a word
like 'in' or 'near' before it; a small far-away town needs the same.

Resolution weighs each candidate's population and kind against the article's
context: the countries it names, the unambiguous places it names and how far a
candidate lies from them, and "Brussels, Belgium" style qualifiers.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from events.gazetteer import ARABIC_ARTICLE, Entry, Gazetteer, normalize
from events.sentences import Sentence

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_POSSESSIVE_ENDINGS = ("'s", "’s")
# Between two words, what makes the second open a sentence or a caption.
_BREAK = re.compile(r'[.!?:"“‘(\n]')
# Prefixes that leave the name after them whole; "mid-Atlantic" and
# "euro-Atlantic" name something else.
_PREFIXES = frozenset(["anti", "pro", "ex", "non", "post", "pre", "neo"])
# "Côte d'Ivoire", "Ras al-Khaimah": an article joined to the name after it.
_ELIDED_ARTICLE = re.compile(
    r"(?:d|l|dell|all|sull)['’][A-Z]|(?:al|el|ad|ar|as|an|ed|es|ez|ul)-[A-Z]"
)
_FOLLOWING_POSSESSIVE = re.compile(r"['’]s\b")
_NAMED_THING = re.compile(r"['’]s [A-Z][a-z]")
_SAINT = re.compile(r"(?:St\.?|Saint|Ste\.?) ")
# "People's Republic of China": a possessive that belongs to the name.
_STATE_NAME = re.compile(r" (?:Democratic )?Republic\b")

# Lower-case words that may sit inside a place name ("Gulf of Aden", "Trinidad
# and Tobago", "Rio de Janeiro", "Newcastle upon Tyne").
CONNECTORS = frozenset(
    [
        "of",
        "de",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "des",
        "la",
        "le",
        "les",
        "el",
        "al",
        "es",
        "the",
        "and",
        "upon",
        "on",
        "am",
        "im",
        "an",
        "y",
    ]
)
# Capitalised words in front of a place that keep it a place ("Northern Syria").
DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "mid",
        "inner",
        "outer",
    ]
)
# Words before a name that say a place follows.
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "outside",
        "inside",
        "towards",
        "toward",
        "around",
        "across",
        "through",
        "via",
        "between",
        "within",
        "throughout",
        "off",
        "beyond",
        "along",
        "reach",
        "reached",
        "reaching",
        "entered",
        "visit",
        "visited",
        "visiting",
        "visits",
    ]
)
# Nouns that, before 'of', say a place follows ("the town of Ras Lanuf").
PLACE_NOUNS = frozenset(
    [
        "town",
        "towns",
        "city",
        "cities",
        "village",
        "villages",
        "hamlet",
        "municipality",
        "borough",
        "township",
        "parish",
        "commune",
        "prefecture",
        "settlement",
        "resort",
        "port",
        "capital",
        "province",
        "provinces",
        "region",
        "regions",
        "state",
        "states",
        "county",
        "counties",
        "district",
        "districts",
        "area",
        "outskirts",
        "suburb",
        "suburbs",
        "island",
        "islands",
        "republic",
        "kingdom",
        "people",
        "streets",
        "centre",
        "center",
        "north",
        "south",
        "east",
        "west",
        "coast",
        "border",
        "resident",
        "residents",
        "mayor",
        "governor",
    ]
)
# Nouns after a country adjective that make it a place ("the Tunisian border").
GEO_NOUNS = frozenset(
    [
        "border",
        "borders",
        "frontier",
        "frontiers",
        "coast",
        "coasts",
        "coastline",
        "capital",
        "territory",
        "territories",
        "waters",
        "soil",
        "side",
        "region",
        "regions",
        "province",
        "provinces",
        "mainland",
        "desert",
        "mountains",
        "countryside",
        "airspace",
        "shore",
        "shores",
        "city",
        "cities",
        "town",
        "towns",
        "village",
        "villages",
        "island",
        "islands",
        "interior",
        "port",
        "ports",
    ]
)
# Words that, after a place name, make it an institution's ("Cornell University").
INSTITUTIONS = frozenset(
    [
        "university",
        "college",
        "institute",
        "school",
        "elementary",
        "academy",
        "hospital",
        "airport",
        "stadium",
        "hotel",
        "church",
        "cathedral",
        "chapel",
        "basilica",
        "bank",
        "museum",
        "library",
        "mall",
        "station",
    ]
)
# Words that, after a name, make a street or a square of the town the story is
# in: "Atlantic Avenue", "Frenchmen Street" and "Washington Square" are not in
# the Atlantic, France or Washington.
STREETS = frozenset(
    [
        "street",
        "avenue",
        "road",
        "boulevard",
        "lane",
        "drive",
        "square",
        "quarter",
        "terrace",
        "crescent",
        "ave",
        "blvd",
    ]
)
# "Victoria St.", "Victoria Rd": abbreviated, only where the name ends.
_STREETS_SHORT = frozenset(["st", "rd"])
# Words that, after a town's name, make a landform the gazetteer lacks: "Fraser Valley".
LANDFORMS = frozenset(
    ["valley", "bay", "lake", "river", "creek", "canyon", "peninsula", "mountains", "falls"]
)
# Malls and summits named after a whole region: "Mall of Asia", "Summit of the Americas".
_VENUES = frozenset(["mall", "summit"])
# Company forms after a name that are also places' abbreviations: "Nestlé
# SA" is no South Africa, "Volvo AB" no Alberta, "Trend NV" no Nevada.
COMPANY_FORMS = frozenset(["SA", "AB", "AG", "NV", "AS", "SE", "BV"])
# A river's delta or estuary lies at its mouth, far from the point that
# stands for the river (or the country named after it: "Niger Delta").
RIVER_MOUTHS = frozenset(["delta", "estuary"])
# The last word of a division's own name ("Pike County", "Guma Local Government Area").
_DIVISION_WORDS = frozenset(
    ["county", "parish", "borough", "district", "province", "prefecture", "oblast", "area"]
)
# A name followed by one of these is a speaker, not a place.
SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "asked",
        "wrote",
        "noted",
        "stressed",
        "warned",
        "insisted",
        "explained",
    ]
)
# Words that put a person in front of a name ("President Obama").
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "president",
        "minister",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "general",
        "gen",
        "sir",
        "lord",
        "lady",
        "senator",
        "sen",
        "governor",
        "gov",
        "mayor",
        "judge",
        "pope",
        "sheikh",
        "emir",
        "colonel",
        "col",
        "captain",
        "sergeant",
        "correspondent",
        "spokesman",
        "spokeswoman",
        "leader",
        "chairman",
        "chief",
        "commander",
        "ambassador",
        "envoy",
    ]
)

# Closed-class words that open sentences; web2 lists several as names too.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "in",
        "on",
        "at",
        "of",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "and",
        "but",
        "or",
        "nor",
        "so",
        "yet",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "until",
        "although",
        "though",
        "because",
        "also",
        "even",
        "then",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "how",
        "why",
        "all",
        "both",
        "each",
        "every",
        "some",
        "any",
        "no",
        "not",
        "many",
        "much",
        "more",
        "most",
        "few",
        "other",
        "such",
        "one",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "according",
        "despite",
        "during",
        "meanwhile",
        "however",
    ]
)

# A place name followed by one of these names a disease ("West Nile virus").
DISEASE_WORDS = frozenset(
    [
        "virus",
        "viruses",
        "fever",
        "flu",
        "influenza",
        "disease",
        "encephalitis",
        "syndrome",
        "strain",
        "outbreak",
    ]
)

# US states as AP style abbreviates them after a town ("HELENA, Mont."). Only
# in that position: on their own, "Miss.", "Pa." and "Ill." are other words.
AP_STATES = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky",
    "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
    "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana",
    "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
    "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota",
    "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island",
    "S.C": "South Carolina", "S.D": "South Dakota", "Tenn": "Tennessee", "Tex": "Texas",
    "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington", "W.Va": "West Virginia",
    "Wis": "Wisconsin", "Wyo": "Wyoming",
}  # fmt: skip
_AP_STATE = re.compile(
    r"(?<=[A-Za-z]), ("
    + "|".join(re.escape(k) for k in sorted(AP_STATES, key=len, reverse=True))
    + r")\.(?=[\s,)\-—])"
)

# A dateline: up to four words in capitals opening a paragraph, then a comma,
# a bracket ("(AP)"), a dash or a colon.
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})(?=,|\s*\(|\s+[-—–]|:\s)"
)

_NEAR_KM = 600.0
_CAPITAL_BONUS = 1.5
# A source's home town itself, and a town of its home state or province: less than a
# capital's bonus and a country the article names together, so a story that says
# France puts 'Paris' there even in the Paris, Texas paper.
_HOME_BONUS = 2.0
_HOME_REGION_BONUS = 1.0
# Towns of the home state or province this big are named without a cue ("in"): a
# reader of the paper knows them. Smaller ones need what any small town needs.
_HOME_REGION_TOWN = 10_000
# Below this, a one-word town without a cue is more likely a surname.
_SMALL_TOWN = 50_000
# How close a small town without a cue must lie to the article's other places.
_LOCAL_KM = 300.0


@dataclass(frozen=True, slots=True)
class Overrides:
    """What editors have taught newsmap, handed in by the caller (the pipeline
    never reads the database itself).

    aliases: normalised name → the place editors say it means; used before the
    gazetteer and without a rebuild. never: normalised names that are never
    places. not_here: (start, end) spans that are not places in this article.
    home: the places its source calls home (a local paper's town and state), read
    as a reader of that paper does: evidence like a place the article names, so
    'Paris' in a Paris, Texas paper is that Paris, unless the article says France.
    """

    aliases: dict[str, Entry] = field(default_factory=dict)
    never: frozenset[str] = frozenset()
    not_here: frozenset[tuple[int, int]] = frozenset()
    home: tuple[Entry, ...] = ()


NO_OVERRIDES = Overrides()


# What a toponym does in its sentence. Only PLACE puts an event on the map;
# the others are still place names (geoparsing corpora such as GeoWebNews count
# them) and are reported, but an event in "the Libyan leader said" or "The
# Washington Post reported" did not happen there.
PLACE = "place"
DEMONYM = "demonym"  # "Russian officials", "Europeans"
EMBEDDED = "embedded"  # inside an organisation's name: "Dubai Police", "Bank of Malta"


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """A name the text calls a place ("the town of X") that the gazetteer lacks."""

    start: int
    end: int
    text: str


_NAME = r"[A-Z][\w'’-]+(?: (?:[A-Z][\w'’-]+|al|el|ad|as|bin|ibn|de|del|la))*"
# Only cues that leave no doubt a place follows: "in X" or "at X" just as often
# precede an institution, an event or a month.
# The text right before a name calls it a place: "the village of".
_CALLED_A_PLACE = re.compile(
    r"\b(?:town|city|village|port|district|province|region|suburb|governorate|county) of $"
)
_NAMED_PLACE = re.compile(
    r"\b(?:(?:town|city|village|port|district|province|region|suburb|outskirts|"
    r"governorate|county) of|near|outside) (" + _NAME + ")"
)


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str
    entry: Entry
    confidence: float
    role: str = PLACE


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence or caption


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    text: str
    candidates: list[Entry]
    cued: bool = False
    modifier: bool = False  # "U.S. Treasury Department": a place naming an institution
    role: str = PLACE
    demonym: bool = False  # found as a country adjective, not as a name
    named: bool = False  # "the village of X": the text calls it a place
    # Cued only by the place listed before it ("between Ras Lanuf and Bin
    # Jiwad"): that place's candidates.
    listed_with: list[Entry] = dataclasses.field(default_factory=list)


# Whether a lower-case word is a plain English word ("along", "union"): the
# gazetteer's word list, asked through ToponymFinder.is_common_word.
_IsWord = Callable[[str], bool]


def _opens_sentence_as_a_word(token: _Token, is_word: _IsWord) -> bool:
    """'Residents of Georgia…': capitalised only because it opens the sentence."""
    word = token.text
    return token.initial and (is_word(word) or (word.endswith("s") and is_word(word[:-1])))


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    # Two letters at least: "A" and "I" opening a sentence are words.
    return letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 5


def _tokenize(text: str, sentences: Sequence[Sentence]) -> list[_Token]:
    starts = {s.start for s in sentences}
    tokens: list[_Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        if word.endswith(_POSSESSIVE_ENDINGS) and not _STATE_NAME.match(text, end):
            end -= 2
            word = word[:-2]
        head, hyphen, rest = word.partition("-") if "-" in word else (word, "", "")
        if hyphen and head[:1].isupper() and rest.islower():
            # "London-based", "Pakistan-administered", "Russian-backed": the
            # name before the hyphen stands alone.
            end = start + len(head)
            word = head
        elif hyphen and head in _PREFIXES and rest[:1].isupper():
            # "anti-Russian", "pro-Kremlin", "ex-Soviet": so does the name after
            # a prefix.
            start += len(head) + 1
            word = rest
        gap = text[previous_end:start]
        initial = not tokens or (gap != " " and bool(_BREAK.search(gap))) or start in starts
        tokens.append(_Token(start, end, word, initial))
        previous_end = match.end()
    return tokens


def _name_like(token: _Token, is_word: _IsWord) -> bool:
    word = token.text
    if not word[0].isupper():
        # Most words; an elided article needs its apostrophe or hyphen.
        return ("'" in word or "’" in word or "-" in word) and bool(_ELIDED_ARTICLE.match(word))
    if token.initial and not _is_acronym(token.text):
        lowered = token.text.lower()
        if lowered in FUNCTION_WORDS or is_word(token.text):
            return False  # "Along the road…", "Battle: …" open a sentence, not a name
    return True


# ", New York" after a name: up to three capitalised words.
_QUALIFIER = re.compile(r", ((?:[A-Z][\w.'-]*)(?: [A-Z][\w.'-]*){0,2})")
_ARTICLES = frozenset(["the", "la", "le", "les", "el", "al"])
# "St. Louis", "Mt. Kenya", "Ft. Worth": the full stop does not end the name.
_ABBREVIATED_WORDS = frozenset(["St", "Ste", "Mt", "Ft", "Pt", "Co"])


def _joins_names(tokens: list[_Token], i: int, text: str, is_word: _IsWord) -> bool:
    """tokens[i] is a connector leading, maybe through one more, to a name.

    "Gulf of Aden", and "Republic of the Congo" through "of the".
    """
    for j in (i, i + 1):
        if j + 1 >= len(tokens) or tokens[j].text not in CONNECTORS:
            return False
        if text[tokens[j].end : tokens[j + 1].start] != " ":
            return False
        if _name_like(tokens[j + 1], is_word):
            return True
        if tokens[j + 1].text not in _ARTICLES:
            return False  # "Texas and the Bank of England" are two names
    return False


def _runs(tokens: list[_Token], text: str, is_word: _IsWord) -> list[list[_Token]]:
    """Runs of adjacent name-like tokens ("Ras Lanuf", "Gulf of Aden")."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for i, token in enumerate(tokens):
        adjacent = bool(current) and (
            text[current[-1].end : token.start] == " "
            or (
                current[-1].text.title() in _ABBREVIATED_WORDS
                and text[current[-1].end : token.start] == ". "
            )
        )
        if _name_like(token, is_word):
            if current and not adjacent:
                runs.append(current)
                current = []
            current.append(token)
        elif current and adjacent and _joins_names(tokens, i, text, is_word):
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    # A run never ends on a connector.
    return [[t for t in run] for run in runs if run]


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rest of the article says about one name's candidates."""

    countries: Counter[str]  # countries named outright, by how often
    dominant: set[str]  # the most named of them
    anchors: list[Entry]  # places that can only be one thing
    broader: list[Entry]  # "Brussels, Belgium": what the name is in
    narrower: list[Entry]  # "Atlanta, Georgia": what the name holds
    regions: Counter[str]  # other first-level regions named, by country
    name: str  # the name's own normal form
    # Where a first reading put the article's other names, by their text.
    settled: Sequence[tuple[str, Entry]] = ()
    # Entry keys of names that a cue of their own ("in Samos", a dateline)
    # places elsewhere in the article, by name.
    confirmed: dict[str, str] = dataclasses.field(default_factory=dict)
    # Regions that bear the name itself, as (country, admin1): "Wyoming" the state.
    namesake_regions: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    # The towns and regions a candidate's distance is measured to: the
    # anchors and the other names' first readings, each once.
    neighbours: Sequence[Entry] = ()
    # Each candidate's distance to the nearest of them, by key: shared by the
    # contexts of one name in one reading, whose neighbours are the same.
    nearest: dict[str, float | None] = dataclasses.field(default_factory=dict)


class ToponymFinder:
    """Finds and resolves toponyms; one instance serves many articles."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.max_tokens = min(gazetteer.max_tokens, 6)
        self._overrides = NO_OVERRIDES
        # Distances between candidates and neighbours, by key pair, for one article.
        self._km: dict[tuple[str, str], float] = {}

    def is_common_word(self, word: str) -> bool:
        """'Along', 'Union': an English word, not also a proper name."""
        lowered = word.lower()
        if self.gazetteer.is_plain_word(lowered):
            return True
        # web2 spells the American way: "centre", "theatre" are words too.
        return lowered.endswith("re") and self.gazetteer.is_plain_word(lowered[:-2] + "er")

    # Recognition -----------------------------------------------------------

    def _candidates(self, tokens: list[_Token], text: str) -> list[Entry]:
        aliases = self._overrides.aliases
        if aliases:
            editor_place = aliases.get(normalize(text[tokens[0].start : tokens[-1].end]))
            if editor_place is not None:
                return [editor_place]
        if len(tokens) == 1:
            word = tokens[0].text
            if _is_acronym(word):
                return self.gazetteer.lookup_abbreviation(word)
            if len(word) < 3 or self._only_adjective(word):
                return []
            if len(word) <= 4:
                # "Car" is a word, not the CAR: a short abbreviation counts in capitals only.
                shortened = {e.key for e in self.gazetteer.lookup_abbreviation(word)}
                return [e for e in self.gazetteer.lookup(word) if e.key not in shortened]
        if tokens[0].text in CONNECTORS or tokens[-1].text in CONNECTORS:
            return []
        surface = text[tokens[0].start : tokens[-1].end]
        found = self.gazetteer.lookup(surface)
        if tokens[-1].text.lower() in STREETS:
            # "Washington Square" is another name of Franklin Square, New York,
            # but said in a story it is the square of the town the story is in.
            found = [e for e in found if normalize(e.name) == normalize(surface)]
        if tokens[0].text == "The":
            # "The United States said…": the name starts after the article,
            # as it does mid-sentence; "The Hague" keeps its own.
            return [e for e in found if normalize(e.name).startswith("the ")]
        return found

    def _part_of_a_state(self, text: str, match: _Match) -> bool:
        """'central Washington', 'upstate New York': a part of a state, where
        the name is a state's and a city's; 'southern China' stays the country."""
        return (
            bool(_DIRECTION_OF.search(text, max(0, match.start - 12), match.start))
            and not _names_a_country(match)
            and any(c.key in self.gazetteer.first_level for c in match.candidates)
        )

    def _big_region(self, candidates: list[Entry]) -> bool:
        """A state or province of a million people or more: 'Tamil Nadu said' is
        its government speaking, as 'Paris said' is France's."""
        return any(
            c.key in self.gazetteer.first_level and c.population >= 1_000_000 for c in candidates
        )

    def _only_adjective(self, word: str) -> bool:
        """'Russian' is only an adjective; 'Myanmar' and 'Vatican' are names too:
        the country's own name, which a list of countries or 'in Myanmar' uses."""
        code = self.gazetteer.demonym(word)
        if not code:
            return False
        place = self.gazetteer.country(code) if len(code) == 2 else self.gazetteer.get(code)
        return place is None or normalize(place.name) != normalize(word)

    def _match_run(
        self, run: list[_Token], text: str, persons: set[str], matches: list[_Match]
    ) -> None:
        spans: list[tuple[int, int, list[Entry]]] = []
        i = 0
        while i < len(run):
            for n in range(min(self.max_tokens, len(run) - i), 0, -1):
                candidates = self._candidates(run[i : i + n], text)
                if candidates:
                    spans.append((i, i + n, candidates))
                    i += n
                    break
            else:
                i += 1
        covered = {k for a, b, _ in spans for k in range(a, b)}

        def unmatched(k: int) -> bool:
            return 0 <= k < len(run) and k not in covered and run[k].text not in CONNECTORS

        # A run that ends in an unknown name is a person or an organisation:
        # its last word stays one for the rest of the article ("Obama"), unless
        # that word is a country or a big city ("By Trend Iran").
        last_span = next((span for span in spans if span[1] == len(run)), None)
        if (
            len(run) > 1
            and (
                unmatched(len(run) - 1)
                # "Barack Obama"; but "CDC Atlanta", "NHS West Midlands" are an
                # organisation's branch there, and no one's name.
                or any(unmatched(a - 1) and not _is_acronym(run[a - 1].text) for a, _, _ in spans)
            )
            and not (
                last_span
                and (
                    _major(last_span[2])
                    # "the Connecting California column": a state stays a state.
                    or self._big_region(last_span[2])
                )
            )
        ):
            last = run[-1].text
            if not _is_acronym(last):
                persons.add(last)

        # "at Sullivan Goss": two small towns' names side by side are one
        # name, a person's or a business's, not two places.
        # Only single words that are names alone: "Beverly Hills Police" and
        # "Honolulu Star-Advertiser" hold a place and a word that the
        # gazetteer also knows as a town.
        towns_only = [
            b == a + 1
            and not self.is_common_word(run[a].text)
            and not _major(c)
            and all(e.kind == "city" for e in c)
            for a, b, c in spans
        ]
        side_by_side = {
            k
            for i in range(len(spans) - 1)
            if spans[i][1] == spans[i + 1][0] and towns_only[i] and towns_only[i + 1]
            for k in (i, i + 1)
        }
        if side_by_side and spans[max(side_by_side)][1] == len(run):
            # "Dave Allen": the last word stays the person's ("to Allen").
            persons.add(run[-1].text)
        for index, (a, b, candidates) in enumerate(spans):
            if index in side_by_side:
                continue
            left = a - 1
            if left >= 0 and run[left].text == "and" and _sizeable(candidates):
                # "the UN and Britain", "NATO and Tunis": a list, not a name
                # holding the place; "Procter and Gamble" holds a small town.
                left = -1
            elif left >= 0 and run[left].text in CONNECTORS:
                left -= 1
            role = PLACE
            if (
                unmatched(left)
                and run[left].text.lower() not in DIRECTIONS
                and run[left].text.lower() not in TITLES  # "the Mayor of Boston"
                and run[left].text.lower() not in PLACE_NOUNS  # "the State of Tamil Nadu"
                and not (left == 0 and run[left].text == "The")  # "The Philippines said"
                and not _opens_sentence_as_a_word(run[left], self.is_common_word)
            ):
                # "Barack Obama", "Ban Ki-moon": a person. "DeSmog Canada",
                # "Central Bank of Malta": a well-known place inside a name.
                if not _major(candidates):
                    continue
                role = EMBEDDED
            # "Cornell University": the gazetteer knows a town called
            # University, but after a name the word makes an institution.
            modifier = unmatched(b) or (b < len(run) and run[b].text.lower() in INSTITUTIONS)
            if a > 0 and b == a + 1 and run[a].text.lower() in INSTITUTIONS:
                continue
            if b < len(run) and run[b].text.lower() in RIVER_MOUTHS:
                continue
            if _names_a_street(run, b):
                continue
            if _venue_named_after(run, a) and not any(
                c.kind == "city" and c.population >= 100_000 for c in candidates
            ):
                # "SM Mall of Asia" is in Manila and "the Summit of the
                # Americas" met in Lima: not at the middle of what they are
                # named after. "The Mall of Berlin" is in Berlin.
                continue
            if (
                b < len(run)
                and run[b].text.lower() in LANDFORMS
                and all(c.kind == "city" for c in candidates)
            ):
                # "Fraser Valley" near Vancouver is the Fraser's valley, not
                # Fraser, Alberta. A district of the name stays ("Swat
                # Valley" is Swat's).
                continue
            if b < len(run) and run[b].text.lower() == "township":
                # "Washington Township", New Jersey: a township the gazetteer
                # lacks, named after someone or somewhere else.
                continue
            if a > 0 and b == a + 1 and run[a].text in COMPANY_FORMS:
                continue
            if a > 0 and run[a].text.lower() in RIVER_MOUTHS and b == a + 1:
                continue  # the "Delta" of "Nile Delta" is no Delta State either
            if modifier and not any(c.kind in {"country", "region", "water"} for c in candidates):
                # "Paris Hilton", "Dubai Police": a city names an institution.
                if not _major(candidates):
                    if b == a + 1 and b < len(run) and run[b].text.lower() in INSTITUTIONS:
                        # "Franklin Elementary": "at Franklin" later is the school.
                        persons.add(run[a].text)
                    continue
                role = EMBEDDED
            start, end = run[a].start, run[b - 1].end
            matches.append(
                _Match(start, end, text[start:end], candidates, modifier=modifier, role=role)
            )

    def unresolved(self, text: str, found: Sequence[tuple[int, int]]) -> list[UnresolvedName]:
        """Names the text calls places that neither the gazetteer nor an editor knows.

        found: spans already taken (toponyms, dates), which are left alone. Call it
        after find() on the same text, whose overrides it honours.
        """
        names = []
        for match in _NAMED_PLACE.finditer(text):
            start, end = match.span(1)
            name = match.group(1)
            first = name.split(" ", 1)[0]
            if first.lower() in FUNCTION_WORDS or self.is_common_word(first):
                continue
            if self.gazetteer.demonym(first) or any(a < end and start < b for a, b in found):
                continue
            # Editors' stop list, from the find() call on the same text.
            if normalize(name) in self._overrides.never or (start, end) in self._overrides.not_here:
                continue
            names.append(UnresolvedName(start, end, name))
        return names

    def _ap_states(self, text: str, matches: list[_Match]) -> None:
        for found in _AP_STATE.finditer(text):
            start, end = found.span(1)
            states = [
                e
                for e in self.gazetteer.lookup(AP_STATES[found.group(1)])
                if e.kind == "region" and e.country_code == "US"
            ]
            if states:
                matches[:] = [m for m in matches if not (m.start < end and start < m.end)]
                matches.append(_Match(start, end, text[start:end], states[:1], cued=True))

    def _split_pairs(self, tokens: list[_Token]) -> list[_Token]:
        """'the Amsterdam-London leg', 'Asia-Pacific', 'Armenia-Italy talks': two
        places joined by a hyphen, unless the whole is one ('Guinea-Bissau')."""
        result: list[_Token] = []
        for token in tokens:
            parts = token.text.split("-") if "-" in token.text else []
            if (
                len(parts) == 2
                and all(part[:1].isupper() and len(part) > 2 for part in parts)
                and not self.gazetteer.lookup(token.text)
                and all(_sizeable(self.gazetteer.lookup(part)) for part in parts)
            ):
                middle = token.start + len(parts[0])
                result.append(_Token(token.start, middle, parts[0], token.initial))
                result.append(_Token(middle + 1, token.end, parts[1], False))
            else:
                result.append(token)
        return result

    def _datelines(self, text: str, matches: list[_Match]) -> None:
        """'CAIRO -', 'OKLAHOMA CITY (AP)', 'PLEASANTON, Calif.': the place a
        story was filed from, in capitals at the head of a paragraph. Capitals
        read as acronyms elsewhere, so a dateline is looked up as a name."""
        for found in _DATELINE.finditer(text):
            start, end = found.span(1)
            name = found.group(1)
            if sum(ch.isalpha() for ch in name) < 4:
                continue  # "US -", "UN:" are acronyms
            # A village named like an acronym ("NATO:") needs its state after it.
            qualified = text.startswith(",", end)
            places = [
                e
                for e in self.gazetteer.lookup(name)
                if e.kind in {"city", "region", "country"} and (qualified or e.population >= 10_000)
            ]
            if places:
                matches[:] = [m for m in matches if not (m.start < end and start < m.end)]
                matches.append(_Match(start, end, name, places, cued=True))

    def _demonym_at(self, tokens: list[_Token], i: int, text: str) -> tuple[int, Entry] | None:
        """The demonym starting at token i ("Russian", "South African"): its end and place."""
        token = tokens[i]
        if not token.text[:1].isupper():
            return None
        pair = i + 1 < len(tokens) and text[token.end : tokens[i + 1].start] == " "
        for end in (i + 2, i + 1) if pair else (i + 1,):
            surface = text[token.start : tokens[end - 1].end]
            code = self.gazetteer.demonym(surface)
            if code:
                entry = self.gazetteer.country(code) if len(code) == 2 else self.gazetteer.get(code)
                if entry is not None:
                    return end, entry
        return None

    def _demonyms(self, tokens: list[_Token], text: str, matches: list[_Match]) -> None:
        """'Russian officials' names Russia; 'the Tunisian and Egyptian borders' is a
        place: Tunisia and Egypt."""
        taken = [(m.start, m.end) for m in matches]
        i = 0
        while i < len(tokens):
            if not tokens[i].text[:1].isupper():
                i += 1  # most words: a demonym is capitalised
                continue
            group: list[tuple[int, int, Entry]] = []
            j = i
            while j < len(tokens) and (found := self._demonym_at(tokens, j, text)):
                end, entry = found
                group.append((tokens[j].start, tokens[end - 1].end, entry))
                j = end + 1 if end < len(tokens) and tokens[end].text in {"and", "or"} else end
            if not group:
                i += 1
                continue
            if j < len(tokens) and tokens[j].text.istitle() and tokens[j].text.lower() in STREETS:
                i = j  # "the French Quarter", "Frenchmen Street": a part of town
                continue
            role = PLACE if j < len(tokens) and tokens[j].text.lower() in GEO_NOUNS else DEMONYM
            for start, end, entry in group:
                if any(start < b and a < end and not (start <= a and b < end) for a, b in taken):
                    continue  # part of a place name already found ("South Africa")
                # A name inside the demonym ("Central" of "Central American")
                # gives way to it below.
                matches.append(
                    _Match(start, end, text[start:end], [entry], role=role, demonym=True)
                )
            i = max(j, i + 1)

    def _opens_known_name(self, tokens: list[_Token], i: int, text: str) -> bool:
        for j in range(i + 1, min(i + self.max_tokens, len(tokens))):
            if text[tokens[j - 1].end : tokens[j].start] != " ":
                return False
            if tokens[j].text in CONNECTORS:
                continue  # "Dar es Salaam", "Bosnia and Herzegovina"
            if not tokens[j].text[:1].isupper():
                return False
            if self.gazetteer.lookup(text[tokens[i].start : tokens[j].end]):
                return True
        return False

    def _opens_qualified_town(self, token: _Token, text: str) -> bool:
        """'Buffalo, New York, is…': a sentence opens with a town its state qualifies."""
        found = _QUALIFIER.match(text, token.end)
        if not found:
            return False
        broader = [
            e for e in self.gazetteer.lookup(found.group(1)) if e.kind in {"country", "region"}
        ]
        return any(
            _within(town, region)
            for town in self.gazetteer.lookup(token.text)
            if town.kind == "city"
            for region in broader
        )

    def _is_cued(self, match: _Match, text: str) -> bool:
        """A cue of the name's own: 'in', 'the town of', 'the capital, Juba,'."""
        before = text[max(0, match.start - 40) : match.start]
        words = re.findall(r"[\w']+|,", before.lower())
        if not words:
            return False
        if words[-1] in LOCATIVE:
            return True
        if len(words) >= 2 and words[-1] == "the" and words[-2] in LOCATIVE:
            # "in the Fredericton area"; but "at the University of…" names an
            # institution.
            after = _NEXT_WORD.match(text, match.end)
            return bool(after) and after.group(1) in _AREA_NOUNS
        if len(words) >= 2 and words[-1] == "," and words[-2] == "capital":
            return True  # "the capital, Juba,"
        return len(words) >= 2 and words[-1] == "of" and words[-2] in PLACE_NOUNS

    @staticmethod
    def _listed_after(match: _Match, text: str, by_end: dict[int, _Match]) -> _Match | None:
        """The place this name is coordinated with: "between Ras Lanuf and Bin Jiwad"."""
        before = text[max(0, match.start - 40) : match.start]
        stripped = before.rstrip()
        for joiner in (" and", " or", ","):
            if stripped.endswith(joiner):
                head = stripped[: -len(joiner)].rstrip()
                found = by_end.get(match.start - (len(before) - len(head)))
                if found is not None:
                    return found
        return None

    # Resolution ------------------------------------------------------------

    def find(
        self, text: str, sentences: Sequence[Sentence], overrides: Overrides = NO_OVERRIDES
    ) -> list[Toponym]:
        self._km = {}
        tokens = self._split_pairs(_tokenize(text, sentences))
        persons: set[str] = set()
        matches: list[_Match] = []
        self._overrides = overrides
        for i, token in enumerate(tokens):
            if not token.initial:
                continue
            # "China has announced…": a country opening a sentence is the
            # country, though "china" is also a word.
            if _major([c for c in self.gazetteer.lookup(token.text) if c.kind != "city"]):
                token.initial = False
                continue
            # "New York Times reported…", "New South Wales reported…": a
            # capitalised word opening a sentence is part of a name when it and
            # the words after it are a known place.
            if self._opens_known_name(tokens, i, text) or self._opens_qualified_town(token, text):
                token.initial = False
        for run in _runs(tokens, text, self.is_common_word):
            self._match_run(run, text, persons, matches)
        self._ap_states(text, matches)
        self._datelines(text, matches)
        self._demonyms(tokens, text, matches)
        demonym_spans = [(m.start, m.end) for m in matches if m.demonym]
        matches = [
            m
            for m in matches
            if m.demonym
            or not any(a <= m.start and m.end < b for a, b in demonym_spans)  # "South Korean"
        ]
        matches.sort(key=lambda m: m.start)

        kept: list[_Match] = []
        for match in matches:
            if (match.start, match.end) in overrides.not_here:
                continue
            if normalize(match.text) in overrides.never:
                continue
            if match.demonym:
                kept.append(match)
                continue
            single = " " not in match.text and not _is_acronym(match.text)
            if single and match.text in persons:
                continue
            if single and match.text.lower() in DIRECTIONS:
                continue  # "the West", "South" on its own
            following = text[match.end : match.end + 30]
            if following.startswith("$"):
                continue  # "US$460"
            next_word = re.match(r"\s+(?:\[)?([A-Za-z]+)", following)
            if (
                next_word
                and next_word.group(1).lower() in DISEASE_WORDS
                and not _names_a_country(match)
            ):
                continue  # "West Nile virus"; but "the United States flu season"
            after = text[match.end : match.end + 20].lstrip(", ").split(" ", 1)[0].lower()
            before_word = re.findall(r"[\w']+", text[max(0, match.start - 20) : match.start])
            locative = bool(before_word) and (
                before_word[-1].lower() in LOCATIVE
                # "a resident of Lubbock told": the town, not a speaker
                or (
                    len(before_word) >= 2
                    and before_word[-1] == "of"
                    and before_word[-2].lower() in PLACE_NOUNS
                )
            )
            if (
                after in SPEECH_VERBS
                and not _major(match.candidates)
                and not self._big_region(match.candidates)
                and not locative
            ):
                continue  # "Clinton said"; but "Paris said", "officials in Washington said"
            title = _TITLE_BEFORE.search(text, max(0, match.start - 20), match.start)
            if title and title.group(1).lower() in TITLES:
                continue  # "President Lincoln"; but "the minister, Slovenia's action"
            if (
                _FOLLOWING_POSSESSIVE.match(text, match.end)
                and all(c.population < 100_000 for c in match.candidates)
                and (_SAINT.match(match.text) or _NAMED_THING.match(text, match.end))
            ):
                # "St. Peter's Basilica", "St Mary's", "Eva's Village": named
                # after a saint or a person, not the town; "St. Louis's mayor"
                # and "Cardiff's Millennium Stadium" are the city's.
                continue
            kept.append(match)

        by_end = {m.end: m for m in kept}
        own_cue: set[int] = set()
        for match in kept:
            if match.cued or self._is_cued(match, text):
                own_cue.add(match.start)
                match.cued = True
            elif (listed := self._listed_after(match, text, by_end)) is not None:
                match.cued = True
                match.listed_with = listed.candidates
            match.named = bool(_CALLED_A_PLACE.search(text, max(0, match.start - 30), match.start))

        # Read twice: the first reading settles names the article leaves
        # little doubt about ("Southampton", "Bolton"), and those then speak
        # for the rest ("Birmingham" in England, not Alabama).
        # The source's home speaks in both readings, as a name no match has ("").
        home = [("", entry) for entry in overrides.home]
        first = self._resolve(kept, text, home)
        settled = home + [
            (normalize(t.text), t.entry)
            for t in first
            if t.role == PLACE and t.entry.kind in {"city", "region"}
        ]
        found = self._resolve(kept, text, settled) if len(settled) > len(home) else first
        # One sense per article: "in Samos" makes "the Samos hotspot" and
        # "Samos's economy" that island town too, though alone they would
        # not be enough for a small town.
        # Only a cue of its own: "Solon, King Nut" lists no place called King.
        confirmed = {
            normalize(t.text): t.entry.key for t in found if t.role == PLACE and t.start in own_cue
        }
        placed = {t.start for t in found}
        if any(normalize(m.text) in confirmed and m.start not in placed for m in kept):
            return self._resolve(kept, text, settled, confirmed)
        return found

    def _resolve(
        self,
        matches: list[_Match],
        text: str,
        settled: Sequence[tuple[str, Entry]] = (),
        confirmed: dict[str, str] | None = None,
    ) -> list[Toponym]:
        # Countries the article names outright, and places that can only be one thing.
        countries: Counter[str] = Counter()
        anchors: list[Entry] = []
        tops: list[Entry] = []
        for match in matches:
            top = max(match.candidates, key=_prior)
            tops.append(top)
            if top.kind == "country":
                countries[top.country_code] += 1
            if len(match.candidates) == 1 or _dominates(match.candidates):
                anchors.append(top)
        everywhere = (countries, _dominant(countries))
        # Neighbours, and distances to them, by name: a name said again has the same.
        around: dict[str, tuple[list[Entry], dict[str, float | None]]] = {}
        # States the article names outright: their towns come first (below).
        region_anchors = [a for a in anchors if a.kind == "region" and a.admin1]
        # First-level regions the article names, by country: "Texas, Georgia
        # and Alabama" are three states.
        first_level = self.gazetteer.first_level
        regions = Counter(t.country_code for t in tops if t.key in first_level and t.country_code)

        qualifiers = self._qualifiers(matches, text)
        # One sense per article: once it says "New York state", a bare "New
        # York" later on is the state too.
        states_said = {
            normalize(m.text)
            for m in matches
            if _says_state(text, m) or self._part_of_a_state(text, m)
        }
        result: list[Toponym] = []
        for index, match in enumerate(matches):
            # A name is no evidence for itself: "Georgia" read as the country
            # must not count as the article naming that country.
            countries, dominant = everywhere
            if tops[index].kind == "country" and len(match.candidates) > 1:
                countries = countries - Counter({tops[index].country_code: 1})
                dominant = _dominant(countries)
            name = normalize(match.text)
            towns = Counter(e.country_code for n, e in settled if n != name and e.country_code)
            if towns:
                countries = countries + towns
                dominant = _dominant(countries)
            own_region = tops[index].country_code if tops[index].key in first_level else None
            if name not in around:
                neighbours = {
                    e.key: e
                    for e in [a for a in anchors if a.kind in {"city", "region"}]
                    + [e for n, e in settled if n != name]
                }
                around[name] = (list(neighbours.values()), {})
            context = _Context(
                name=name,
                countries=countries,
                dominant=dominant,
                anchors=anchors,
                settled=settled,
                confirmed=confirmed or {},
                namesake_regions=[
                    (c.country_code, c.admin1)
                    for c in match.candidates
                    if c.kind == "region" and normalize(c.name) == name
                ],
                broader=qualifiers.get(index, []),
                narrower=[c for c in matches[index - 1].candidates if c.kind == "city"]
                if index and (index - 1) in qualifiers
                else [],
                regions=regions - Counter({own_region: 1}) if own_region else regions,
                neighbours=around[name][0],
                nearest=around[name][1],
            )
            scored = sorted(
                ((self._score(c, match, context), c) for c in match.candidates),
                key=lambda pair: -pair[0],
            )
            # A name is no evidence for itself: "in Maryland" is the state, not
            # Maryland City inside it.
            own = {c.key for c in match.candidates}
            in_region = _best_in_named_region(
                scored, {a.admin1 for a in region_anchors if a.key not in own}
            )
            if (
                in_region
                # "Washington" in a story that names England is still the
                # capital: a country's capital is what a bare name means.
                and scored[0][1].key not in self.gazetteer.capitals
                and self._plausible(in_region[1], match, context)
            ):
                scored = [in_region] + [pair for pair in scored if pair[1] is not in_region[1]]
            best_score, best = scored[0]
            # ...except where this very name is qualified: "Washington, D.C."
            said_state = (
                name in states_said or bool(_STATE_BODY.match(text, match.end))
            ) and not _qualified_by_region(matches, tops, index, text)
            institution = _names_an_institution(text, match)
            if best.kind == "city" and institution:
                # "Washington University", "University of Alberta": the state
                # of the name, where the city's country has one; "New York
                # University" is in the city inside its state.
                states = [
                    c
                    for c in match.candidates
                    if c.key in first_level
                    and c.country_code == best.country_code
                    and not _within(best, c)
                ]
                if states:
                    best = max(states, key=lambda c: self._score(c, match, context))
            elif said_state or self._listed_with_regions(matches, tops, index, text):
                # "a Washington state farm", "Oregon, Utah, Washington and
                # Wisconsin": the region itself, not a city of its name.
                regions_named = [c for c in match.candidates if c.kind == "region"]
                if regions_named:
                    best = max(regions_named, key=lambda c: self._score(c, match, context))
            elif (
                best.kind == "region"
                and best.admin1
                and not any(_within(n, best) for n in context.narrower)  # "Tacoma, Washington"
            ):
                # "New York", "São Paulo": news means the city inside the region.
                # "Washington": the country's capital, wherever it lies.
                inside = [
                    c
                    for c in match.candidates
                    if c.kind == "city"
                    and c.country_code == best.country_code
                    and (
                        (
                            c.admin1 == best.admin1
                            and c.population >= 100_000
                            # "Oklahoma" is the state; "Oklahoma City" only
                            # shares a name with it. A big city may go by it.
                            and (
                                normalize(c.name) == normalize(match.text)
                                or c.population >= 1_000_000
                            )
                            # "Quebec" is the province; its city is a twentieth of it.
                            and c.population * 10 >= best.population
                        )
                        # "University of Washington" is the state's.
                        or (c.key in self.gazetteer.capitals and not institution)
                    )
                ]
                if inside:
                    best = max(inside, key=lambda c: c.population)
            comma = index + 1 < len(matches) and text[match.end : matches[index + 1].start] == ", "
            if comma and (
                _lacks_qualified_town(best, match, context.broader)
                or self._lacks_town_in_state(best, match, context.broader)
            ):
                continue
            if not self._plausible(best, match, context):
                continue
            margin = best_score - scored[1][0] if len(scored) > 1 else 3.0
            confidence = 1.0 - 0.5 * math.exp(-margin)
            if match.modifier or match.role != PLACE:
                confidence *= 0.8
            result.append(
                Toponym(match.start, match.end, match.text, best, round(confidence, 3), match.role)
            )
        return result

    def _lacks_town_in_state(self, best: Entry, match: _Match, broader: list[Entry]) -> bool:
        """'a Bradford, Ontario court': a town of a state or province the
        gazetteer lacks, not Bradford in England, though that is a city. A
        big city stays ('Berlin, Brandenburg' are two states), and so does a
        state or country ('Georgia, Alabama')."""
        first_level = self.gazetteer.first_level
        return (
            bool(broader)
            and all(q.key in first_level for q in broader)
            and not any(_within(best, q) for q in broader)
            and best.population < 1_000_000
            and not any(c.kind == "country" or c.key in first_level for c in match.candidates)
        )

    @staticmethod
    def _listed_with_regions(
        matches: list[_Match], tops: list[Entry], index: int, text: str
    ) -> bool:
        """The name stands in a list beside first-level regions of one country."""
        here = matches[index]
        if _qualified_by_region(matches, tops, index, text):
            return False  # "Florida and Washington, D.C.": a qualified name, not a list
        for other in (index - 1, index + 1):
            if not 0 <= other < len(matches) or tops[other].kind != "region":
                continue
            if (
                other > index
                and any(_within(c, tops[other]) for c in here.candidates)
                and not _list_goes_on(matches, other, text)
            ):
                continue  # "Atlanta, Georgia": a qualifier, not a list
            a, b = (matches[other], here) if other < index else (here, matches[other])
            if text[a.end : b.start] in _LIST_JOINS and any(
                c.kind == "region" and c.country_code == tops[other].country_code
                for c in here.candidates
            ):
                return True
        return False

    def _qualifiers(self, matches: list[_Match], text: str) -> dict[int, list[Entry]]:
        """'Brussels, Belgium': the second name narrows down the first."""
        qualifiers: dict[int, list[Entry]] = {}
        for i in range(len(matches) - 1):
            here, following = matches[i], matches[i + 1]
            if text[here.end : following.start] in _QUALIFYING_JOINS:
                if _names_a_country(here) and _names_a_country(following):
                    continue  # "Mexico, China, Japan": a list, not China in Japan
                if _list_goes_on(matches, i + 1, text):
                    continue  # "Georgia, Oklahoma, Pennsylvania and Wisconsin": states
                broader = [c for c in following.candidates if c.kind in {"country", "region"}]
                if broader:
                    qualifiers[i] = broader
        return qualifiers

    def _score(self, candidate: Entry, match: _Match, context: _Context) -> float:
        countries, dominant = context.countries, context.dominant
        score = _prior(candidate)
        if candidate.kind == "region" and not candidate.admin1:
            # The prior's tenth is for divisions, whose population is the sum
            # of their towns and whose namesake city is what news means ("New
            # York"). Regions outside the divisions (the supplement's islands,
            # parts of countries) carry their own population: "the ministry in
            # Trinidad" is the island, not the town in Colorado.
            score += 1.0
        if normalize(candidate.name) == context.name:
            score += 0.5
        if candidate.key in self.gazetteer.capitals:
            # "Washington" is the capital before the state, "Delhi" the city
            # before the territory; a same-named country still outweighs it.
            score += _CAPITAL_BONUS
        if candidate.country_code in countries:
            score += 1.5
        if candidate.country_code in dominant:
            score += 1.0
        score += self._home_bonus(candidate)
        if context.broader and any(_within(candidate, q) for q in context.broader):
            score += 6.0
        if (
            context.narrower
            and candidate.kind in {"country", "region"}
            and any(_within(n, candidate) for n in context.narrower)
        ):
            score += 6.0  # "Atlanta, Georgia": the state that holds Atlanta
        if candidate.key in self.gazetteer.first_level:
            score += min(3.0, 1.5 * context.regions[candidate.country_code])
        if (
            candidate.kind == "city"
            and candidate.key not in self.gazetteer.capitals
            and any(
                cc == candidate.country_code and admin1 != candidate.admin1
                for cc, admin1 in context.namesake_regions
            )
        ):
            # "Wyoming" is the state; the Michigan city named after it goes
            # by "Wyoming, Michigan" (and the +6 of that qualifier).
            score -= 1.0
        if (
            candidate.kind == "region"
            and candidate.key not in self.gazetteer.first_level
            and not context.regions  # a state the story names says more
            and match.text.rsplit(" ", 1)[-1].lower() in _DIVISION_WORDS
            and any(n.kind == "city" and n.admin1 == candidate.admin1 for n in context.neighbours)
        ):
            # "Suffolk County detectives" in a story set in Southold: the
            # county of the state its towns are in, not Boston's namesake.
            score += 1.0
        if candidate.kind in {"city", "region"}:
            known = context.nearest
            if candidate.key in known:
                nearest = known[candidate.key]
            else:
                nearest = known[candidate.key] = self._nearest_km(candidate, context.neighbours)
            if nearest is not None:
                score += 2.0 * math.exp(-nearest / _NEAR_KM)
        return score

    def _home_bonus(self, candidate: Entry) -> float:
        bonus = 0.0
        for home in self._overrides.home:
            if candidate.key == home.key:
                bonus = max(bonus, _HOME_BONUS)
            elif home.kind == "region" and candidate.kind == "city" and _within(candidate, home):
                bonus = max(bonus, _HOME_REGION_BONUS)
        return bonus

    def _nearest_km(self, candidate: Entry, neighbours: Sequence[Entry]) -> float | None:
        """How far the nearest of the neighbours lies. Both readings of an article
        measure the same pairs, so distances are kept for the article."""
        nearest = None
        known = self._km
        for n in neighbours:
            if n.key == candidate.key:
                continue
            pair = (candidate.key, n.key)
            km = known.get(pair)
            if km is None:
                km = known[pair] = _distance_km(candidate, n)
            if nearest is None or km < nearest:
                nearest = km
        return nearest

    def _plausible(self, entry: Entry, match: _Match, context: _Context) -> bool:
        """Small places need support: a locative cue, a qualifier ('Buffalo, New York'),
        or neighbours in the article."""
        dominant, anchors = context.dominant, context.anchors
        if match.demonym or entry.kind in {"country", "water", "other"}:
            return True
        if normalize(match.text) in self._overrides.aliases:
            return True  # an editor said so
        if self._home_bonus(entry) >= _HOME_BONUS:
            return True  # the paper's own town needs no introduction
        if self._home_bonus(entry) and entry.population >= _HOME_REGION_TOWN:
            return True  # nor do the towns of note in its state
        if context.confirmed.get(context.name) == entry.key:
            return True  # the article placed it so where it was cued
        if entry.kind == "region":
            if " " not in match.text and self.is_common_word(match.text) and not match.cued:
                return False  # "Community Centre" is not the Centre region
            words = re.split(r"[\s-]+", match.text.lower())
            if all(w in DIRECTIONS or w in _DIVISION_WORDS for w in words):
                # "South West", "Eastern Province": many countries have one;
                # only a story about that country means its own.
                return entry.country_code in dominant
            # Counties are many and small; a thinly peopled one needs support,
            # unless the name says what it is ("Pike County").
            return (
                entry.population >= 50_000
                or match.cued
                or entry.country_code in dominant
                or match.text.rsplit(" ", 1)[-1].lower() in _DIVISION_WORDS
            )
        single = " " not in match.text
        qualified = any(_within(entry, b) for b in context.broader)
        if single and self.is_common_word(match.text) and entry.population < 1_000_000:
            # "Mobile", "Split": a word first; but web2 also lists rarities
            # ("tripoli", a polishing stone) that no reader confuses with the city.
            if qualified:
                return True
            # "at Salt + Smoke" in a St. Louis story: a word, or a name the
            # gazetteer lacks, rather than a town abroad that is not a city
            # of note or one whose full name is not the word (As-Salt, Jordan:
            # a word needs more than the name less its article, which
            # _own_name allows). "to live in Delft" in a Cape Town story is
            # the township there, not the Dutch town of 95,000; "in Cork" or
            # "in Bath" is the city.
            abroad = bool(dominant) and entry.country_code not in dominant
            return (
                match.cued
                and entry.population >= 10_000
                and not (
                    abroad
                    and (not _sizeable([entry]) or normalize(entry.name) != normalize(match.text))
                )
            )
        if qualified:
            return True  # "Bowling Green, Kentucky"
        if match.text.rsplit(" ", 1)[-1].lower() in STREETS:
            # "at Washington Square" in a New Orleans story is its square, not
            # Philadelphia's neighbourhood; "Kennett Square, Pennsylvania" is
            # qualified (above).
            return False
        if (
            match.cued
            and single
            and not match.named
            and not _own_name(entry, match.text)
            and entry.population < 10_000
        ):
            # "in Newcomers" (a restaurant) is not Newcomerstown, Ohio, which
            # only an alternate name calls so; "in Bombay" is Mumbai, and
            # "the village of Pongpong" is Pung-Pang.
            return False
        if match.cued:
            # "in Kalam" in a story about Pakistan: not the Indian village the
            # gazetteer has, but one it lacks; though a name of several parts
            # that only this town bears ("Stratford-upon-Avon") is that town.
            # One word ("at Heathrow" in a British story: Heathrow, Florida)
            # is likelier a place there that the gazetteer lacks.
            unique = (
                len(match.candidates) == 1
                and normalize(entry.name) == normalize(match.text)
                and (not single or "-" in match.text)
            )
            if unique or entry.population >= _SMALL_TOWN:
                return True
            if _names_a_country_only(match.listed_with) and all(
                c.country_code != entry.country_code for c in match.listed_with
            ):
                # "Israel, Arab leaders and other nations": listed after a
                # country, a small town of one word is one of that country's,
                # and Arab, Alabama is not Israel's.
                return False
            return not dominant or entry.country_code in dominant
        if single and not _own_name(entry, match.text):
            # One word that only an alternate name links to the place ("Julia"
            # → Plovdiv, "Sam" → Damascus) is a person far more often; the
            # short form of a city's name is the city ("Acapulco de Juárez").
            shortened = normalize(entry.name).startswith(normalize(match.text) + " ")
            return shortened and entry.population >= 100_000
        if entry.population >= 100_000:
            return True
        if single and entry.population < _SMALL_TOWN:
            # "Tyler", "Williams": surnames that are also small towns; but a
            # story that names the state or county of the only town of the
            # name ("Collier County's grant for Immokalee") means the town.
            return (
                len(match.candidates) == 1
                and entry.country_code in dominant
                and any(
                    a.kind == "region" and a.admin1 == entry.admin1 and a.key != entry.key
                    for a in anchors
                )
            )
        if entry.country_code not in dominant:
            return False
        return any(
            a.key != entry.key and _distance_km(entry, a) <= _LOCAL_KM
            for a in anchors
            if a.kind == "city"
        )


_NEXT_WORD = re.compile(r"\s+([a-z]+)")
# Nouns after "in the X …" that make X a place.
_AREA_NOUNS = frozenset(
    ["area", "region", "district", "city", "town", "village", "border", "countryside",
     "outskirts", "suburbs", "vicinity", "province", "county", "valley", "coast"]
)  # fmt: skip
# The word right before a name, with nothing but a space between.
_TITLE_BEFORE = re.compile(r"([\w']+) $")
# "Brussels, Belgium", "Crawford County in Pennsylvania", "Austin, in Scott County".
_QUALIFYING_JOINS = frozenset([", ", " in ", ", in ", " located in ", ", located in "])
_LIST_JOINS = frozenset([", ", " and ", ", and ", " or "])
_STATE_WORD = re.compile(r"\s+(?:state|[Gg]overnor|[Ll]egislature)\b")
# "a New York court", "Washington law": the state's, said of this mention only.
_STATE_BODY = re.compile(r"\s+(?:courts?|laws?|[Aa]ttorney [Gg]eneral|[Ll]awmakers)\b")
_STATE_OF = re.compile(r"\bstate of\s+$", re.IGNORECASE)
_DIRECTION_OF = re.compile(r"\b(?:northern|southern|eastern|western|central|upstate|downstate)\s+$")


# A university or college named after a state: "Washington University", "Ohio
# State University", "University of Alberta". (A "Washington Hotel" or station
# may as well be in the capital.)
_UNIVERSITY_AFTER = re.compile(r" (?:State )?(?:University|College|Institute)\b")
_UNIVERSITY_BEFORE = re.compile(r"\b(?:University|College|Institute) of $")


def _names_an_institution(text: str, match: _Match) -> bool:
    return bool(
        _UNIVERSITY_AFTER.match(text, match.end)
        or _UNIVERSITY_BEFORE.search(text, max(0, match.start - 20), match.start)
    )


def _own_name(entry: Entry, text: str) -> bool:
    """text is the place's own name, or its name less the Arabic article
    ("Qamishli" for Al Qāmishlī), not one of its alternate names."""
    # "‘Afrīn" is Afrin: the ayn's mark is not written in English.
    said = normalize(text).replace("'", "")
    return said in {
        normalize(entry.name).replace("'", ""),
        normalize(ARABIC_ARTICLE.sub("", entry.name)).replace("'", ""),
    }


def _venue_named_after(run: Sequence[_Token], a: int) -> bool:
    """The name from run[a] on ends a mall's or a summit's ("Mall of Asia")."""
    k = a - 1
    while k >= 0 and run[k].text in CONNECTORS:
        k -= 1
    return 0 <= k < a - 1 and run[k + 1].text == "of" and run[k].text.lower() in _VENUES


def _names_a_street(run: Sequence[_Token], b: int) -> bool:
    """The name that ends before run[b] is a street's ("Atlantic Avenue")."""
    if b >= len(run):
        return False
    word = run[b].text.lower()
    return word in STREETS or (word in _STREETS_SHORT and b == len(run) - 1)


def _best_in_named_region(
    scored: list[tuple[float, Entry]], states: set[str]
) -> tuple[float, Entry] | None:
    """'Austin' in a story about Indiana: the best town (or county) of a state
    the article names outright (states: their admin1 codes), with a bonus, if
    that puts it first."""
    if not states:
        return None
    in_region = max(
        (
            (score + 1.5, c)
            for score, c in scored
            if c.kind in {"city", "region"} and c.admin1 in states
        ),
        key=lambda pair: pair[0],
        default=None,
    )
    return in_region if in_region and in_region[0] > scored[0][0] else None


def _lacks_qualified_town(best: Entry, match: _Match, broader: list[Entry]) -> bool:
    """'Stroud, Ontario, Canada': a small town the gazetteer lacks, not the
    Stroud in England. Only for names that are nothing but towns, and not for
    big cities ('Copenhagen, Hamburg' is a list). The caller asks only after
    a comma: 'Wilberforce in North-Western Sydney' is a town of that name."""
    return (
        bool(broader)
        and best.population < 100_000
        and all(q.kind == "country" or q.admin1 for q in broader)
        and not any(_within(best, q) for q in broader)
        and all(c.kind == "city" for c in match.candidates)
    )


def _qualified_by_region(matches: list[_Match], tops: list[Entry], index: int, text: str) -> bool:
    """'Washington, D.C.': the next name is a region holding one of this name's places.

    Not when the list goes on past it ("Washington, West Virginia and
    Wyoming"): then both are items of the list.
    """
    following = index + 1
    if (
        following >= len(matches)
        or tops[following].kind != "region"
        or text[matches[index].end : matches[following].start] != ", "
        or not any(_within(c, tops[following]) for c in matches[index].candidates)
    ):
        return False
    return not _list_goes_on(matches, following, text)


def _list_goes_on(matches: list[_Match], index: int, text: str) -> bool:
    """A list join and another name follow, and that name does not hold this one.

    'Ohio and Utah', 'New York, and Detroit' go on; 'Ontario, Canada' narrows down.
    """
    after = index + 1
    if after >= len(matches) or text[matches[index].end : matches[after].start] not in _LIST_JOINS:
        return False
    return not any(
        _within(here, there)
        for here in matches[index].candidates
        for there in matches[after].candidates
        if there.kind in {"country", "region"}
    )


def _says_state(text: str, match: _Match) -> bool:
    """'Washington state', 'the state of Washington', 'the New York Governor'."""
    before = text[max(0, match.start - 12) : match.start]
    return bool(_STATE_WORD.match(text, match.end) or _STATE_OF.search(before))


def _names_a_country_only(candidates: list[Entry]) -> bool:
    return bool(candidates) and all(c.kind == "country" for c in candidates)


def _names_a_country(match: _Match) -> bool:
    return any(c.kind == "country" for c in match.candidates)


def _dominant(countries: Counter[str]) -> set[str]:
    """The countries named at least half as often as the most named one."""
    most = max(countries.values(), default=0)
    return {cc for cc, n in countries.items() if n * 2 >= most}


def _sizeable(candidates: list[Entry]) -> bool:
    """A country, region or sea, or a city of 100,000 people or more."""
    return any(c.kind != "city" or c.population >= 100_000 for c in candidates)


def _major(candidates: list[Entry]) -> bool:
    """A name well known enough to stand inside another name ("DeSmog Canada")."""
    return any(
        c.kind in {"country", "water"}
        or (c.kind == "region" and not c.country_code)  # continents, world regions
        or (c.kind == "city" and c.population >= 1_000_000)
        for c in candidates
    )


def _prior(entry: Entry) -> float:
    if entry.kind == "country":
        return math.log10(entry.population + 10) + 3.0
    if entry.kind == "water":
        return 9.0
    if entry.kind == "region":
        # A region's population is the sum of its towns; a same-named city
        # ("New York", "Washington") is usually what news means.
        return math.log10(entry.population / 10 + 10)
    return math.log10(entry.population + 10)


def _dominates(candidates: list[Entry]) -> bool:
    ranked = sorted((_prior(c) for c in candidates), reverse=True)
    return ranked[0] - ranked[1] >= 1.0


def _within(place: Entry, broader: Entry) -> bool:
    if broader.kind == "country":
        return place.country_code == broader.country_code and place.key != broader.key
    return bool(broader.admin1) and place.admin1 == broader.admin1 and place.key != broader.key


def _distance_km(a: Entry, b: Entry) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
