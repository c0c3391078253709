#!/usr/bin/env python3
"""Convert the Phoenix / PETRARCH-2 actor and agent dictionaries into Thucydides data files.

Source: the Open Event Data Alliance dictionaries of openeventdata/petrarch2 (MIT licence), folder
``petrarch2/data/dictionaries/`` at commit 676801cd9cb2924bbbad09f86d15c9323e7097bf:

    Phoenix.Countries.actors.txt      state actors: countries, state bodies, ~18,000 office holders (CountryInfo 2014)
    Phoenix.International.actors.txt  IGOs, NGOs, multinational corporations, media and their people
    Phoenix.MilNonState.actors.txt    armed non-state groups
    Phoenix.agents.txt                generic agent nouns ("police", "rebel", "farmer") with CAMEO sector codes

Writes (into ``src/thucydides/data/`` unless ``--out`` says otherwise):

    phoenix_actors.tsv   form, canonical, code, country, sector, start, end, kind
    phoenix_agents.tsv   noun, sector, code, base

Standard library only; the output is deterministic (sorted, no time stamps), so running it twice gives
byte-identical files.  Usage, from the repository root::

    python tools/kb/convert_phoenix.py [SOURCE_DIR] [--out DIR] [--stoplist FILE] [--stats FILE]

SOURCE_DIR defaults to ``../shared/kb/petrarch2`` relative to the repository root.  The format of the
dictionaries is described in ``dictionaries.rst`` beside them; the reading rules below follow
PETRARCH-2's own reader (``PETRreader.read_actor_dictionary`` / ``read_agent_dictionary``) where it is
unambiguous, and are written out in ``tools/kb/README.md``.
"""
from __future__ import annotations

import argparse
import calendar
import collections
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO.parent / "shared" / "kb" / "petrarch2"
DEFAULT_OUT = REPO / "src" / "thucydides" / "data"
DEFAULT_STOPLIST = Path(__file__).resolve().parent / "phoenix_stoplist.txt"

SOURCE_REPO = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_FOLDER = "petrarch2/data/dictionaries/"
CREDIT = "Copyright (c) Open Event Data Alliance, MIT licence"

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

# --------------------------------------------------------------------------------------------------
# CAMEO codes
#
# A CAMEO actor code is a string of 3-letter elements: a "country" element (an ISO-like state code, a
# region, or a transnational type such as IGO/NGO/MNC), then role (sector) elements, organisation
# identifiers, religion/ethnicity elements and modifiers, e.g. RUSGOV, USAELIMIL, IGOUNOKID, NGOCHRCTH.
# --------------------------------------------------------------------------------------------------

# First elements that are CAMEO country codes but not ISO 3166-1 alpha-3 codes (checked against the
# Debian iso-codes tables, ISO 3166-1 and 3166-3).  Everything else that is a valid ISO code is kept as is.
CAMEO_TO_ISO = {
    "TMP": "TLS",  # East Timor: CAMEO keeps the withdrawn ISO code TMP; ISO 3166-1 is TLS
    "ROM": "ROU",  # Romania: CAMEO/old ISO ROM; ISO 3166-1 is ROU (the Phoenix files mostly use ROU already)
    "ZAR": "COD",  # Zaire: CAMEO ZAR; ISO 3166-1 is COD (the Phoenix files use COD)
    "KSV": "XKX",  # Kosovo: CAMEO KSV; no ISO code, the project uses the user-assigned XKX (countries.tsv)
    "ANG": "AGO",  # Angola: one stray old code (UNITA) in the MilNonState file
    "FRN": "FRA",  # "French overseas" prefix (FRNWLF, Wallis and Futuna): France, as PLOVER folds dependencies
    "SRP": "BIH",  # Republika Srpska (SRPUNR): PLOVER assigns breakaway entities to the nominal sovereign
    "KRJ": "HRV",  # Republic of Serbian Krajina (KRJUNR): likewise Croatia
    "FRY": "YUG",  # Federal Republic of Yugoslavia: ISO used YUG until 2003 (ISO 3166-3)
}
# Former states kept under their ISO 3166-3 (withdrawn) codes; they are not in countries.tsv.
FORMER_STATES = {"SUN": "Soviet Union", "YUG": "Yugoslavia", "CSK": "Czechoslovakia",
                 "DDR": "German Democratic Republic", "SCG": "Serbia and Montenegro"}
# "USR" + republic code marks a Soviet republic before independence (USRARM <900823): the republic's code.
SOVIET_REPUBLIC_PREFIX = "USR"
# Codes to leave out altogether.
DROP_CODES = {
    "---": "CAMEO null code: the phrase is explicitly not an actor (e.g. INDIAN OCEAN)",
    "KNT": "Kinakuta, the fictional country of the TABARI/PETRARCH validation suite",
}
# Placeholder first elements: no country.
NO_COUNTRY = {"KKL": "placeholder used by one coder (initials) for an unknown country",
              "INT": "international / transnational"}

REGIONS = {
    "AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CAS": "Central Asia", "CAU": "Caucasus",
    "CFR": "Central Africa", "CRB": "Caribbean", "CEU": "Central Europe", "EAF": "East Africa",
    "EEU": "Eastern Europe", "EIN": "East Indies", "EUR": "Europe", "LAM": "Latin America",
    "MDT": "Mediterranean", "MEA": "Middle East", "NAF": "North Africa", "NMR": "North America",
    "PGS": "Persian Gulf", "SAF": "Southern Africa", "SAM": "South America", "SAS": "South Asia",
    "SCN": "Scandinavia", "SEA": "Southeast Asia", "WAF": "West Africa", "WEU": "Western Europe",
    "WST": "the West", "ARB": "Arab world", "MDE": "Middle East (variant)", "KAS": "Kashmir",
    "CWN": "Commonwealth of Nations", "NON": "Non-Aligned Movement",
}
# Transnational first elements and the sector they give.
TRANSNATIONAL = {"IGO": "igo", "NGO": "ngo", "NGM": "ngo", "MNC": "business", "IMG": "rebels", "ISM": "ngo",
                 "UIS": None}

# Role (sector) elements -> the project's sector words.  The first role element of a code gives the sector
# (AFGGOVJUD, a justice minister, is "government"; HTIOPPMED is "opposition").
ROLE_SECTOR = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
    "SPY": "intelligence", "OPP": "opposition", "REB": "rebels", "INS": "rebels", "SEP": "rebels",
    "UAF": "armed", "PRM": "armed", "PTY": "party", "ELI": "elite", "LAB": "labor", "AGR": "agriculture",
    "REF": "refugees", "CRM": "criminal", "CVL": "civilians", "PPL": "civilians", "MED": "media",
    "JRN": "media", "BUS": "business", "EDU": "education", "HLH": "health", "REL": "religious",
    "DEV": "development", "ENV": "environment", "HRI": "activists", "SOC": "civilians",
    "NGO": "ngo", "IGO": "igo", "MNC": "business", "IMG": "rebels",
}
# Religion elements (as a role, they give the sector "religious").  SUN is Sunni only after the first
# element (as a first element it is the Soviet Union); MUS is Muslim only after the first element
# (first: Mauritius).
RELIGIONS = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD", "ITH", "JAN",
    "JEW", "JHW", "MAR", "MOS", "MRM", "MUS", "ORT", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO",
    "ANG", "LDS", "MEN", "NEW", "OTH", "PAG", "QUA", "UDR", "UNT", "CRS",
}
# Modifiers: not a sector.
MODIFIERS = {"RAD": "radical", "MOD": "moderate", "UNR": "unrecognised", "OCC": "occupied",
             "PRE": "partially recognised", "FRM": "foreign ministry (agents file)"}
# Ethnic / national group elements seen after the first element (no sector).
ETHNIC = {"KUR": "Kurds", "TAM": "Tamils", "UIG": "Uighurs", "PAL": "Palestinians", "TIB": "Tibetans",
          "MAY": "Malays", "ARB": "Arabs", "BLK": "Black (ethnic)", "TRK": "Turkic", "JUR": "Jura",
          "ABD": "Abkhaz", "REN": "Rwandan exile", "SOT": "Sotho", "GRB": "Gurkha?"}
# Named-organisation identifiers seen after a country element (after IGO/NGO/MNC/IMG/INT any further element
# that is not a role, religion, region or country is taken as an organisation identifier: IGOUNOKID, NGOAMN).
ORGS = {"UNO": "United Nations", "EEC": "European Union", "NAT": "NATO", "WBK": "World Bank", "IMF": "IMF",
        "ALQ": "al-Qaeda", "GSS": "Group of 77", "HMS": "Hamas"}
# CAMEO territory elements that differ from ISO (they follow the sovereign's code: GBRIMY, PSEGZA).
TERRITORIES = {"IMY": "Isle of Man (ISO IMN)", "GZA": "Gaza Strip (part of PSE)",
               "ANT": "Netherlands Antilles (ISO 3166-3, dissolved 2010)"}
# ISO 3166-1 alpha-3 codes (Debian iso-codes 4.15), to tell country elements from other 3-letter elements.
ISO_3166_1 = set("""
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS
    BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV
    CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM
    GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN
    IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE
    LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS
    MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK
    PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR
    SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY
    USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
""".split())
# Country-code-like elements after the first one: the organisation's home country or a territory
# (MNCUSA, GBRVGB).  They do not change the first element's country.


def split_code(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def is_country_element(el: str) -> bool:
    return el in ISO_3166_1 or el in CAMEO_TO_ISO or el in FORMER_STATES or el in TERRITORIES


@dataclass
class CodeInfo:
    country: Optional[str]
    sector: Optional[str]
    geographic: bool  # the code names a place as a whole (country, territory, region), no role
    transnational: Optional[str]  # IGO / NGO / MNC / IMG / INT or None


class CodeMapper:
    """CAMEO code -> (ISO country, sector); counts the elements it cannot place."""

    def __init__(self) -> None:
        self.unmapped: collections.Counter = collections.Counter()
        self.unmapped_examples: dict[str, str] = {}
        self.country_mapped: collections.Counter = collections.Counter()
        self.cache: dict[str, CodeInfo] = {}

    def _unmapped(self, el: str, code: str) -> None:
        self.unmapped[el] += 1
        self.unmapped_examples.setdefault(el, code)

    def info(self, code: str) -> CodeInfo:
        if code in self.cache:
            return self.cache[code]
        els = split_code(code)
        first, rest = els[0], els[1:]
        country: Optional[str] = None
        sector: Optional[str] = None
        trans: Optional[str] = None
        place = False
        if first in TRANSNATIONAL:
            trans, sector = first, TRANSNATIONAL[first]
        elif first in NO_COUNTRY:
            trans = first
        elif first in REGIONS:
            place = True
        elif first in ROLE_SECTOR:  # a bare role code without a country: ELI, MED
            sector = ROLE_SECTOR[first]
        elif first in ("BUD", "HIN", "MOS", "BAH", "CHR", "JEW"):  # a religion as first element
            sector = "religious"
        elif first == SOVIET_REPUBLIC_PREFIX:  # USRARM: the Armenian SSR -> ARM
            country = rest[0] if rest and rest[0] in ISO_3166_1 else "SUN"
            rest = rest[1:] if rest and rest[0] in ISO_3166_1 else rest
            place = True
        elif first in CAMEO_TO_ISO:
            country, place = CAMEO_TO_ISO[first], True
        elif first in ISO_3166_1 or first in FORMER_STATES:
            country, place = first, True
        else:
            self._unmapped(first, code)
        if country and country != first:
            self.country_mapped[(first, country)] += 1
        for el in rest:
            if el in ROLE_SECTOR or el in RELIGIONS:
                if sector is None:
                    sector = ROLE_SECTOR.get(el, "religious")
                place = False
            elif el in MODIFIERS or is_country_element(el) or el in REGIONS:
                pass  # UNR, OCC; a territory of the first element (GBRVGB) or an organisation's home (MNCUSA)
            elif el in ORGS or el in ETHNIC:
                place = False
            elif trans is not None and len(el) == 3 and el.isalpha():
                pass  # identifier of a named IGO/NGO/company (IGOUNOKID, NGOAMN)
            else:
                place = False
                self._unmapped(el, code)
        info = CodeInfo(country, sector, place and sector is None and trans is None, trans)
        self.cache[code] = info
        return info


# --------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------

class DateNotes:
    def __init__(self) -> None:
        self.notes: list[str] = []

    def add(self, msg: str) -> None:
        self.notes.append(msg)


def parse_date(s: str, where: str, notes: DateNotes) -> Optional[str]:
    """YYYYMMDD or YYMMDD (YY <= 30 -> 20YY, else 19YY, as in PETRARCH) -> YYYY-MM-DD; None if unusable."""
    if s.isdigit() and len(s) == 10 and s[:2] in ("19", "20") and s[2:4] in ("19", "20"):
        notes.add(f"{where}: date {s!r} has a stray century prefix: read as {s[2:]!r}")
        s = s[2:]
    if not s.isdigit() or len(s) not in (6, 8):
        notes.add(f"{where}: unreadable date {s!r} (bound left open)")
        return None
    if len(s) == 8:
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    else:
        yy = int(s[:2])
        y = 2000 + yy if yy <= 30 else 1900 + yy
        m, d = int(s[2:4]), int(s[4:6])
    if not 1 <= m <= 12 or d < 1:
        notes.add(f"{where}: invalid date {s!r} (bound left open)")
        return None
    last = calendar.monthrange(y, m)[1]
    if d > last:
        notes.add(f"{where}: day {d} past the end of {y}-{m:02d}: clamped to {last}")
        d = last
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_restriction(body: str, where: str, notes: DateNotes) -> Optional[tuple[str, str, str]]:
    """'CODE', 'CODE a-b', 'CODE <d', 'CODE >d', 'CODE d' -> (code, start, end) with '' for open."""
    parts = body.split()
    if not parts:
        return None
    code = parts[0]
    spec = "".join(parts[1:])
    if not spec:
        return code, "", ""
    if spec.startswith("<"):
        return code, "", parse_date(spec[1:], where, notes) or ""
    if spec.startswith(">"):
        return code, parse_date(spec[1:], where, notes) or "", ""
    if "-" in spec:
        a, _, b = spec.partition("-")
        start = parse_date(a, where, notes) if a else None
        end = parse_date(b, where, notes) if b else None
        start, end = start or "", end or ""
        if start and end and start > end:
            notes.add(f"{where}: reversed range {spec!r}: swapped")
            start, end = end, start
        return code, start, end
    notes.add(f"{where}: single date {spec!r} read as a start date")
    return code, parse_date(spec, where, notes) or "", ""


# --------------------------------------------------------------------------------------------------
# Actor dictionaries
# --------------------------------------------------------------------------------------------------

@dataclass
class Entry:
    source: str
    line: int
    phrases: list[str]  # raw phrases, primary first
    restrictions: list[tuple[str, str, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


BRACKET = re.compile(r"\[([^\[\]]*)\]")


def read_actor_file(path: Path, notes: DateNotes) -> list[Entry]:
    """Records: a primary phrase (optionally followed by [code ...] groups), '+' synonym lines, and
    tab-indented [code dates] restriction lines.  '#' starts a comment anywhere (as in PETRARCH)."""
    entries: list[Entry] = []
    cur: Optional[Entry] = None
    text = path.read_text(encoding="utf-8", errors="replace")
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("#"):
            continue
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        where = f"{path.name}:{n}"
        groups = [g for g in BRACKET.findall(body)]
        # the phrase is what precedes the first [code]; text after the codes is a comment without '#'
        phrase_part = body.split("[", 1)[0].strip()
        stripped = body.strip()
        if stripped.startswith("["):  # restriction line(s)
            if cur is None:
                notes.add(f"{where}: restriction before any phrase: skipped")
                continue
            for g in groups:
                r = parse_restriction(g, where, notes)
                if r:
                    cur.restrictions.append(r)
            if comment.strip():
                cur.comments.append(comment.strip())
            continue
        if stripped.startswith("+"):  # synonym(s); a stray '+' inside joins two synonyms
            if cur is None:
                notes.add(f"{where}: synonym before any phrase: skipped")
                continue
            for p in phrase_part.split("+"):
                if p.strip():
                    cur.phrases.append(p.strip())
            for g in groups:  # (not seen in these files, but harmless)
                r = parse_restriction(g, where, notes)
                if r:
                    cur.restrictions.append(r)
            continue
        # a new primary phrase
        cur = Entry(path.name, n, [phrase_part])
        if comment.strip():
            cur.comments.append(comment.strip())
        for g in groups:
            r = parse_restriction(g, where, notes)
            if r:
                cur.restrictions.append(r)
        entries.append(cur)
    return entries


# --------------------------------------------------------------------------------------------------
# Surface forms: cleaning and case
# --------------------------------------------------------------------------------------------------

LOWER_WORDS = {
    "of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "by", "with", "from", "de", "del", "della",
    "der", "den", "des", "di", "da", "das", "do", "dos", "du", "van", "von", "la", "le", "les", "y", "e",
    "bin", "bint", "ibn", "al", "el", "ul", "ud", "ur", "und", "et", "zu", "ter", "te",
}
ARTICLE_PREFIXES = {"al", "el", "ul", "ud", "ad", "as", "ar", "az", "ash", "at", "an", "ed", "ibn", "bin", "bint"}
ABBREVIATIONS = {"st", "mr", "mrs", "ms", "dr", "jr", "sr", "mt", "ft", "lt", "sgt", "gen", "col", "co", "inc",
                 "ltd", "corp", "no", "vs", "maj", "capt", "gov", "sen", "rep", "prof", "rev", "sec", "secy"}
# Short acronyms that the rules cannot derive (their expansion is not among the entry's phrases).
COMMON_ACRONYMS = {"UN", "EU", "US", "UK", "USA", "UAE", "USSR", "NATO", "OPEC", "ASEAN", "AU", "IMF", "WHO", "WTO",
                   "OSCE", "IAEA", "ICC", "ICJ", "UNHCR", "UNICEF", "UNESCO", "NGO", "CIA", "FBI", "NSA", "KGB",
                   "FSB", "BBC", "CNN", "AFP", "AP", "PLO", "ANC", "IRA", "ETA", "FARC", "ELN", "LTTE", "PKK",
                   "ISIS", "ISIL", "AQAP", "AQIM", "SPLM", "SPLA", "MDC", "PRI", "PAN", "PPP", "BJP", "DPJ", "LDP",
                   "KMT", "DPP", "GOP", "ECOWAS", "SADC", "IGAD", "OAS", "OIC", "GCC", "CIS", "APEC", "G7", "G8",
                   "G20", "MI5", "MI6", "NHS", "PA", "PLA", "IDF", "RAF", "SAS"}
# Acronyms that name a country or its state: in parentheses they qualify a name, (USA), (PRC)
PLACE_ACRONYMS = {"US", "USA", "UK", "UN", "EU", "PRC", "DRC", "CAR", "UAE", "ROK", "DPRK", "USSR"}
ROMAN = re.compile(r"^(II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)$")
EAST_ASIAN = {"KOR", "PRK", "TWN", "CHN", "HKG", "MAC"}
VOWELS = set("AEIOUY")
PAREN = re.compile(r"\(([^()]*)\)")


ONSETS = {"BL", "BR", "CH", "CL", "CR", "DR", "DW", "FL", "FR", "GH", "GL", "GN", "GR", "KH", "KL", "KN", "KR", "PH",
          "PL", "PR", "PS", "QU", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "ST", "SW", "TH", "TR", "TS", "TW", "WH",
          "WR", "ZH", "SV", "VL", "ZL"}


def unpronounceable(token: str) -> bool:
    """UNDP, DGSE, OHCHR, NSTAR: three consonants in a row, or two at the start that no English word starts with.
    Used only for one-word names of organisations, to restore the capitals of acronyms."""
    t = token.upper()
    cons = re.sub(r"[AEIOUY]", "_", t)
    if re.search(r"[A-Z]{3}", cons):
        return True
    return len(t) >= 2 and t[0] not in "AEIOUY" and t[1] not in "AEIOUY" and t[:2] not in ONSETS


def initials(words: list[str]) -> str:
    out = []
    for w in words:
        for part in re.split(r"[-/]", w):
            if part and part[0].isalpha():
                out.append(part[0])
    return "".join(out)


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def looks_like_acronym_of(token: str, words: list[str]) -> bool:
    """True when the letters of token are, in order, initials of the given words (ALF: Animal Liberation Front)."""
    t = token.replace(".", "").replace("-", "")
    if len(t) < 2 or not t.isalpha() or len(words) < 2:
        return False
    ini = initials(words)
    return t[0] == ini[:1] and is_subsequence(t, ini)


def clean_phrase(raw: str) -> tuple[list[str], list[str]]:
    """A dictionary phrase -> (tokens, acronyms found in parentheses).  Underscores and blanks both
    separate words (in actor phrases both mean consecutive words)."""
    s = raw.replace("_", " ")
    acronyms: list[str] = []

    def paren(m: re.Match) -> str:
        acronyms.append(m.group(1).strip())
        return " "
    s = PAREN.sub(paren, s)
    s = s.replace("(", " ").replace(")", " ")
    s = re.sub(r"\s+", " ", s).strip(" ,;:-")
    toks = [t for t in s.split(" ") if t]
    # G 8 -> G8, G 20 -> G20 (a lone capital letter and a number written apart with an underscore)
    i = 0
    while i < len(toks) - 1:
        if len(toks[i]) == 1 and toks[i].isalpha() and toks[i + 1].isdigit():
            toks[i:i + 2] = [toks[i] + toks[i + 1]]
        i += 1
    return toks, acronyms


def case_token(tok: str, first: bool, last: bool, acronyms: set[str], east_asian_person: bool) -> str:
    up = tok.upper()
    low = tok.lower()
    if up in acronyms:
        return up
    if "." in tok:
        core = low.strip(".")
        if core in ABBREVIATIONS:
            return core.capitalize() + "." * (len(tok) - len(tok.rstrip(".")))
        if re.fullmatch(r"([A-Za-z]\.)+[A-Za-z]?\.?", tok):  # U.N., U.S.A., N.P.
            return up
        return ".".join(case_token(p, first, last, acronyms, east_asian_person) if p else "" for p in tok.split("."))
    if any(ch.isdigit() for ch in tok):
        return low if tok[0].isdigit() else up  # 2nd, 17th ; M23, G20
    if not first and low in LOWER_WORDS and not east_asian_person:  # (Ho Veng On, Park In Kook: no particles)
        return low
    if last and not first and ROMAN.match(up):
        return up
    if low in ABBREVIATIONS and len(low) <= 4:
        return up[:1] + low[1:]  # Ltd, Jr, Mr, St
    letters = [c for c in up if c.isalpha()]
    if len(letters) >= 2 and not (set(letters) & VOWELS) and "'" not in tok and "-" not in tok:
        return up  # PKK, BBC, SPLM
    if "-" in tok:
        parts = tok.split("-")
        out = []
        for i, p in enumerate(parts):
            if not p:
                out.append(p)
                continue
            pl = p.lower()
            if i < len(parts) - 1 and pl in ARTICLE_PREFIXES and not (first and i == 0):
                out.append(pl)
            elif i > 0 and east_asian_person:
                out.append(pl)  # Ban Ki-moon, Kim Jong-un, Tsai Ing-wen
            else:
                out.append(case_token(p, first and i == 0, False, acronyms, False))
        return "-".join(out)
    if tok[:1] in ("'", "’") and len(tok) > 1:  # 'Iraq (transliterated ayn)
        return tok[0] + case_token(tok[1:], first, last, acronyms, east_asian_person)
    if "'" in tok or "’" in tok:
        q = "'" if "'" in tok else "’"
        head, _, tail = tok.partition(q)
        if len(head) == 1 and tail:  # O'Brien, D'Alema
            return head.upper() + q + tail[:1].upper() + tail[1:].lower()
        return (head[:1].upper() + head[1:].lower()) + q + tail.lower()
    if up.startswith("MC") and len(up) > 3:
        return "Mc" + up[2].upper() + low[3:]
    return up[:1] + low[1:]


def display(tokens: list[str], acronyms: set[str], east_asian_person: bool) -> str:
    n = len(tokens)
    return " ".join(case_token(t, i == 0, i == n - 1, acronyms, east_asian_person) for i, t in enumerate(tokens))


# --------------------------------------------------------------------------------------------------
# Kind: person | body | group | country
# --------------------------------------------------------------------------------------------------

INSTITUTION_WORDS = {
    "ARMY", "ARMIES", "FORCE", "FORCES", "MINISTRY", "MINISTRIES", "GOVERNMENT", "GOVERNMENTS", "PARLIAMENT",
    "ASSEMBLY", "COUNCIL", "COMMITTEE", "COMMISSION", "PARTY", "FRONT", "MOVEMENT", "ORGANIZATION",
    "ORGANISATION", "ASSOCIATION", "UNION", "FEDERATION", "LEAGUE", "BANK", "COMPANY", "CORPORATION", "CORP",
    "CORP.", "INC", "INC.", "LTD", "LTD.", "LLC", "PLC", "GROUP", "GROUPS", "AGENCY", "BUREAU", "OFFICE",
    "DEPARTMENT", "COURT", "TRIBUNAL", "POLICE", "GUARD", "GUARDS", "BRIGADE", "BRIGADES", "BATTALION",
    "MILITIA", "MILITIAS", "INSTITUTE", "UNIVERSITY", "COLLEGE", "SCHOOL", "FOUNDATION", "FUND", "PROGRAM",
    "PROGRAMME", "SERVICE", "SERVICES", "NEWS", "TIMES", "POST", "RADIO", "TELEVISION", "TV", "CHURCH",
    "SOCIETY", "CENTER", "CENTRE", "NETWORK", "ALLIANCE", "COALITION", "CONGRESS", "SENATE", "DUMA",
    "KNESSET", "CABINET", "REGIME", "ADMINISTRATION", "AUTHORITY", "AUTHORITIES", "NAVY", "COMMAND",
    "DIRECTORATE", "SECRETARIAT", "MISSION", "EMBASSY", "REPUBLIC", "KINGDOM", "STATE", "STATES", "ISLANDS",
    "PROVINCE", "CITY", "HOLDINGS", "INTERNATIONAL", "TRUST", "PARTNERS", "SYSTEMS", "TECHNOLOGIES",
    "INDUSTRIES", "ENERGY", "RESOURCES", "COUNCILS", "MUJAHIDEEN", "REBELS", "FIGHTERS", "BOARD", "PANEL",
    "CONFERENCE", "ORGANIZATIONS", "COMMUNITY", "INITIATIVE", "OPPOSITION", "JUNTA", "POLITBURO", "CAUCUS",
    "LEGION", "CORPS", "SQUAD", "CELL", "CELLS", "ARMED", "NATIONAL", "TASK", "OBSERVER", "OBSERVERS",
    "PEACEKEEPERS", "PEACEKEEPER", "TROOPS", "SOLDIERS", "FACTION", "ORDER", "MINISTERS", "REPRESENTATIVES",
    "DELEGATION", "JOURNAL", "GAZETTE", "HERALD", "TRIBUNE", "DAILY", "WEEKLY", "PRESS", "MAGAZINE",
    "HOSPITAL", "ACADEMY", "SECURITY", "INTELLIGENCE", "ISLAMIC", "REVOLUTIONARY", "LIBERATION", "PEOPLE",
    "PEOPLES", "PEOPLE'S", "NATIONS", "WORLD", "GLOBAL", "AFRICAN", "EUROPEAN", "ARAB", "AMERICAN",
    "FELLOWSHIP", "CLUB", "SOLIDARITY", "WORLDWIDE", "CATHOLIC", "CHRISTIANS", "MUSLIMS", "BROTHERHOOD",
    "BROTHERS", "SISTERS", "FRIENDS", "MISSIONARIES", "RELIEF", "AID", "ACTION", "WATCH", "RIGHTS", "LABORATORIES",
    "PHARMACEUTICALS", "PHARMACEUTICAL", "AIRLINES", "AIRWAYS", "MOTORS", "COMMITTEES", "BATTALIONS", "UNIT",
    "UNITS", "SQUADRON", "ARMY'S", "JIHAD", "MUJAHIDIN", "TALIBAN", "INSURGENTS", "EMIRATE", "CALIPHATE",
    "CONTINGENT", "PROJECT", "REPRESENTATIVE", "TREATY", "FRANCOPHONIE", "JOURNALIST", "BROADCASTER", "MONITOR",
    # Arabic, Persian and Urdu words for movement, party, army, front, brigades, supporters
    "HARAKAT", "HARAKAT-UL", "HIZB", "HEZB", "JAMAAT", "JAMIAT", "JAISH", "JAYSH", "LASHKAR", "KATAIB", "KATIBAT",
    "TANZIM", "ANSAR", "JABHAT", "LIWA", "SARAYA", "TEHREEK", "TEHRIK", "SIPAH", "MAJLIS", "ITTEHAD", "ITTIHAD",
}
TITLE_WORDS = {
    "PRESIDENT", "PRIME", "MINISTER", "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "FINANCE", "SECRETARY",
    "SECRETARY-GENERAL", "GENERAL", "GEN", "GEN.", "KING", "QUEEN", "PRINCE", "PRINCESS", "SHEIKH", "SHEIK",
    "EMIR", "AMIR", "SULTAN", "AYATOLLAH", "MULLAH", "MAWLAWI", "CHANCELLOR", "PREMIER", "VICE", "DEPUTY",
    "CHAIRMAN", "LEADER", "COMMUNIST", "ACTING", "MR", "MR.", "MRS", "MRS.", "DR", "DR.", "SENATOR", "SEN.",
    "GOVERNOR", "MAYOR", "COLONEL", "COL.", "MARSHAL", "FIELD", "ADMIRAL", "JUDGE", "JUSTICE", "CHIEF",
    "AMBASSADOR", "SPEAKER", "POPE", "CARDINAL", "ARCHBISHOP", "BISHOP", "REV.", "REVEREND", "HIS", "HER",
    "HIGHNESS", "MAJESTY", "CROWN", "FORMER", "EX", "EX-PRESIDENT", "UN", "U.N.", "US", "U.S.",
    "SECRETARY-GENERAL", "SEC.", "UNITED", "NATIONS", "SECY", "GEN", "COMMANDER",
}
NAME_PARTICLES = {"BIN", "IBN", "BINT", "IBNI", "OULD", "BINTI", "BINTE"}
# ("IN" and "AT" are left out: they are also Korean and Thai name syllables, In Tam, Ong at Klampaibun)
FUNCTION_WORDS = {"OF", "FOR", "THE", "AND", "ON", "AGAINST", "TO", "FROM", "WITH", "BY"}
BODY_WORDS = {"ADMINISTRATION", "GOVERNMENT", "REGIME", "CABINET", "PRESIDENCY", "CAMP", "SUPPORTERS", "LOYALISTS",
              "FORCES", "TROOPS", "PARTY", "MOVEMENT", "FAMILY", "CLAN", "FOLLOWERS", "FACTION", "MILITIA"}


class PersonClassifier:
    """Decides whether a phrase names one person.  Entry level: the primary phrase, with the CountryInfo /
    IGOrulers provenance comments and dated office codes; form level: a synonym that looks like a personal
    name inside a group's entry (the Hamas entry lists Khaled Meshaal), or an "X Administration" form inside
    a person's entry."""

    def __init__(self, given_names: set[str]):
        self.given = given_names

    @staticmethod
    def core_tokens(tokens: list[str]) -> list[str]:
        toks = list(tokens)
        while toks and toks[0].upper() in TITLE_WORDS:
            toks = toks[1:]
        return toks

    @staticmethod
    def institutional(tokens: list[str]) -> bool:
        words = {t.upper() for t in tokens}
        return bool(words & INSTITUTION_WORDS or words & BODY_WORDS or words & FUNCTION_WORDS)

    def name_like(self, tokens: list[str]) -> bool:
        """A personal name by its look, with no institutional word: a known given name first (2 to 5 words),
        an initial first (K. Annan, A.P.J. Abdul Kalam), or an Arabic name chain with bin/ibn/bint/ould."""
        core = self.core_tokens(tokens)
        if len(core) < 2 or self.institutional(core):
            return False
        words = {t.upper() for t in core}
        if (words & NAME_PARTICLES or sum(t.upper() == "AL" for t in core) >= 2) and len(core) <= 14:
            return True
        if len(core) > 5:
            return False
        if re.fullmatch(r"([A-Za-z]\.)+", core[0]) and len(core) <= 4:
            return True
        return core[0].replace(".", "").replace("'", "").title() in self.given

    def entry_is_person(self, entry: Entry, primary: list[str], infos: list[CodeInfo]) -> bool:
        core = self.core_tokens(primary)
        if not core or self.institutional(core):
            return False
        comments = " ".join(entry.comments)
        if "CountryInfo" in comments or "IGOrulers" in comments:
            return True  # the leader lists of CountryInfo and of the IGO heads
        if len(core) > 6 and not self.name_like(primary):
            return False
        if any(i.transnational == "MNC" for i in infos):
            return False  # companies
        if entry.source == ACTOR_FILES[2]:  # the armed-group file: only a phrase that looks like a personal name
            return self.name_like(primary)
        if infos and all(i.geographic for i in infos):
            return False
        if self.name_like(primary):
            return True
        # the officials of intergovernmental organisations (International file): a short phrase without an
        # institutional word, an acronym or an article is a person's name (Sadako Ogata, Kare Bryn)
        first = core[0].upper().replace(".", "")
        if (entry.source == ACTOR_FILES[1] and any(i.transnational == "IGO" for i in infos) and 2 <= len(core) <= 4
                and first not in COMMON_ACRONYMS and first.lower() not in LOWER_WORDS and not unpronounceable(first)
                and all(t.replace(".", "").replace("-", "").replace("'", "").isalpha() for t in core)):
            return True
        # dated codes of a state actor on a short phrase: an office holder (XI JINPING, YELTSIN)
        dated = any(s or e for _, s, e in entry.restrictions)
        if dated and len(core) <= 4 and any(i.country and not i.transnational for i in infos):
            return True
        return False


STATE_SECTORS = {"government", "military", "police", "judiciary", "legislature", "intelligence"}


def collective_kind(infos: list[CodeInfo], source: str) -> str:
    if infos and all(i.geographic for i in infos) and source == "Phoenix.Countries.actors.txt":
        return "country"
    if any(i.transnational == "IGO" for i in infos):
        return "body"
    if any(i.country and i.sector in STATE_SECTORS for i in infos):
        return "body"
    return "group"


# --------------------------------------------------------------------------------------------------
# Agents
# --------------------------------------------------------------------------------------------------

PLURAL_BLOCKERS = {"OF", "TO", "FOR", "AND", "ON", "IN", "AT", "DE", "DEL", "DU", "LA", "LE", "DES", "WITH", "FROM",
                   "AGAINST", "Y"}
MAN_NOT_MEN = {"GERMAN", "HUMAN", "ROMAN", "OTTOMAN", "SHAMAN", "TALISMAN", "CAYMAN", "OMAN", "BRAHMAN"}


def regular_plural(phrase: str) -> Optional[str]:
    """Plural of an agent phrase when the dictionary gives none.  PETRARCH adds S / IES / ES to the whole
    phrase; here the same rule is applied to the last word with a few corrections, and no plural is made
    where it would be wrong: phrases whose head is not the last word ("CHAIRMAN_OF_THE_COUNCIL"), and
    last words that already end in S (plurals such as REACTIONARIES, and -S singulars such as NEWS)."""
    words = re.split(r"[_ ]", phrase.strip("_ "))
    if any(w in PLURAL_BLOCKERS for w in words[1:]):
        return None
    last = words[-1]
    if not last.isalpha() or (last.endswith("S") and not last.endswith(("SS", "US"))):
        return None
    if last.endswith(("MEN", "PEOPLE", "CHILDREN", "POLICE", "MILITIA", "PERSONNEL", "STAFF", "CLERGY", "YOUTH",
                      "MEDIA", "PUBLIC", "MILITARY", "INFANTRY", "CAVALRY", "ARTILLERY", "JUDICIARY", "LEADERSHIP")):
        return None  # already plural, or a collective noun
    head = phrase.strip("_ ")[: len(phrase.strip("_ ")) - len(last)]
    if last.endswith("MAN") and last not in MAN_NOT_MEN:
        plural = last[:-3] + "MEN"
    elif last.endswith("PERSON"):
        plural = last[:-6] + "PEOPLE"
    elif last == "CHILD":
        plural = "CHILDREN"
    elif last.endswith("WIFE"):
        plural = last[:-4] + "WIVES"
    elif last.endswith("THIEF"):
        plural = last[:-5] + "THIEVES"
    elif last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    elif last.endswith(("S", "SH", "CH", "X", "Z")):
        plural = last + "ES"
    else:
        plural = last + "S"
    return head + plural


def read_agents(path: Path, notes: DateNotes) -> list[tuple[str, str, str]]:
    """-> (noun, code, base) with plurals expanded.  'PHRASE {PLURAL} [~CODE]'; '{}' = no plural;
    '!MARKER!' substitution sets defined as '!MARKER! = A, B, C'."""
    subs: dict[str, list[str]] = {}
    out: list[tuple[str, str, str]] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if raw.startswith("#") or raw.startswith("<!"):
            continue
        line = raw.split("#")[0].strip()
        if not line:
            continue
        where = f"{path.name}:{n}"
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        if "[" not in line:
            notes.add(f"{where}: agent without a code: skipped ({line[:40]})")
            continue
        part, _, rest = line.partition("[")
        code = rest.partition("]")[0].strip()
        plural: Optional[str] = None
        explicit = False
        if "{" in part:
            explicit = True
            plural = part[part.find("{") + 1:part.find("}")].strip() if "}" in part else ""
            part = part[:part.find("{")]
        phrase = part.strip()
        if not phrase:
            continue
        m = re.search(r"!(\w+)!", phrase)
        if m:
            if m.group(1) not in subs:
                notes.add(f"{where}: unknown substitution marker {m.group(0)}: skipped")
                continue
            for sub in subs[m.group(1)]:
                form = phrase.replace(m.group(0), sub)
                out.append((form, code, phrase.replace(m.group(0), subs[m.group(1)][0])))
            continue
        out.append((phrase, code, phrase))
        if explicit:
            if plural:
                out.append((plural, code, phrase))
        else:
            plural = regular_plural(phrase)
            if plural:
                out.append((plural, code, phrase))
    return out


def agent_text(phrase: str) -> str:
    s = phrase.replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return s.lower()


# --------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------

def header(what: str, files: Iterable[str], columns: list[tuple[str, str]], extra: list[str]) -> str:
    lines = [
        f"# Thucydides knowledge base: {what}",
        f"# Source: {SOURCE_REPO} commit {SOURCE_COMMIT}, {SOURCE_FOLDER}{{{', '.join(files)}}}",
        f"# {CREDIT}. The Phoenix dictionaries (CountryInfo 2014, TOPS, CAMEO) stop in 2014.",
        "# Columns (tab-separated): " + ", ".join(c for c, _ in columns),
    ]
    lines += [f"#   {c}: {d}" for c, d in columns]
    lines += [f"# {x}" for x in extra]
    lines.append("# generated by tools/kb/convert_phoenix.py; do not edit by hand")
    return "\n".join(lines) + "\n"


def write_tsv(path: Path, head: str, columns: list[str], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(head)
        f.write("\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def load_stoplist(path: Path) -> set[str]:
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.split("#")[0].strip().lower()
        if w:
            out.add(w)
    return out


def load_given_names(repo_data: Path) -> set[str]:
    p = repo_data / "given_names.tsv"
    names = set()
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or line.startswith("name\t"):
                continue
            names.add(line.split("\t")[0].strip())
    return names


def load_iso(path: Optional[str]) -> Optional[set[str]]:
    """Optional cross-check: ISO 3166-1 and 3166-3 alpha-3 codes from Debian's iso-codes json files."""
    if not path:
        return None
    p = Path(path)
    codes: set[str] = set()
    for f in ([p] if p.is_file() else [p / "iso_3166-1.json", p / "iso_3166-3.json"]):
        data = json.loads(f.read_text(encoding="utf-8"))
        for v in data.values():
            for x in v:
                if "alpha_3" in x:
                    codes.add(x["alpha_3"])
    return codes


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE), help="folder with the Phoenix dictionaries")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default src/thucydides/data)")
    ap.add_argument("--stoplist", default=str(DEFAULT_STOPLIST), help="common words not kept as forms on their own")
    ap.add_argument("--given-names", default=str(REPO / "src" / "thucydides" / "data"),
                    help="folder holding the project's given_names.tsv (person detection)")
    ap.add_argument("--iso", help="optional: Debian iso-codes json folder, to check every country code")
    ap.add_argument("--stats", help="optional: write counts and notes as JSON here")
    args = ap.parse_args(argv)

    src = Path(args.source)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    notes = DateNotes()
    stop = load_stoplist(Path(args.stoplist))
    iso = load_iso(args.iso)
    mapper = CodeMapper()
    pc = PersonClassifier(load_given_names(Path(args.given_names)))
    dropped: collections.Counter = collections.Counter()
    dropped_examples: dict[str, list[str]] = collections.defaultdict(list)

    def drop(reason: str, example: str) -> None:
        dropped[reason] += 1
        if len(dropped_examples[reason]) < 12 and example not in dropped_examples[reason]:
            dropped_examples[reason].append(example)

    entries: list[Entry] = []
    for name in ACTOR_FILES:
        entries.extend(read_actor_file(src / name, notes))

    # ---- pass 1: usable codes per entry, cleaned phrases, and what acronyms and place names look like
    prepared: list[tuple[Entry, list[tuple[list[str], list[str]]], list[tuple[str, str, str]], list[CodeInfo], bool]] = []
    initials_by_code: dict[str, set[str]] = collections.defaultdict(set)
    initials_all: set[str] = set()  # initials of every organisation name, whatever its code
    place_names: set[str] = set()
    for e in entries:
        restr = []
        for code, s, t in e.restrictions:
            first = code[:3]
            if code in DROP_CODES or first in DROP_CODES:
                drop(f"code {first}: {DROP_CODES.get(code) or DROP_CODES[first]}", f"{e.phrases[0]} [{code}]")
                continue
            if not re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", code):
                notes.add(f"{e.source}:{e.line}: malformed code {code!r}: skipped")
                continue
            if re.search(r"\d", code):  # stray event-code digits glued to an actor code (NGOTZACHRPRO214)
                notes.add(f"{e.source}:{e.line}: digits in code {code!r}: kept the letters before them")
                code = re.match(r"[A-Z]+", code).group(0)
                code = code[:len(code) - len(code) % 3]
            if code.startswith("MUS") and e.source == ACTOR_FILES[0] and "OULD" in e.phrases[0].upper().split("_"):
                # source error: the Mauritanian office holders follow the MAURITIUS entry and carry its code MUS;
                # "Ould" (son of) is a Mauritanian name particle that no Mauritian name has
                notes.add(f"{e.source}:{e.line}: {e.phrases[0].strip('_')} coded {code}: corrected to MRT (Mauritania)")
                code = "MRT" + code[3:]
            restr.append((code, s, t))
        cleaned = [clean_phrase(p) for p in e.phrases]
        if not restr:
            drop("entry without a usable code (no [code] at all, or only dropped codes)", e.phrases[0])
            continue
        infos = [mapper.info(c) for c, _, _ in restr]
        is_person = bool(cleaned[0][0]) and pc.entry_is_person(e, cleaned[0][0], infos)
        prepared.append((e, cleaned, restr, infos, is_person))
        collective = not is_person and not all(i.geographic for i in infos)
        for code, _, _ in (restr if collective else []):  # initials of organisation names, not people's or places'
            for toks, _ in cleaned:
                words = [t.upper() for t in toks]
                if len(words) >= 2:
                    initials_by_code[code].add(initials([w for w in words if w != "THE"]))
                    initials_by_code[code].add(initials([w for w in words if w.lower() not in LOWER_WORDS]))
                    initials_all.update(initials_by_code[code])
        if all(i.geographic for i in infos):
            place_names.update(" ".join(toks).upper() for toks, _ in cleaned)

    def acronym_of_code(token: str, codes: Iterable[str]) -> bool:
        t = token.upper().replace(".", "")
        return (3 <= len(t) <= 8 and t.isalpha() and t.lower() not in ABBREVIATIONS and t.title() not in pc.given
                and any(t in initials_by_code.get(c, ()) for c in codes))

    def paren_acronym(a: str, toks: list[str]) -> bool:
        """(ALF) after ANIMAL LIBERATION FRONT is an acronym; (COLOMBIA), (USA), (NORTH) are qualifiers."""
        t = a.strip().upper()
        letters = t.replace(".", "").replace("-", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha()) or t in place_names or t in PLACE_ACRONYMS:
            return False
        return len(letters) <= 3 or not (set(letters) & VOWELS) or looks_like_acronym_of(letters, toks)

    # ---- pass 2: rows
    rows: set[tuple[str, str, str, str, str, str, str, str]] = set()
    entry_kinds: collections.Counter = collections.Counter()
    form_kind_changes: collections.Counter = collections.Counter()
    for e, cleaned, restr, infos, is_person in prepared:
        codes = [c for c, _, _ in restr]
        tokens = [toks for toks, _ in cleaned]
        if not tokens[0]:
            drop("empty primary phrase", e.phrases[0])
            continue
        # surface forms: every phrase, and a parenthesised acronym (ALF) as a form of its own
        forms_tok: list[list[str]] = []
        acr: set[str] = set(COMMON_ACRONYMS)
        for toks, pars in cleaned:
            if toks:
                forms_tok.append(toks)
            for a in pars:
                if paren_acronym(a, toks):
                    forms_tok.append([a.strip().upper()])
                    acr.add(a.strip().upper())
                else:
                    drop("parenthesised qualifier removed from a form (not an acronym)", f"({a})")
        for toks in forms_tok:
            for t in toks:
                if acronym_of_code(t, codes):
                    acr.add(t.upper())
            # a one-word name of an organisation that is the initials of some organisation's name (UNDP, DGSE)
            if (len(toks) == 1 and not is_person and 3 <= len(toks[0]) <= 6 and toks[0].isalpha()
                    and toks[0].title() not in pc.given
                    and (toks[0].upper() in initials_all or (len(toks[0]) <= 5 and unpronounceable(toks[0])))):
                acr.add(toks[0].upper())
        ekind = "person" if is_person else collective_kind(infos, e.source)
        entry_kinds[ekind] += 1
        countries = {i.country for i in infos}
        canonical = display(tokens[0], acr, ekind == "person" and bool(countries & EAST_ASIAN))
        for toks in forms_tok:
            # kind of this form: a leader listed inside his group's entry is a person; "Obama Administration"
            # inside Obama's entry is a body; both then stand for themselves (canonical = the form)
            fkind, own = ekind, False
            if ekind == "person" and len(toks) > 1 and toks[-1].upper() in BODY_WORDS:
                fkind, own = collective_kind(infos, e.source), True
            elif ekind in ("group", "body") and pc.name_like(toks) and not all(i.transnational == "MNC" for i in infos):
                fkind, own = "person", True
            if fkind != ekind:
                form_kind_changes[f"{ekind}->{fkind}"] += 1
            form = display(toks, acr, fkind == "person" and bool(countries & EAST_ASIAN))
            letters = re.sub(r"[^A-Za-z\u00C0-\uFFFF]", "", form)
            if "\ufffd" in form:
                drop("form with an undecodable character", form)
                continue
            if len(form) < 2 or not letters:
                drop("form under 2 characters, or without a letter", form)
                continue
            if len(toks) == 1 and form.lower().strip(".") in stop:
                drop("single common word (stoplist)", form)
                continue
            canon = form if own else canonical
            for (code, s, t), info in zip(restr, infos):
                if ekind == "person" and fkind != "person" and info.sector == "elite":
                    continue  # "Obama Administration" is the government, not the man's years out of office
                rows.add((form, canon, code, info.country or "", info.sector or "", s, t, fkind))

    # exact duplicates are gone (set); also collapse forms equal but for case within one canonical/code/range
    by_key: dict[tuple, tuple] = {}
    for r in sorted(rows):
        k = (r[0].lower(),) + r[1:]
        if k in by_key:
            drop("duplicate form differing only in case", r[0])
            continue
        by_key[k] = r
    actor_rows = sorted(by_key.values(), key=lambda r: (r[0].lower(), r[0], r[1], r[2], r[5], r[6]))

    # ---- agents
    agent_rows: set[tuple[str, str, str, str]] = set()
    agent_unmapped: collections.Counter = collections.Counter()
    for phrase, code, base in read_agents(src / AGENT_FILE, notes):
        c = code.replace("~", "").strip()
        noun = agent_text(phrase)
        if "\ufffd" in noun or not re.search(r"[a-z]", noun):
            drop("agent noun with an undecodable character", noun)
            continue
        if len(noun) < 2:
            drop("agent noun under 2 characters", noun)
            continue
        sector = ""
        for x in split_code(c):  # agent codes carry no country: every element is in role position
            if x in ROLE_SECTOR or x in RELIGIONS:
                sector = ROLE_SECTOR.get(x, "religious")
                break
            if x not in MODIFIERS:
                agent_unmapped[x] += 1
        agent_rows.add((noun, sector, c, agent_text(base)))
    agent_list = sorted(agent_rows)

    # ---- write
    actor_cols = [
        ("form", "surface form as people write it (underscores -> spaces, case restored by rule: see tools/kb/README.md)"),
        ("canonical", "the dictionary entry's primary phrase, in the same casing; for a person listed inside a "
                      "group's entry (the Hamas entry lists Khaled Meshaal) and for an 'X Administration' form inside "
                      "a person's entry, the form itself"),
        ("code", "CAMEO actor code as given (RUSGOV, USAELIMIL, IGOUNOKID); '---' and fictional codes are left out"),
        ("country", "ISO 3166-1 alpha-3 from the code's first element (CAMEO exceptions mapped, e.g. TMP->TLS, "
                    "KSV->XKX; former states keep ISO 3166-3 codes SUN YUG CSK DDR SCG); empty for IGO/NGO/MNC/"
                    "regions/religions"),
        ("sector", "the first role element of the code in the project's words (GOV->government, MIL->military, ...); "
                   "empty for a country as a whole"),
        ("start", "first day the code applies, YYYY-MM-DD, empty = open"),
        ("end", "last day the code applies (inclusive), YYYY-MM-DD, empty = open"),
        ("kind", "person | body (state institution or IGO) | group (party, armed group, NGO, company, media, "
                 "religious body) | country (a country, territory or region named as a whole, its cities and "
                 "provinces)"),
    ]
    extra = [
        "Date rule (PETRARCH's): rows of one canonical entry with dates apply on those dates; a row with both",
        "start and end empty is the entry's fallback code, used when no dated row covers the date.",
        "The project's own lists (leaders.tsv, organisations.tsv, countries.tsv) win over these rows, and always for",
        "dates after 2014.",
    ]
    write_tsv(out / "phoenix_actors.tsv",
              header("named actors from the Phoenix/PETRARCH-2 actor dictionaries", ACTOR_FILES, actor_cols, extra),
              [c for c, _ in actor_cols], actor_rows)
    agent_cols = [
        ("noun", "generic agent noun, lower case (singular and plural forms are separate rows)"),
        ("sector", "from the CAMEO agent code's first role element (COP->police, REB->rebels, CHR->religious)"),
        ("code", "CAMEO agent code as given without the '~' (COP, GOVMED, REBMUS)"),
        ("base", "the dictionary phrase it comes from (the singular, or the phrase with its !PERSON!/!MINIST! "
                 "marker filled with the first value)"),
    ]
    agent_extra = ["Plurals: as given in {...}, none for {}, else a regular plural of the last word (+S, consonant+Y->IES,",
                   "S/X/Z/CH/SH->+ES, -MAN->-MEN, -PERSON->-PEOPLE); none where the head is not the last word",
                   "(chairman of the council) or the last word already ends in S."]
    write_tsv(out / "phoenix_agents.tsv",
              header("generic agent nouns from the Phoenix/PETRARCH-2 agents dictionary", [AGENT_FILE], agent_cols,
                     agent_extra),
              [c for c, _ in agent_cols], agent_list)

    # ---- stats
    persons = {r[1] for r in actor_rows if r[7] == "person"}
    stats = {
        "actor_rows": len(actor_rows),
        "agent_rows": len(agent_list),
        "distinct_forms": len({r[0].lower() for r in actor_rows}),
        "distinct_canonical": len({r[1] for r in actor_rows}),
        "distinct_people": len(persons),
        "kinds_rows": dict(collections.Counter(r[7] for r in actor_rows)),
        "kinds_entries": dict(entry_kinds),
        "form_kind_changes": dict(form_kind_changes),
        "kinds_canonical": dict(collections.Counter(k for _, k in {(r[1], r[7]) for r in actor_rows})),
        "countries": sorted({r[3] for r in actor_rows if r[3]}),
        "sectors_rows": dict(collections.Counter(r[4] for r in actor_rows)),
        "agent_sectors": dict(collections.Counter(r[1] for r in agent_list)),
        "dropped": dict(dropped),
        "dropped_examples": dropped_examples,
        "unmapped_code_elements": {k: [n, mapper.unmapped_examples[k]] for k, n in mapper.unmapped.items()},
        "agent_unmapped_code_elements": dict(agent_unmapped),
        "country_mappings": {f"{a}->{b}": n for (a, b), n in sorted(mapper.country_mapped.items()) if a != b},
        "notes": notes.notes,
        "files": {p.name: p.stat().st_size for p in (out / "phoenix_actors.tsv", out / "phoenix_agents.tsv")},
    }
    if iso is not None:
        stats["countries_not_iso"] = [c for c in stats["countries"] if c not in iso and c != "XKX"]
    if args.stats:
        Path(args.stats).write_text(json.dumps(stats, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    print(f"phoenix_actors.tsv: {len(actor_rows)} rows, {stats['distinct_people']} people, "
          f"{len(stats['countries'])} countries, {stats['files']['phoenix_actors.tsv']} bytes")
    print(f"phoenix_agents.tsv: {len(agent_list)} rows, {stats['files']['phoenix_agents.tsv']} bytes")
    print(f"dropped: {sum(dropped.values())} ({len(dropped)} reasons); source notes: {len(notes.notes)}; "
          f"unmapped code elements: {len(mapper.unmapped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
