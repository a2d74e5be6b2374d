"""Movements: who went where, when, and how sure the text is.

A place becomes a movement only when a movement cue governs it: a verb or noun of travel or
presence ("arrived at", "left ... for", "crossed", "visited", "a stop at", "trip to") with the
preposition that gives the place its role (from -> origin, to/for -> destination, via/through ->
pass, in/at -> stop). Everything else ("Washington warned", "the war in Ukraine", "Russian
President") stays a mention. The rules are shallow on purpose (no parser, no model): a sentence
is cut into items (places, times, names, words), cues are found by their word forms, each cue
governs the places that follow it up to a clause boundary, and its actor is the name, mover or
referring expression ("he", "his train", "the North Korean leader") in the clause before it.

Status: planned (future, modal, intention), reported (hedged: "reportedly", "appeared to"),
passed (a pass-through that happened), visited (what happened). A movement is historical when
its clause dates it to an earlier trip ("in 2019", "four years ago", "previously").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple

from gazetteer.models import Place
from geomap.foreign_movements import article_language, foreign_movements
from geomap.gates import literal_gate, word_start_gate
from geomap.models import (
    ActorKind,
    Article,
    Movement,
    ResolvedMention,
    Role,
    Sentence,
    Status,
    TimeSpan,
)
from geomap.timex import (
    WEEKDAYS,
    Tense,
    TimeExpression,
    detect_tense,
    find_time_expressions,
    merge_expressions,
    reference_date,
)
from geomap.wordlists import is_common_word, is_given_name

ItemKind = Literal["place", "demonym", "unknown_place", "time", "word", "punct", "name", "mover"]

# ---------------------------------------------------------------------------------------------
# Word lists (English news usage, not tied to any article)
# ---------------------------------------------------------------------------------------------

# Roles by preposition for plain motion verbs; arrival verbs turn in/at into destinations.
_MOTION_PREPS: dict[str, Role] = {
    "from": "origin", "out of": "origin", "to": "destination", "for": "destination",
    "toward": "destination", "towards": "destination", "into": "destination",
    "onto": "destination", "back to": "destination", "via": "pass", "through": "pass",
    "across": "pass", "over": "pass", "past": "pass", "along": "pass", "by way of": "pass",
    "around": "pass", "round": "pass", "close to": "stop", "down": "pass", "up": "pass",
    "in": "stop", "at": "stop", "near": "stop", "off": "stop", "outside": "stop",
    "inside": "stop",
}  # fmt: skip
_PRESENCE_PREPS: dict[str, Role] = {
    "in": "stop", "at": "stop", "near": "stop", "outside": "stop", "inside": "stop",
    "on": "stop", "off": "stop",
}  # fmt: skip
_ARRIVAL_PREPS: dict[str, Role] = {
    **_MOTION_PREPS, "in": "destination", "at": "destination", "on": "destination",
    "near": "destination", "close to": "destination",
}  # fmt: skip
_DEPARTURE_PREPS: dict[str, Role] = {
    **_MOTION_PREPS, "in": "origin", "at": "origin", "on": "origin", "near": "origin",
    "outside": "origin",
}  # fmt: skip
_PASS_PREPS: dict[str, Role] = {
    **_MOTION_PREPS, "in": "pass", "at": "pass", "near": "pass", "into": "destination",
    "close to": "pass",
}  # fmt: skip
PREPOSITIONS = sorted(
    set(_MOTION_PREPS) | set(_PRESENCE_PREPS) | {"with", "by", "of", "about", "against",
    "during", "amid", "under", "among", "despite", "including", "on", "aboard", "as",
    "within", "around", "beyond", "between", "without", "behind", "alongside"},
    key=lambda p: -len(p),
)  # fmt: skip


@dataclass(frozen=True)
class CueType:
    """A family of cue words: role of a direct-object place and roles by preposition."""

    name: str
    obj: Role | None
    preps: dict[str, Role]
    only: ActorKind | None = None  # "hit" only for storms; "beat", "faced" only for teams


_MOTION = CueType("travel", None, _MOTION_PREPS)
_ARRIVE = CueType("arrive", None, _ARRIVAL_PREPS)
_REACH = CueType("reach", "destination", _ARRIVAL_PREPS)
_LEAVE = CueType("leave", "origin", _DEPARTURE_PREPS)
_SETOFF = CueType("set off", None, _DEPARTURE_PREPS)
_CROSS = CueType("cross", "pass", _PASS_PREPS)
_PASS = CueType("pass", "pass", _PASS_PREPS)
_ENTER = CueType("enter", "destination", _ARRIVAL_PREPS)
_VISIT = CueType("visit", "stop", _PRESENCE_PREPS)
_PRESENCE = CueType("meet", None, _PRESENCE_PREPS)
_STORM_HIT = CueType("hit", "stop", {**_MOTION_PREPS, "into": "stop"}, only="storm")
# Presence without travel: someone who only spoke, signed or stayed somewhere has no journey
# (routes need another stop, or a cue of travel, before they draw one).
STATIC_CUE_FORMS = frozenset(
    {"spoke", "speak", "speaks", "speaking", "address", "addressed", "addresses", "signed", "sign",
     "signs", "appeared", "appears", "appear", "wave", "waved", "waves", "based", "remained",
     "remains", "remain", "welcomed", "greeted", "received", "hosted", "waited", "wait",
     "waits", "waiting"}
)  # fmt: skip
# Where a storm forms is where its track starts.
_STORM_FORM = CueType("form", None, _DEPARTURE_PREPS, only="storm")
# "At 17:00 its centre was located near Jarabacoa": a storm's reported position.
_STORM_POSITION = CueType("located", None, _PRESENCE_PREPS, only="storm")
# "had been spotted in Dumfries", "had seen him in Jedburgh": a sighting (hedged: reported)
_SIGHTING = CueType("sighted", None, _PRESENCE_PREPS)
# A team or convoy is where it plays, trains, gathers or is loaded ("beat Lyon in Edinburgh");
# said of a person or country these verbs rarely mean presence ("Biden beat Trump in Ohio").
_GROUP_PRESENCE = CueType("play", None, _PRESENCE_PREPS, only="group")
_LANDFALL = CueType("make landfall", None, {**_PRESENCE_PREPS, "over": "stop"})
_RETURN = CueType("return", None, _ARRIVAL_PREPS)
_FINISH = CueType("finish", None, _ARRIVAL_PREPS)
_START = CueType("start", None, _DEPARTURE_PREPS)
# Prepositions that take a place only after a verb of motion ("sailing down the coast of X"):
# "a voyage down the coast of Norway" says where the whole trip goes, not a stop on it.
_MOTION_ONLY_PREPS = ("down", "up")
_NOUN_TRIP = CueType(
    "trip",
    None,
    {**{p: r for p, r in _MOTION_PREPS.items() if p not in _MOTION_ONLY_PREPS}, "of": "stop"},
)
_NOUN_STOP = CueType("stop", None, _PRESENCE_PREPS)

# Surface forms -> cue type. Multi-word forms first (longest match wins).
_CUE_FORMS: dict[str, CueType] = {}


def _forms(cue: CueType, *words: str) -> None:
    for word in words:
        _CUE_FORMS[word] = cue


# "He crossed the line in Cangas del Narcea": a race's finish
_forms(_FINISH, "crossed the line", "crosses the line", "crossing the line")
_forms(
    _ARRIVE,
    "pulled up in",
    "pulls up in",
    "pulling up in",
    "pulled up at",
    "pulls up at",
    "pulled in at",
    "pulls in at",
    "pulled in to",
    "pulled in",
)
_forms(_SIGHTING, "seen", "spotted", "sighted", "glimpsed")
# "Its route took in Ganja", "the tour will take in Livingstone and Victoria Falls"
_forms(_VISIT, "took in", "takes in", "take in", "taking in")
# "She was found ... near Derry Lodge": where a missing traveller turned up
_forms(_PRESENCE, "was found", "were found", "been found")
# "Okello is due in Bujumbura on Thursday", "is expected in Doha next week": an arrival ahead
_forms(_ARRIVE, "due in", "due at", "expected in", "expected at")
# "On Tuesday he was in Abidjan": being somewhere, said of a traveller named in the clause
# (not "is in": "Kim Jong Un is in Pyongyang" is where he stays, no journey)
_BE_IN_FORMS = frozenset({"was in", "were in", "was at", "were at", "will be in", "will be at"})
_forms(_PRESENCE, *_BE_IN_FORMS)
_forms(_ARRIVE, "arrive", "arrives", "arrived", "arriving", "land", "lands", "landed",
       "landing", "touch down", "touches down", "touched down", "touching down", "pull into",
       "pulls into", "pulled into", "pulling into", "roll into", "rolls into", "rolled into",
       "rolling into", "dock", "docks", "docked", "docking", "berthed", "berths", "berth",
       "anchored",
       "drop anchor", "dropped anchor", "steamed into", "sailed into", "flew into", "drove into",
       "got to", "gets to", "come ashore", "came ashore", "comes ashore", "put in",
       "stepped ashore", "steps ashore", "went ashore", "goes ashore", "go ashore",
       "put into", "puts in", "arrival", "tied up", "ties up", "tying up", "moored", "eased into",
       "eases into", "crawled into", "rattled into", "chugged into", "glided into",
       "limped into", "limps into", "nosed into")  # fmt: skip
_forms(_REACH, "reach", "reaches", "reached", "reaching")
# "stood on the summit of Mount Everest": a climber's arrival
_forms(_REACH, "summited", "summitted", "summits", "stood atop", "stood on top of",
       "stood on the summit of", "topped out on")  # fmt: skip
_forms(
    _RETURN,
    "heading home",
    "head home",
    "heads home",
    "headed home",
    "flew home",
    "fly home",
    "flies home",
    "flying home",
    "sailed home",
    "sailing home",
    "went home",
    "going home",
    "travelled home",
    "traveled home",
    "drove home",
)
_forms(_RETURN, "return", "returns", "returned", "returning", "came back", "come back",
       "comes back", "went back", "go back", "headed back", "flew back", "sailed back",
       "got back", "returned home", "return home", "fly back", "flies back", "flying back",
       "was back in", "were back in", "is back in", "are back in",
       "sail back", "sailed back", "travel back", "travelled back", "traveled back",
       "head back", "heads back", "heading back", "drive back", "drove back", "due back",
       "be back", "expected back")  # fmt: skip
_forms(_LEAVE, "leave", "leaves", "left", "leaving", "depart", "departs", "departed",
       "departing", "departure", "quit", "quits", "exit", "exits", "exited", "exiting", "flee",
       "fled", "flees", "fleeing",
       "escaped from", "escapes from", "escape from", "slipped away from", "broke out of",
       "absconded from", "pull out of", "pulled out of", "rolled out of", "roll out of",
       "sailed out of", "steamed out of", "flew out of", "rolls out of",
       "pulls out of")  # fmt: skip
_forms(_SETOFF, "set off", "sets off", "setting off", "set out", "sets out", "setting out",
       "set sail", "sets sail", "setting sail", "embark", "embarks", "embarked", "embarking",
       "board", "boards", "boarded", "boarding", "took off", "take off", "takes off",
       "taken off", "taking off", "departed from", "began", "begin", "begins", "beginning",
       "begun", "lifted off", "lift off", "lifts off", "cast off", "casts off", "pushed off",
       "pushing off", "push off", "pushes off")  # fmt: skip
_forms(_START, "start", "starts", "started", "starting", "start in", "opened", "opens",
       "rolled out", "resume", "resumes", "resumed", "resuming",
       "rolls out", "get under way", "got under way", "gets under way", "kicked off",
       "kicks off", "kick off", "launched", "launches")  # fmt: skip
_forms(_FINISH, "finish", "finishes", "finished", "finishing", "crossed the finish line",
       "cross the finish line", "crosses the finish line", "crossing the finish line", "end",
       "ends", "ended", "ending", "conclude", "concludes", "concluded", "culminate", "culminates",
       "culminated", "concluding", "culminating", "wrap up", "wraps up", "wrapped up")  # fmt: skip
_forms(_MOTION, "travel", "travels", "traveled", "travelled", "traveling", "travelling",
       "head", "heads", "headed", "heading", "fly", "flies", "flew", "flown", "flying",
       "sail", "sails", "sailed", "sailing", "steam", "steamed", "steaming", "drive", "drives",
       "drove", "driven", "driving", "ride", "rides", "rode", "riding", "go", "goes", "went",
       "gone", "going", "journey", "journeys", "journeyed", "journeying", "move", "moves",
       "moved", "moving", "proceed", "proceeds", "proceeded", "continue", "continues",
       "continued", "continuing", "transferred", "walk", "walked",
       "walks", "march", "marched", "race", "raced", "races", "racing", "cycle", "cycled",
       "climb", "climbs", "climbed", "climbing", "descend", "descended", "descends",
       "track", "tracks", "tracked", "tracking", "churn", "churns", "churned", "churning",
       "swept", "sweep", "sweeps", "sweeping", "barrel", "barrelled", "barreled",
       "barreling", "spin", "spun", "drift", "drifted", "drifts", "roll", "rolls", "rolled",
       "speed", "sped", "speeding", "make its way", "made its way", "made his way",
       "made her way", "made their way", "make his way", "make her way", "make their way",
       "makes its way", "makes his way", "makes her way", "bound", "en route", "on his way",
       "on her way", "on its way", "on their way", "redeploy", "redeployed", "deployed",
       "deploy", "steer", "steered", "shuttle", "shuttled", "come", "comes", "came",
       "coming", "pushed on", "push on", "pushes on", "pushing on", "motoring", "motored",
       "rejoined", "rejoins", "rejoin",
       "took", "take", "takes", "taking", "caught", "catch", "catches", "hopped", "moved on",
       "carried", "carries", "carry",
       "moves on", "move on", "moving on", "headed on",
       "flew on", "travelled on", "traveled on", "continued on", "onward", "travel on",
       "travels on", "fly on", "flies on", "drive on", "drove on", "drives on", "sail on",
       "sailed on", "sails on", "head on", "heads on", "walk on", "walked on", "walks on",
       "press on", "pressed on", "presses on", "row", "rows", "rowed", "rowing", "rowed on",
       "paddle", "paddled", "paddling", "swam", "swim", "swims", "hike", "hiked", "hiking",
       "trek", "trekked", "trekking", "biked", "skied", "kayaked", "pedalled",
       "pedaled", "pedalled", "pedaling", "pedalling", "descending", "drifting", "proceeding",
       "freewheeled", "freewheeling", "freewheels", "jogged", "jogging", "trudged",
       "trudging", "limped", "limping", "hitchhiked", "hitchhiking", "coasted", "crawled",
       "rejoining", "rolling", "catching", "cycling", "deploying", "redeploying", "deploys",
       "redeploys", "marching", "marches", "paddles", "hikes", "treks", "shuttling", "shuttles",
       "spinning", "steering", "swimming", "swum", "taken", "walking", "transferring",
       "hopping", "biking", "kayaking", "ridden", "steams", "barrelling", "cruised",
       "cruising")  # fmt: skip
_forms(_CROSS, "cross", "crosses", "crossed", "crossing")
_forms(
    CueType("run", None, {k: v for k, v in _MOTION_PREPS.items() if v != "stop"}),
    "ran",
    "runs",
    "run",
    "running",
    "wound",
    "winds",
    "snaked",
    "snakes",
    "snaking",
    "winding",
)
_forms(_PASS, "rounded", "rounding")  # "The vessel rounded the Cape of Good Hope"
_forms(_PASS, "pass", "passes", "passed", "passing", "transit", "transits", "transited",
       "transiting", "skirt", "skirts", "skirted", "skirting", "bypass", "bypassed",
       "traverse", "traverses", "traversed", "traversing", "sped through",
       "rolled through", "rolls through", "cut through", "cuts through",
       "zigzagged", "zigzagging", "weaved", "weaving", "bypassing", "bypasses", "slipped past",
       "slips past", "slipping past", "sailed past", "sails past", "flew past", "flew over",
       "flies over", "flying over")  # fmt: skip
_forms(_ENTER, "enter", "enters", "entered", "entering")
_forms(_VISIT, "visit", "visits", "visited", "visiting", "tour", "tours", "toured",
       "touring", "inspect", "inspects", "inspected", "inspecting",
       "spend", "spends", "spent", "spending")  # fmt: skip
_forms(_PRESENCE, "meet", "meets", "met", "meeting", "hold talks", "held talks", "held",
       "talks with",
       "holding",
       "holds talks", "holding talks", "stop", "stops", "stopped", "stop over", "halted",
       "halts", "halting", "woke", "woke up", "wakes up", "waking up",
       "stopped over", "stops over", "stay", "stays", "stayed", "staying", "overnight",
       "overnighted", "attend", "attends", "attended", "attending", "address", "addressed",
       "addresses", "welcomed", "greeted", "received", "hosted", "took part", "take part",
       "taking part", "takes part", "appeared", "appears", "appear", "lay a wreath",
       "laid a wreath", "laying a wreath", "lays a wreath", "paid respects", "pay respects",
       "rested", "rest", "camped", "camp", "call at", "called at", "calls at", "calling at",
       "called in at", "call in at", "take place", "took place", "takes place",
       "taking place", "be held", "was held", "were held", "is held", "being held",
       "will be held", "spoke", "speak", "speaks", "signed", "sign", "signs",
       "sat down", "sits down", "shook hands", "slept", "sleep", "sleeps", "sleeping",
       "celebrated", "prayed", "wave", "waved", "waves",
       "performed", "performs", "perform", "performing", "played", "plays", "playing", "play",
       "gave a concert",
       "sang", "day in", "days in", "night in", "nights in", "weekend in", "week in",
       "hours in", "evening in", "morning in", "afternoon in", "stepped off", "steps off",
       "step off", "disembarked", "disembark", "disembarks", "alighted",
       "based", "remained", "remains", "remain", "visit to", "visits to", "stopping", "addressing",
       "appearing", "camping", "disembarking", "greeting", "greets", "hosting", "praying",
       "receiving", "resting", "signing", "speaking", "waving", "welcoming", "celebrating",
       "alighting")  # fmt: skip
_forms(_STORM_HIT, "hit", "hits", "hitting", "struck", "strike", "strikes", "striking",
       "slam", "slams", "slammed", "slamming", "batter", "batters", "battered", "battering",
       "lash", "lashes", "lashed", "lashing", "pound", "pounds", "pounded", "pounding",
       "ravage", "ravaged", "ravages", "pummel", "pummelled", "pummeled", "buffet", "buffeted",
       "brush", "brushed", "brushes", "brushing", "tore", "tears", "tearing", "ripped",
       "rips", "ripping", "graze", "grazed", "weaken", "weakened", "weakens",
       "weakening", "strengthen", "strengthened", "intensify", "intensified",
       "intensifies", "dissipate", "dissipated", "dissipates", "stall", "stalled",
       "inundate", "inundated", "flood", "flooded", "drench", "drenched",
       "roar", "roared", "roars", "bear down", "bore down", "bears down",
       "bearing down", "swirl", "swirled", "swirling", "strengthening", "strengthens",
       "intensifying", "dissipating", "grazing", "grazes", "inundating", "drenching",
       "pummeling", "pummelling", "ravaging", "roaring", "stalling", "stalls",
       "buffeting")  # fmt: skip
_forms(_LANDFALL, "make landfall", "made landfall", "makes landfall", "making landfall",
       "landfall")  # fmt: skip
_forms(_GROUP_PRESENCE, "beat", "beats", "faced", "face", "faces", "facing", "lost to",
       "lose to", "loses to", "drew with", "draw with", "draws with", "defeated", "defeats",
       "thrashed", "beating", "defeating", "edged", "won", "wins", "trained", "trains",
       "assembled", "assembles", "gathered", "gathers", "regrouped", "loaded")  # fmt: skip
_forms(
    _PRESENCE,
    "waited",
    "wait",
    "waits",
    "waiting",
    "queued",
    "parked",
    "stuck",
    "stranded",
    "marooned",
    "paused",
    "pauses",
    "pausing",
    # shelter and changes on the way: "found shelter with relatives in Wad Madani"
    "found shelter",
    "took shelter",
    "sought shelter",
    "took refuge",
    "sought refuge",
    "found refuge",
    "sheltered",
    "changing planes in",
    "changed planes in",
    "change planes in",
    "changing trains in",
    "changed trains in",
    # where a traveller turned up in pictures and posts
    "pictured in",
    "pictured at",
    "photographed in",
    "photographed at",
    "photographed outside",
    "filmed in",
    "posted from",
    "sat at",
    "sat in",
    # where a tracked animal rests: "placed her roosting on the White Nile near Malakal"
    "roosting",
    "roosted",
    "roosts",
    "foraging",
    "foraged",
    "wintering",
    "wintered",
)
# Where one wanted person was caught: "was arrested in Katherine on Wednesday" (not "Two men
# were arrested in Cyprus": a group caught is no one the story follows).
_forms(CueType("arrested", None, _PRESENCE_PREPS, only="person"), "was arrested",
       "been arrested", "was detained", "been detained", "was captured", "been captured",
       "was apprehended", "was caught")  # fmt: skip
_forms(_MOTION, "tow", "tows", "towed", "towing", "escorted", "escorts", "escort")
# Slow or noisy going in features: "crept across the frontier to Erenhot"
_forms(_MOTION, "crept", "creep", "creeps", "creeping", "inched", "inching", "trundled",
       "trundling", "trundles", "rumbled", "rumbling", "rumbles", "lumbered", "lumbering",
       "clattered", "clattering", "snaked", "snaking", "meandered", "meandering", "chugged",
       "chugging")  # fmt: skip
# "forced the aircraft to divert to Rarotonga"
_forms(_MOTION, "divert", "diverts", "diverted", "diverting", "rerouted", "rerouting")
_forms(
    CueType("pick up", "stop", {**_PRESENCE_PREPS, "from": "stop", "off": "stop"}),
    "picked up", "picks up", "pick up", "picking up",
)  # fmt: skip
_forms(_STORM_FORM, "formed", "forms", "forming", "developed", "developing", "spawned",
       "spun up", "took shape", "takes shape", "taking shape")  # fmt: skip
_forms(_STORM_POSITION, "located", "centred", "centered", "positioned")
_forms(
    CueType("dump", "stop", {**_PRESENCE_PREPS, "on": "stop", "over": "stop", "across": "stop"},
            only="storm"),
    "dumping", "dumped", "dumps", "dropping", "dropped", "unleashed", "unleashing", "bringing",
    "brought", "brings",
)  # fmt: skip
# Nouns of travel: "his trip to X", "a visit to X", "a stop at X", "the stage from X to Y".
_forms(_NOUN_TRIP, "trip", "trips", "journey", "voyage", "flight", "tour of", "stage",
       "leg", "crossing", "passage", "expedition", "odyssey", "drive", "ride",
       "cruise", "route", "visit", "hop")  # fmt: skip
_forms(_NOUN_STOP, "stop at", "stop in", "stopover in", "stopover at", "a stop", "break in",
       "show in", "show at", "concert in", "concert at", "gig in", "gig at", "performance at",
       "performance in", "performances in", "performances at",
       "halt at", "halt in", "halt was at", "halt was in", "stop was", "stop will be",
       "rest day in", "pause in", "layover in", "stay in", "visit in", "stopover", "layover",
       "port of call", "halt", "call")  # fmt: skip

_NOUN_FORMS = frozenset(
    {"trip", "trips", "journey", "voyage", "flight", "tour of", "stage", "leg", "crossing",
     "passage", "expedition", "odyssey", "drive", "ride", "cruise", "route", "visit",
     "stop at", "stop in", "stopover in", "stopover at", "a stop", "layover in", "stay in",
     "visit in", "stopover", "layover", "arrival", "departure", "visit to", "visits to",
     "halt at", "halt in", "halt was at", "halt was in", "show in", "show at", "concert in",
     "concert at", "gig in", "gig at", "hop", "stop was", "stop will be", "performance at",
     "performance in", "performances in", "performances at"}
)  # fmt: skip
# Noun forms that are also verb forms: nouns only after a determiner or possessive.
_AMBIGUOUS_NOUNS = frozenset({"visit", "trip", "drive", "ride", "flight", "stage", "route",
                              "cruise", "leg", "crossing", "passage", "tour of",
                              "hop"})  # fmt: skip
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
     "another", "first", "second", "third", "next", "last", "latest", "final", "planned",
     "upcoming", "expected", "possible", "potential", "proposed", "rare", "historic",
     "surprise", "state", "official", "brief", "two-day", "three-day", "four-day",
     "five-day", "week-long", "weeklong", "day-long", "overnight", "whirlwind", "rumored",
     "rumoured", "reported", "recent", "previous", "earlier", "each", "every", "one",
     "scheduled", "long", "short", "hour-long", "mid-morning", "unannounced",
     "landmark", "forthcoming", "anticipated", "mooted", "subsequent", "onward",
     "return", "maiden", "inaugural", "secret", "private", "working", "flying", "day's",
     "week's", "opening", "closing", "queen", "king", "mountain", "flat", "hilly",
     "individual", "time", "trial", "km", "kilometre", "kilometer", "mile", "long-haul",
     "cross-country", "overland", "rail", "train", "road", "sea", "air", "bus", "car",
     "ferry", "boat", "helicopter", "motorcade", "armored", "armoured", "highly-publicised",
     "closely-watched", "much-anticipated", "seven-day", "six-day", "10-day"}
)  # fmt: skip

_PLANNED_ADJECTIVES = frozenset(
    {"planned", "upcoming", "expected", "possible", "potential", "proposed", "rumored",
     "rumoured", "forthcoming", "anticipated", "mooted", "scheduled", "future", "next",
     "prospective", "likely", "imminent", "pending"}
)  # fmt: skip

# Clause boundaries: the scope of a cue ends here, and its subject is looked for after them.
_BOUNDARY_WORDS = frozenset(
    {"where", "which", "who", "whom", "whose", "that", "when", "while", "whereas", "because",
     "although", "though", "but", "if", "unless", "said", "says", "say", "told", "tells",
     "according", "than", "before", "after", "since", "until", "as", "once", "whether",
     "reported", "announced", "added", "confirmed", "stated", "claimed", "warned",
     "insisted", "noted", "explained", "wrote", "tweeted", "posted", "showed", "shows",
     "so", "yet", "whilst", "nor", "thereby", "whereupon"}
)  # fmt: skip
_BOUNDARY_PUNCT = frozenset({";", ":", "(", ")", '"', "“", "”", "—", "–", "?", "!", "[", "]"})

# Words that may stand between a cue and its place without ending the cue's scope.
_FILLER_WORDS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "then", "also",
     "later", "finally", "first", "again", "directly", "briefly", "eventually", "soon",
     "quickly", "slowly", "straight", "back", "home", "on", "onward", "onwards", "further",
     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northward", "southward", "eastward", "westward", "northwards", "southwards",
     "eastwards", "westwards", "inland", "offshore", "overland", "nearby", "neighbouring",
     "neighboring", "northern", "southern", "eastern", "western", "central", "far",
     "remote", "coastal", "capital", "city", "town", "village", "port", "border", "region",
     "province", "state", "island", "islands", "area", "outskirts", "suburbs", "centre",
     "center", "heart", "coast", "shores", "shore", "mouth", "banks", "bank", "downtown",
     "old", "new", "historic", "sprawling", "tiny", "small", "large", "major", "key",
     "strategic", "seaside", "mountain", "mountainous", "resort", "airport", "airfield",
     "base", "station", "railway", "rail", "train", "terminal", "harbour", "harbor",
     "bridge", "river", "sea", "gulf", "bay", "strait", "straits", "peninsula", "cape",
     "up", "down", "out", "off", "around", "about", "some", "roughly", "nearly", "almost",
     "just", "only", "km", "kilometres", "kilometers", "miles", "mile", "kilometre",
     "kilometer", "away", "from", "and", "or", "by", "plane", "car", "road", "air", "ship",
     "boat", "ferry", "helicopter", "jet", "motorcade", "convoy", "bus", "foot",
     "bicycle", "bike", "armoured", "armored", "special", "private", "presidential",
     "official", "military", "cargo", "passenger", "flight", "flights", "overnight",
     "late", "early", "together", "alone", "via", "largest", "biggest",
     "second-largest", "second", "main", "twin", "sister", "frontier", "frontline",
     "front-line", "eastern-most", "northernmost", "southernmost", "easternmost",
     "westernmost", "far-eastern", "southeastern", "northeastern", "southwestern",
     "northwestern", "mid", "upper", "lower", "inner", "outer", "greater", "ancient",
     "holy", "sacred", "industrial", "financial", "commercial", "spaceport", "space",
     "launch", "site", "complex", "facility", "cosmodrome", "naval", "army", "hub",
     "gateway", "waters", "territory", "district", "municipality", "county", "prefecture",
     "oblast", "krai", "canal", "lake", "valley", "desert", "plain", "plains", "delta",
     "hills", "highlands", "lowlands", "stage", "finish", "start", "line", "summit",
     "top", "side", "part", "parts", "edge", "tip", "end", "shoreline",
     "coastline", "seaport", "river-port", "state-run", "famed", "famous", "picturesque",
     "popular", "bustling", "war-torn", "quake-hit", "flood-hit", "storm-hit",
     "besieged", "embattled", "disputed", "occupied", "annexed", "breakaway", "rebel-held",
     "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
     "few", "many", "dozen", "dozens", "hundreds", "thousands", "half"}
)  # fmt: skip
# "X city of Y": the first place only qualifies the second.
_DESCRIPTOR_NOUNS = frozenset(
    {"city", "town", "village", "port", "capital", "region", "province", "state", "island",
     "islands", "area", "outskirts", "suburbs", "suburb", "centre", "center", "heart",
     "coast", "district", "county", "municipality", "prefecture", "oblast", "krai",
     "republic", "territory", "enclave", "exclave", "peninsula", "resort", "hub", "gateway",
     "seaport", "harbour", "harbor", "settlement", "hamlet", "metropolis", "megacity",
     "archipelago", "atoll", "valley", "waters", "shores", "banks", "mouth", "islet", "tip",
     "edge", "part", "parts", "interior", "summit", "top", "peak", "foot"}
)  # fmt: skip

# "without leaving the terminal": what another verb of the sentence was done without.
_WITHOUT_PHRASE_RE = re.compile(r"\bwithout\b[^,.;]*", re.IGNORECASE)
_WITHOUT_GERUND_RE = re.compile(r"\bwithout (?:\w+ )?\w+ing\b", re.IGNORECASE)
# What denies a whole clause ("a planned trip to X was called off"): all that counts after the
# places ("without going ashore, to avoid the paperwork" says how a place was passed) ...
_CLAUSE_DENIALS = (
    r"not|never|no longer|didn't|did not|won't|will not|wouldn't|would not|hasn't|has not|"
    r"haven't|have not|isn't|is not|wasn't|was not|cannot|can't|couldn't|could not|"
    r"cancell?ed|called off|postponed|scrapped|ruled out|denied|"
    # "had been due in Tbilisi", "a visit that was to have closed her tour": a plan undone
    r"had been (?:due|expected|scheduled|supposed|set)|(?:was|were) to have"
)
_LATE_NEGATION_RE = re.compile(rf"\b(?:{_CLAUSE_DENIALS})\b", re.IGNORECASE)
# ... and, before the place, also what denies the place itself ("without visiting Kyiv").
_NEGATION_RE = re.compile(
    rf"\b(?:{_CLAUSE_DENIALS}|no plans?|refused|declined|instead of|rather than|skipped|skip|"
    r"avoided|avoid|without(?! an? ))\b",  # "without a stop longer than ...": how, not whether
    re.IGNORECASE,
)
_PLANNED_RE = re.compile(
    r"\b(?:will|would|shall|could|can|(?-i:may)|might|should|must|to be|is to|are to|"
    r"(?:is|are|was|were|be|been|being) (?:now |still |also |then |currently )?"
    r"(?:expected|set|due|scheduled|slated|poised|"
    r"planning|going|likely|tipped|invited|preparing|about|ready|supposed|hoping|"
    r"forecast|predicted|projected)|plans?|planned|intends?|intended|hopes?|hoped|aims?|"
    r"aimed|wants?|wanted|proposed|proposes|considering|considers|mulls|mulling|"
    r"eyeing|eyes|seeks?|sought|prepares|preparing|expects?|promised|pledged|vowed|"
    r"agreed|offered|invited|scheduled|likely|unlikely|possibly|potentially|perhaps|"
    r"tomorrow|(?<!was the )(?<!were the )next(?! (?:day|morning|afternoon|evening|night)\b)|"
    r"upcoming|forecasters?|"
    r"forecast|predicted|projected|would-be|whether)\b|'ll\b",
    re.IGNORECASE,
)
_PAST_MODAL_RE = re.compile(
    r"\b(?:may|might|could|must|would|should) (?:well |also |have |already )*have\b",
    re.IGNORECASE,
)
_HEDGE_RE = re.compile(
    r"\b(?:reportedly|unconfirmed|unverified|rumou?r(?:s|ed)?|(?:is|are|was|were) believed|"
    r"believed to|appear(?:s|ed)? to|seem(?:s|ed)? to|(?:is|are|was|were) said to|"
    r"allegedly|purportedly|apparently|supposedly|according to (?:\w+ )?(?:media |press |"
    r"news )?reports|media reports|foreign media|reports (?:said|say|suggest(?:ed)?)|"
    r"(?:is|are|was|were) reported to|it is understood|sources said|sources say|"
    r"may have|might have|could have|spotted|sighted|satellite (?:images|imagery|photos))\b",
    re.IGNORECASE,
)
_HISTORICAL_RE = re.compile(
    r"\b(?:previously|formerly|last time|the last time|in the past|years? ago|"
    # "back in 2019", "back in March", but not "due back in Jakarta"
    r"back in (?:\d{4}|the (?:\d{2,4}s|early|late|mid|days)|(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December|spring|summer|autumn|fall|"
    r"winter)\b)|"
    r"decades? ago|once before|earlier trip|previous trip|previous visit|earlier visit|"
    r"last (?:summer|winter|spring|autumn|fall|season)|"
    r"(?:as|like) (?:he|she|they|it) "
    r"(?:had |previously )?did|historic(?:al)?ly)\b",
    re.IGNORECASE,
)
_PROGRESSIVE_RE = re.compile(
    r"\b(?:heading|headed for|bound|en route|on (?:his|her|its|their) way|making (?:its|his|"
    r"her|their) way|moving|travell?ing|sailing|steaming|flying|driving|racing|"
    r"approaching|bearing down|churning|barrell?ing|tracking)\b",
    re.IGNORECASE,
)

_PERSON_TITLES = frozenset(
    {"president", "president-elect", "prime", "minister", "premier", "chancellor", "king",
     "queen", "prince", "princess", "emperor", "empress", "pope", "sheikh", "emir", "sultan",
     "governor", "senator", "secretary", "secretary-general", "leader", "mayor",
     "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman",
     "chairwoman", "chair", "general", "gen", "admiral", "adm", "colonel", "col", "captain",
     "capt", "commander", "cmdr", "marshal", "mr", "mrs", "ms", "miss", "dr", "sir", "dame",
     "lord", "lady", "saint", "st", "rev", "reverend", "father", "cardinal", "archbishop",
     "bishop", "lt", "sgt", "rep", "sen", "gov", "pres", "chief", "director", "head",
     "commissioner", "justice", "judge", "dictator", "monarch", "pontiff", "lawmaker",
     "congressman", "congresswoman", "mp", "deputy", "vice", "first", "crown", "supreme",
     "grand", "duke", "duchess", "count", "countess", "baron", "shah", "tsar", "czar",
     "ayatollah", "rabbi", "imam", "patriarch", "metropolitan", "cosmonaut", "astronaut",
     "officer", "coach", "skipper", "driver", "rider", "explorer", "sailor", "pilot",
     "climber", "mountaineer", "champion", "star", "singer", "actor", "actress",
     "ceo", "founder", "official", "diplomat", "aide", "adviser", "advisor", "negotiator",
     "delegate", "representative", "foreign", "defense", "defence", "interior", "finance",
     "natural", "resources", "economy", "trade", "state", "national", "security",
     "former", "acting", "interim", "senior", "assistant", "press", "army",
     "navy", "air", "force", "space", "agency", "health", "energy", "culture", "tourism",
     "transport", "education", "labour", "labor", "environment", "development",
     "affairs", "cabinet", "chief-of-staff", "nuclear", "atomic", "party", "general-secretary",
     "managing", "executive", "prosecutor", "inspector", "special", "royal", "highness",
     "majesty", "his", "her", "holiness", "excellency"}
)  # fmt: skip
# Capitalised words that are never part of a person's name.
_NOT_NAME_WORDS = frozenset(
    {"the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "with", "after", "before",
     "around", "christmas", "easter",
     "during", "since", "as", "but", "and", "or", "so", "yet", "if", "when", "while", "then",
     "now", "later", "earlier", "meanwhile", "however", "also", "still", "some", "many",
     "instead", "finally", "eventually", "soon", "together",
     "most", "both", "several", "officials", "according", "last", "next", "one", "two",
     "three", "what", "who", "why", "how", "this", "that", "these", "those", "there", "here",
     "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
     "my", "your", "i’m", "i'm", "following", "years", "years’", "years'", "days", "months",
     "weeks", "hours", "thirty", "twenty", "forty", "fifty", "hundred", "thousand", "six",
     "seven", "eight", "nine", "ten", "eleven", "twelve", "four", "five", "despite", "amid",
     "among", "under", "over", "into",
     "through", "via", "about", "against", "without", "within", "upon", "once", "until",
     "although", "though", "because", "unless", "whether", "afterwards", "today",
     "yesterday", "tomorrow", "tonight", "kremlin", "white", "house", "ministry", "council",
     "agency", "news", "times", "post", "journal", "reuters", "ap", "afp", "press", "party",
     "forum", "university", "department", "office", "army", "navy", "force", "forces",
     "command", "bank", "fund", "union", "organization", "organisation", "committee",
     "court", "congress", "parliament", "senate", "government", "institute", "company",
     "corp", "inc", "ltd", "group", "airlines", "airways", "air", "railways", "railway",
     "station", "airport", "port", "cosmodrome", "center", "centre", "summit", "games",
     "olympics", "cup", "championship", "championships", "league", "association",
     "federation", "foundation", "museum", "palace", "hall", "square", "street", "road",
     "avenue", "bridge", "river", "sea", "ocean", "lake", "mountain", "mount", "mt",
     "national", "international", "world", "global", "security", "economic", "eastern",
     "western", "northern", "southern", "central", "north", "south", "east", "west",
     "korean", "war", "peace", "day", "week", "month", "year", "live", "update", "updates",
     "breaking", "photo", "video", "file", "read", "more", "related", "click", "source",
     "link", "advertisement", "share", "comments", "getty", "images", "pool",
     "fox", "sputnik", "yonhap",
     "xinhua", "kyodo", "jazeera", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
     "july", "august", "september", "october", "november", "december", "sept", "jan",
     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "gmt", "utc",
     "covid", "covid-19", "prime", "minister",
     "president", "foreign", "defense", "defence", "chinese", "russian", "american",
     "british", "french", "german", "japanese", "indian", "stage", "tour", "rally",
     "race", "grand", "prix", "hurricane", "typhoon", "cyclone", "storm", "tropical",
     "depression", "super", "uss", "hms", "inc.", "co", "plc", "llc", "team",
     "squad", "club", "fc", "ltd.", "state", "states", "united", "republic", "democratic",
     "people's", "peoples", "federal", "royal", "imperial", "space", "launch", "base",
     "expo", "conference", "festival", "marathon", "regatta",
     "episode", "chapter", "section", "part", "figure", "table", "note", "editor",
     "editors", "reporting", "additional", "writing", "copyright", "all", "rights",
     "reserved", "mission", "operation", "project", "program", "programme", "plan",
     "treaty", "accord", "agreement", "deal", "act", "law", "bill", "embassy",
     "consulate", "cathedral", "church", "mosque", "temple", "shrine", "castle", "fort",
     "stadium", "arena", "park", "garden", "gardens", "zoo", "hotel", "tower", "gate",
     "wall", "monument", "memorial", "cemetery", "hospital", "school", "college",
     "academy", "library", "theatre", "theater", "opera", "gallery", "market", "mall",
     "plaza", "terminal", "pier", "wharf", "dock", "harbour", "harbor", "canal",
     "highway", "motorway", "freeway", "expressway", "route", "line", "express",
     "flight", "train", "ship", "vessel", "carrier", "coast", "guard", "marine",
     "marines", "corps", "brigade", "division", "regiment", "battalion", "fleet",
     "squadron", "wing", "cabinet", "assembly", "lords", "commons",
     "dail", "duma", "knesset", "bundestag", "diet", "majlis", "politburo", "supreme", "high",
     "tribunal", "reserve", "exchange", "stock", "index"}
)  # fmt: skip
_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "der",
        "van",
        "von",
        "bin",
        "al",
        "el",
        "la",
        "le",
        "di",
        "du",
        "dos",
        "das",
        "ibn",
        "ben",
        "bint",
        "ter",
        "zu",
    }
)

_STORM_RE = re.compile(
    r"\b(?P<cls>(?:Super |Severe |Major )?(?:Tropical Storm|Tropical Cyclone|Tropical "
    r"Depression|Post-Tropical Cyclone|Hurricane|Super Typhoon|Typhoon|Cyclone|Storm|"
    r"Subtropical Storm|Medicane))\s+(?P<name>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\b"
    # "the National Hurricane Center", "Storm Prediction Center": an office, no storm
    r"(?!\s+(?:Center|Centre|Hunters?|Warning|Watch|Service|Office|Season)\b)"
    # "Storm Signal No. 4", "Storm Warning No. 2": a warning level, no storm
    r"(?!\s+(?:No\.?|Number|Level)\s*\d)"
    r"(?<!Center)(?<!Centre)(?<!Hunters)(?<!Hunter)(?<!Season)(?<!Warning)(?<!Watch)"
    r"(?<!Signal)(?<!Signals)"
)
_SHIP_PREFIX_RE = re.compile(
    r"\b(?P<prefix>USS|USNS|HMS|HMAS|HMCS|HMNZS|INS|RFS|MV|M/V|MS|SS|RV|R/V|FS|JS|CNS|"
    r"HNLMS|RMS|NS|KRI|BRP|ROKS|TCG|ITS|ESPS|SAS|HDMS|HNoMS|HSwMS|FGS|PNS|CCGS|USCGC)\s+"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|de|la|del))*)"
)
_SHIP_NOUN_RE = re.compile(
    r"\b(?:the\s+)?(?:[a-z-]+\s+)?(?P<cls>ship|vessel|carrier|ferry|yacht|liner|tanker|freighter|"
    r"icebreaker|frigate|destroyer|submarine|schooner|cutter|trawler|barque|clipper|"
    r"cruiser|corvette|dhow|catamaran|trimaran|aircraft|plane|airship|balloon|spacecraft|"
    r"airliner|glider)\s+(?:the\s+)?(?P<name>[A-Z][\w’'.-]*"
    r"(?:\s+(?:[A-Z][\w’'.-]*|of|the|de|la))*(?:\s+\d{1,3}\b)?)"
)
_RACE_RE = re.compile(
    r"\b(?P<name>Tour de France(?: Femmes)?|Giro d[’']Italia|Vuelta a Espa[ñn]a|Vuelta|"
    r"Tour Down Under|Tour of (?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?|Tour de [A-Z][\w’'-]+|"
    r"Dakar Rally|Paris[- ]Dakar|Rally [A-Z][\w’'-]+|[A-Z][\w’'-]+ Rally|Safari Rally|"
    r"Volvo Ocean Race|Ocean Race|Vend[ée]e Globe|Clipper Race|Iditarod|"
    r"Mille Miglia|Cannonball Run|Gumball 3000|Peking to Paris|"
    r"(?!The\b)[A-Z][\w’'-]+ (?:Cycling )?Tour|Route du Rhum|Sydney to Hobart|"
    r"Sydney-Hobart|Transat Jacques Vabre|Olympic torch relay|Olympic torch|"
    r"[A-Z][\w’'-]+ Marathon|Grand Tour)\b"
)

# An aircraft by its type: "An Antonov An-124 Ruslan ... The An-124 took off", "a C-17".
_AIRCRAFT_RE = re.compile(
    r"\b(?P<name>(?:An|Il|Tu|C|KC)-\d{2,3}[A-Z]?|Boeing 7[0-8]7(?:-\d{1,3})?|Airbus A3\d\d)"
    r"(?![\w-])"
)

# Literal strings each mover pattern needs: a sentence without any of them skips the pattern
# (the patterns try a match at every word; the substring tests are far cheaper).
_MOVER_GATES: dict[re.Pattern[str], tuple[str, ...]] = {
    _STORM_RE: ("Storm", "Hurricane", "Typhoon", "Cyclone", "Depression", "Medicane"),
    _SHIP_PREFIX_RE: ("USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "RFS", "MV", "M/V",
                      "MS", "SS", "RV", "R/V", "FS", "JS", "CNS", "HNLMS", "RMS", "NS", "KRI",
                      "BRP", "ROKS", "TCG", "ITS", "ESPS", "SAS", "HDMS", "HNoMS", "HSwMS", "FGS",
                      "PNS", "CCGS", "USCGC"),
    _SHIP_NOUN_RE: ("ship", "vessel", "carrier", "ferry", "yacht", "liner", "tanker",
                    "freighter", "icebreaker", "frigate", "destroyer", "submarine", "schooner",
                    "cutter", "trawler", "barque", "clipper", "cruiser", "corvette", "dhow",
                    "catamaran", "trimaran", "aircraft", "plane", "airship", "balloon",
                    "spacecraft", "airliner", "glider"),
    _AIRCRAFT_RE: ("An-", "Il-", "Tu-", "C-", "KC-", "Boeing 7", "Airbus A3"),
    _RACE_RE: ("Tour", "Giro", "Vuelta", "Dakar", "Rally", "Ocean Race", "Vend", "Clipper Race",
               "Iditarod", "Mille Miglia", "Cannonball Run", "Gumball 3000", "Peking to Paris",
               "Route du Rhum", "Sydney", "Transat Jacques Vabre", "Olympic torch", "Marathon"),
}  # fmt: skip


# Each gate as one search: does the text hold any of the literals?
_GATE_RES: dict[re.Pattern[str], re.Pattern[str]] = {
    pattern: literal_gate(literals) for pattern, literals in _MOVER_GATES.items()
}


# Every literal of every gate: a text without any has no mover at all. Two gates, for the
# literals that start with a capital and for the others (the nouns before a ship's name): each
# scans faster than one for all, for fewer characters can start a literal.
_ANY_GATE_RES = tuple(
    literal_gate(
        lit for literals in _MOVER_GATES.values() for lit in literals if lit[0].isupper() == upper
    )
    for upper in (True, False)
)


def _may_hold_mover(text: str) -> bool:
    """Whether the text passes the gates of all mover patterns (`_ANY_GATE_RES`)."""
    return any(gate.search(text) is not None for gate in _ANY_GATE_RES)


def _gated(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped when the text lacks every literal the pattern needs."""
    if _GATE_RES[pattern].search(text) is not None:
        yield from pattern.finditer(text)


def _gated_any(pattern: re.Pattern[str], text: str) -> bool:
    """Does `pattern` match anywhere in `text` (the gate first)?"""
    return _GATE_RES[pattern].search(text) is not None and pattern.search(text) is not None


# Referring expressions: what kind of actor they point back to.
_PRONOUNS: dict[str, ActorKind | None] = {
    "he": "person", "she": "person", "him": "person", "they": None, "it": None,
    "i": "person", "me": "person", "them": None, "we": "person",
}  # fmt: skip
_VEHICLE_NOUNS = frozenset(
    {"train", "sleeper", "motorcade", "convoy", "column", "plane", "jet", "aircraft", "car",
     "helicopter",
     "limousine", "entourage", "delegation", "party", "yacht", "cortege", "caravan",
     "flight", "airplane", "aeroplane", "boat", "ship", "vessel", "bus", "coach",
     "special train", "armoured train", "armored train", "private jet", "team", "crew",
     "couple", "family", "wife", "husband", "group"}
)  # fmt: skip
_STORM_NOUNS = frozenset(
    {
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "system",
        "depression",
        "remnants",
        "eye",
        "eyewall",
        "center",
        "centre",
        "tempest",
    }
)
_SHIP_NOUNS = frozenset(
    {"ship", "vessel", "carrier", "ferry", "yacht", "liner", "tanker", "freighter",
     "icebreaker", "frigate", "destroyer", "submarine", "schooner", "cutter", "crew",
     "flotilla", "strike group", "warship", "boat", "cruiser", "corvette", "fleet",
     "flagship", "convoy", "catamaran", "trimaran", "sailors", "barge", "tug", "trawler",
     "steamer", "riverboat", "dhow", "sloop", "ketch", "dinghy", "canoe", "raft", "lifeboat"}
)  # fmt: skip
# One vessel of its own, not a group of them or their crew: "a hospital barge".
_SINGLE_VESSELS = _SHIP_NOUNS - {"crew", "sailors", "convoy", "fleet", "flotilla",
                                 "strike group", "boat", "ferry"}  # fmt: skip
_RACE_NOUNS = frozenset(
    {"peloton", "race", "riders", "rider", "stage", "rally", "field", "drivers", "crews",
     "caravan", "competitors", "cyclists", "runners", "pack", "breakaway", "leaders",
     "bunch", "fleet", "relay", "torch", "flame", "entrants", "boats", "yachts", "teams",
     "participants", "stage winner", "leg", "tour"}
)  # fmt: skip
_EVENT_NOUNS = frozenset(
    {
        "summit",
        "meeting",
        "talks",
        "visit",
        "trip",
        "ceremony",
        "encounter",
        "tour",
        "journey",
        "voyage",
    }
)
_GROUP_WORDS = frozenset(
    {"team", "delegation", "officials", "troops", "soldiers", "forces", "tourists",
     "refugees", "migrants", "people", "residents", "protesters", "journalists",
     "reporters", "diplomats", "ministers", "leaders", "delegates", "envoys", "experts",
     "inspectors", "workers", "staff", "aides", "children", "students", "fans", "pilgrims",
     "passengers", "crowds", "civilians", "group", "groups", "members", "activists",
     "analysts", "observers", "investigators", "police", "army", "militants", "rebels",
     "fighters", "units", "battalion", "brigade", "division", "russia", "china", "ukraine",
     "washington", "moscow", "beijing", "kyiv", "seoul", "tokyo", "pyongyang", "others",
     "some", "many", "most", "nobody", "no", "none", "everyone", "someone", "anyone",
     "two", "both", "couple", "pair", "family", "families", "visitors", "guests",
     "athletes", "players", "squad", "shells", "missiles", "weapons", "drones", "rockets",
     "shipments", "cargo", "aid", "supplies", "goods", "grain", "oil", "gas", "money",
     "report", "reports", "newspaper", "agency", "media", "source", "sources", "spokesman",
     "spokeswoman", "official", "analyst", "expert", "diplomat", "intelligence", "envoy",
     "minister", "ambassador", "lawmaker", "kremlin", "ministry", "government", "it",
     "which", "that", "this", "these", "those", "we", "i", "you", "russians", "americans"}
)  # fmt: skip
_SUBJECT_FILLERS = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
     "would", "could", "can", "may", "might", "shall", "should", "must", "to", "also",
     "then", "later", "finally", "first", "soon", "already", "reportedly", "likely",
     "expected", "set", "due", "scheduled", "slated", "poised", "planning", "plans",
     "planned", "plan", "intends", "intended", "hopes", "hoped", "aims", "wants", "going",
     "about", "preparing", "prepares", "ready", "not", "never", "just", "briefly",
     "eventually", "again", "once", "still", "now", "and", "subsequently",
     "afterwards", "immediately", "quickly", "duly", "indeed", "apparently",
     "allegedly", "believed", "said", "thought", "understood", "appeared", "appears",
     "seemed", "seems", "did", "does", "do", "in", "on", "at", "by", "from", "with",
     "the", "a", "an", "early", "late", "last", "next", "this", "that", "week",
     "morning", "evening", "afternoon", "night", "after", "before", "day", "days",
     "hours", "hour", "minutes", "earlier", "previously", "tipped", "invited",
     "proposed", "agreed", "promised", "vowed", "pledged", "offered", "decided",
     "chose", "managed", "able", "unable", "forced", "yet", "safely", "officially", "formally",
     "personally", "himself", "herself",
     "themselves", "itself", "own", "traveling", "travelling", "onboard", "aboard",
     "probably", "possibly", "perhaps", "certainly", "surely", "widely",
     "speculated", "supposed", "hoping", "seeking", "seeks", "considering", "mulling",
     "wanted", "want", "need", "needs", "needed", "tried", "tries", "try", "attempt",
     "attempted", "attempting", "went", "over", "top", "slowly", "rapidly",
     "gradually", "steadily", "well", "far", "much", "more", "less", "further",
     "initially", "originally", "year", "month", "weeks", "months", "years",
     "following", "ago", "since", "during", "while", "of", "for", "as", "its", "his",
     "half", "moment", "couple", "few", "several", "two", "three", "four", "five",
     "her", "their", "up", "out", "down", "back", "off", "forward", "ahead"}
)  # fmt: skip
_COARSE_KINDS = frozenset({"country", "continent"})

# "2,000" is one word: a comma inside a number ends no clause.
_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+|[^\W_]+(?:[’'\-.&][^\W_]+)*\.?|[^\w\s]", re.UNICODE)


# ---------------------------------------------------------------------------------------------
# Items: the sentence cut into places, times, names and words
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Item:
    kind: ItemKind
    start: int  # offsets in the article text
    end: int
    text: str
    low: str = ""
    resolved: ResolvedMention | None = None
    time: TimeExpression | None = None
    actor: ActorRef | None = None

    def __init__(
        self,
        kind: ItemKind,
        start: int,
        end: int,
        text: str,
        low: str = "",
        resolved: ResolvedMention | None = None,
        time: TimeExpression | None = None,
        actor: ActorRef | None = None,
    ) -> None:
        """The dataclass's own __init__, written out: mypyc compiles this one, whereas the
        generated one stays interpreted (about five times slower), and an article makes a few
        hundred items."""
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.low = low
        self.resolved = resolved
        self.time = time
        self.actor = actor


@dataclass(frozen=True)
class ActorRef:
    """A name, mover or referring expression found in a sentence."""

    kind: ActorKind | None  # None: a pronoun or noun that takes the kind of its antecedent
    name: str | None  # the name as written, None for referring expressions
    anaphor: str | None = None  # "he", "his train", "the leader", "the storm"
    titles: frozenset[str] = frozenset()


@dataclass
class Actor:
    """An actor known in the article: canonical name, kind, and the titles seen with it."""

    name: str
    kind: ActorKind
    titles: set[str] = field(default_factory=set)
    mentions: int = 0


_POSSESSIVE_END_RE = re.compile(r"[’']s$")
_NAME_GAPS_RE = re.compile(r"[\s\-‐]+")
_NORM_NAMES: dict[str, str] = {}  # a pure function of its text: cached across articles


def _norm_name(text: str) -> str:
    norm = _NORM_NAMES.get(text)
    if norm is None:
        if len(_NORM_NAMES) > 100_000:
            _NORM_NAMES.clear()
        stripped = _POSSESSIVE_END_RE.sub("", text.strip())
        norm = _NORM_NAMES[text] = _NAME_GAPS_RE.sub(" ", stripped).casefold()
    return norm


def _is_capitalised(token: str) -> bool:
    return bool(token) and token[0].isupper()


# ---------------------------------------------------------------------------------------------
# The article-level registry of actors: full names, surnames, titles
# ---------------------------------------------------------------------------------------------


class ActorRegistry:
    """Names of actors seen in one article, so "Mr. Kim" and "Kim" map to "Kim Jong Un"."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}  # key: normalised full name
        self.salient: dict[ActorKind, str] = {}  # most recent subject of each kind
        self.last_any: str | None = None
        self._resolved: dict[tuple[str, ActorKind | None], str | None] = {}
        self._key_parts: dict[str, tuple[list[str], str]] = {}  # key -> its words, joined
        self.words: set[str] = set()  # every word of every key: what a one-word name can be
        self.descriptions: set[str] = set()  # keys of actors known only by a description
        self.moves: Counter[str] = Counter()  # movements read so far, per actor key
        self.couple: str | None = None  # a person last described with company ("the couple")
        self.animal: str | None = None  # a tracked animal's nickname ("nicknamed Maren")
        # "drove onto a ferry", "boarded a bus": the vehicle's head noun -> who it carries
        self.carriers: dict[str, str] = {}
        self.introduced: str | None = None  # the person a lead's "A ... envoy" turned out to be
        self.narrator = False  # told in the first person outside quotes: "I" is the writer
        self.interview = False  # questions and answers: "I" is the person interviewed
        self.recent_people: list[str] = []  # persons in the order they were last subjects
        # Two-word names the article keeps using although they start like a common word
        # ("Southern Tempest"): see `_recurring_phrases`
        self.recurring_names: frozenset[str] = frozenset()
        self.genders: dict[str, str] = {}  # "m" or "f", from titles and the pronouns used
        # Countries that play as teams in a sports story ("New Zealand fly to Bangladesh"):
        # their names before a verb are a squad, not a place.
        self.country_teams: frozenset[str] = frozenset()

    def reset_mentions(self) -> None:
        for actor in self.actors.values():
            actor.mentions = 0
        self._resolved.clear()

    def add(self, name: str, kind: ActorKind, titles: frozenset[str] = frozenset()) -> str:
        """Register a name; returns the key of the actor it denotes."""
        key = self.resolve(name, kind) or _norm_name(name)
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = Actor(name=name, kind=kind)
            self.words.update(key.split())
        elif len(name.split()) > len(actor.name.split()) and _norm_name(name).startswith(key):
            actor.name = name
        actor.titles |= titles
        actor.mentions += 1
        for title in titles:
            if title in _TITLE_GENDERS:
                self.genders.setdefault(key, _TITLE_GENDERS[title])
        self._resolved.clear()  # mention counts rank candidates
        if " and " in name:
            self.couple = key  # "Birgit and Henrik Sørensen ... They landed in Lima"
        return key

    def describe(self, description: str, kind: ActorKind, titles: frozenset[str]) -> str:
        """Register an unnamed actor under its description ("the minister"); returns its key.
        Kept apart from names: a name never resolves to a description."""
        actor = self.actors.get(description)
        if actor is None:
            actor = self.actors[description] = Actor(name=description, kind=kind)
            self.descriptions.add(description)
        actor.titles |= titles
        for title in titles:
            if title in _TITLE_GENDERS:
                self.genders.setdefault(description, _TITLE_GENDERS[title])
        actor.mentions += 1
        return description

    def resolve(self, name: str, kind: ActorKind | None) -> str | None:
        """Key of a known actor this name denotes: same name, or a part of a longer name."""
        cache_key = (name, kind)
        if cache_key in self._resolved:
            return self._resolved[cache_key]
        found = self._resolve(name, kind)
        self._resolved[cache_key] = found
        return found

    def _resolve(self, name: str, kind: ActorKind | None) -> str | None:
        norm = _norm_name(name)
        if norm in self.actors:
            return norm
        parts = norm.split()
        joined = " ".join(parts)
        key_parts = self._key_parts
        candidates = []
        for key, actor in self.actors.items():
            if (kind is not None and actor.kind != kind) or key in self.descriptions:
                continue
            full = key_parts.get(key)
            if full is None:
                full = key_parts[key] = (key.split(), " ".join(key.split()))
            # A contiguous run of the key's words is a substring of its words joined.
            if joined in full[1] and _contains_parts(full[0], parts):
                candidates.append(key)
        if not candidates:
            return None
        return max(candidates, key=lambda k: (self.actors[k].mentions, len(k)))

    def display(self, key: str) -> str:
        return self.actors[key].name

    def named(self, kind: ActorKind) -> list[str]:
        """Keys of the actors of this kind known by a name (not a description), in order."""
        return [k for k, a in self.actors.items() if a.kind == kind and k not in self.descriptions]

    def kind_of(self, key: str) -> ActorKind:
        return self.actors[key].kind

    def mark_subject(self, key: str) -> None:
        self.salient[self.actors[key].kind] = key
        self.last_any = key
        if self.actors[key].kind == "person":
            if key in self.recent_people:
                self.recent_people.remove(key)
            self.recent_people.append(key)

    def of_gender(self, key: str | None, gender: str) -> str | None:
        """ "he" after "Lucía Ferrer ... stayed with her": the most recent person the
        pronoun can be, skipping those known by the other one; learns from the answer."""
        if key is not None and self.genders.get(key, gender) != gender:
            key = next(
                (k for k in reversed(self.recent_people) if self.genders.get(k, gender) == gender),
                None,
            )
        elif key is not None and key not in self.genders and "'s " in self.actors[key].name:
            # "Besides meeting Kenya's foreign minister, she spent ...": an unnamed office holder
            # of unknown gender yields "she" to a person known to be one
            known = next((k for k in reversed(self.recent_people) if self.genders.get(k) == gender),
                         None)  # fmt: skip
            key = known if known is not None else key

        if key is not None and self.actors[key].kind == "person":
            self.genders.setdefault(key, gender)
        return key

    def by_description(self, words: set[str], kind: ActorKind | None) -> str | None:
        """The actor a definite description ("the North Korean leader") points to."""
        best: tuple[int, int, str] | None = None
        order = list(self.actors)
        for key, actor in self.actors.items():
            if kind is not None and actor.kind != kind:
                continue
            overlap = len(words & actor.titles)
            if overlap == 0 or _names_another(words, actor.titles, _PORTFOLIOS):
                continue
            rank = (overlap, int(key == self.salient.get(actor.kind)), key)
            if best is None or rank[:2] > best[:2]:
                best = rank
        del order
        return best[2] if best else None


# Words that tell one minister from another: "the foreign minister" is not "the prime minister".
_PORTFOLIOS = frozenset(
    "prime foreign defence defense trade finance interior health home economy energy "
    "agriculture education justice transport environment deputy vice".split()
)


# Title words that only qualify another ("Trade Minister", "Air Force General"): a run that
# ends its titles on one of them names an institution, not a person.
_TITLE_MODIFIERS = frozenset(
    "foreign defence defense trade finance interior health economy energy education transport "
    "environment natural resources state national security space agency air force army navy "
    "press culture tourism labour labor development affairs nuclear atomic".split()
)


def _names_another(
    words: set[str], titles: set[str] | frozenset[str], vocabulary: frozenset[str]
) -> bool:
    """Do a description and an actor's titles each name one of `vocabulary` (an office, a
    portfolio), but never the same one?"""
    mine, theirs = words & vocabulary, titles & vocabulary
    return bool(mine and theirs and not mine & theirs)


def _contains_parts(full: list[str], part: list[str]) -> bool:
    """Is `part` a contiguous run of `full` at its start or end ("kim" in "kim jong un")?"""
    if not part or len(part) >= len(full):
        return False
    n = len(part)
    if full[:n] == part or full[-n:] == part:
        return True
    # "Lula" in "Luiz Inácio Lula da Silva": a middle name used alone.
    return n == 1 and part[0] in full[1:-1] and part[0] not in _NAME_PARTICLES and len(part[0]) > 2


# ---------------------------------------------------------------------------------------------
# Building items for a sentence
# ---------------------------------------------------------------------------------------------


def _sentence_items(
    sentence: Sentence,
    mentions: list[ResolvedMention],
    times: list[TimeExpression],
) -> list[Item]:
    """The sentence as a sequence of items with offsets in the article text."""
    spans = _sentence_spans(sentence, sorted(mentions, key=lambda r: r.mention.start), times)
    return _items_in(sentence, spans, 0, len(sentence.text))


def _mover_spans(text: str, base: int) -> list[Item]:
    """Named storms, ships and races in a sentence text (at offset `base`), overlaps removed."""
    movers: list[Item] = []

    def add(kind: ActorKind, start: int, name: str, titles: frozenset[str] = frozenset()) -> None:
        item = Item("mover", base + start, base + start + len(name), name, name.casefold(),
                    actor=ActorRef(kind, name, titles=titles))  # fmt: skip
        _add_span(movers, item)

    for m in _gated(_STORM_RE, text):
        add("storm", m.start(), m.group(0))
    for m in _gated(_SHIP_PREFIX_RE, text):
        add("ship", m.start(), _trim_ship_name(m.group(0)))
    for m in _gated(_SHIP_NOUN_RE, text):
        name = _trim_ship_name(m.group("name"))
        if name.split()[0].casefold() not in _NOT_NAME_WORDS:
            add("ship", m.start("name"), name, frozenset({m.group("cls")}))  # "the cutter X"
    for m in _gated(_RACE_RE, text):
        add("race", m.start(), m.group(0))
    for m in _gated(_AIRCRAFT_RE, text):
        add("ship", m.start("name"), m.group("name"))  # travels as a vessel does
    return movers


# A storm named without its class ("Idalia slammed into ...") in an article about a storm.
_STORM_ARTICLE_RE = re.compile(
    r"\b(?:hurricane|typhoon|cyclone|tropical storm|tropical depression)\b", re.I
)
_BARE_STORM_RES = (
    re.compile(
        r"\b([A-Z][a-z]{2,})\s+(?:(?:was|has been|had been|is|was later)\s+"
        r"(?:downgraded|upgraded)|(?:(?:has |had )?made|makes|making|will make) landfall|"
        r"(?:slammed|smashed|"
        r"roared|barrelled|barreled|churned|crashed|plowed|ploughed) (?:into|ashore|across))"
    ),
    re.compile(
        r"\b([A-Z][a-z]{2,}), (?:a|the|now a) (?:(?:moderate|severe|intense|strong) )?"
        r"(?:Category \d|tropical storm|powerful|major)"
    ),
    # "Intense tropical cyclone Fenosoa is bearing down": the class in lowercase
    re.compile(
        r"\b(?:tropical cyclone|tropical storm|cyclone|typhoon|hurricane) ([A-Z][a-z]{2,})\b"
    ),
    re.compile(r"\b(?:centre|center|eye|remnants) of ([A-Z][a-z]{2,})\b"),
    # "Typhoon Shanshan ... Forecasters expect Shanshan to cut across Kyushu"
    re.compile(
        r"\b(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Tropical Depression|Storm) "
        r"([A-Z][a-z]{2,})\b(?! (?:Center|Centre|Hunters|Season|Warning|Watch))"
    ),
)


# `_STORM_ARTICLE_RE` needs one of these words in the lowercased text, or one of the letters
# that IGNORECASE matches to an ASCII letter without lowercasing to it (İ, ı, ſ): checked
# first, since that pattern (case-blind, behind \b) is slow to search for in a whole article.
_STORM_WORDS = ("hurricane", "typhoon", "cyclone", "tropical")
_FOLDING_LETTERS = ("\u0130", "\u0131", "\u017f")


def _may_mention_storm(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _STORM_WORDS) or any(c in text for c in _FOLDING_LETTERS)


# Words after "Hurricane"/"Storm" that name no storm: "Hurricane Hunters", "Storm Prediction".
_STORM_NAME_STOPWORDS = frozenset(
    {"hunters", "season", "warning", "warnings", "watch", "prediction", "surge", "alley",
     "shelter", "shelters", "relief", "damage", "category", "force", "strength", "winds",
     "signal", "signals"}
)  # fmt: skip


def _bare_storm_names(text: str) -> frozenset[str]:
    """Names the article gives a storm without "Hurricane"/"Typhoon" before them (even when
    the name is also a town's: "Idalia slammed into ...")."""
    if not _may_mention_storm(text) or _STORM_ARTICLE_RE.search(text) is None:
        return frozenset()
    names = {
        m.group(1)
        for pattern in _BARE_STORM_RES
        for m in pattern.finditer(text)
        if m.group(1).casefold() not in _NOT_NAME_WORDS
        and m.group(1).casefold() not in _PLACE_NAME_HEADS
        and m.group(1).casefold() not in _STORM_NAME_STOPWORDS
    }
    return frozenset(names)


def _with_storm_names(spans: list[Item], sentence: Sentence, names: frozenset[str]) -> list[Item]:
    """The sentence's spans with each bare storm name as a named storm (over any other span)."""
    found: list[Item] = []
    for name in names:
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", sentence.text):
            start = sentence.start + m.start()
            found.append(Item("mover", start, start + len(name), name, name.casefold(),
                              actor=ActorRef("storm", name)))  # fmt: skip
    movers = [sp for sp in spans if sp.kind == "mover"]
    found = [f for f in found if all(f.end <= sp.start or f.start >= sp.end for sp in movers)]
    if not found:
        return spans  # "Hurricane Otis": already a named storm
    kept = [sp for sp in spans if all(sp.end <= f.start or sp.start >= f.end for f in found)]
    return sorted(kept + found, key=lambda it: it.start)


def _sentence_spans(
    sentence: Sentence,
    mentions: list[ResolvedMention],
    times: list[TimeExpression],
    may_move: bool | None = None,
) -> list[Item]:
    """The sentence's multi-word items (named movers, place mentions, times) in text order,
    overlaps removed: what `_items_in` keeps whole while it cuts the rest into words.
    `mentions` in text order (by start); `may_move`: whether the text passes
    `_may_hold_mover`, when the caller knows already."""
    base = sentence.start
    text = sentence.text
    if may_move is None:
        may_move = _may_hold_mover(text)
    movers = _mover_spans(text, base) if may_move else []
    spans: list[Item] = list(movers)
    for rm in mentions:
        if movers and any(rm.mention.start < x.end and rm.mention.end > x.start for x in movers):
            continue
        kind: ItemKind
        if rm.mention.demonym:
            kind = "demonym"
        elif rm.place is None:
            kind = "unknown_place"
        else:
            kind = "place"
        spans.append(
            Item(
                kind,
                rm.mention.start,
                rm.mention.end,
                rm.mention.surface,
                rm.mention.surface.casefold(),
                resolved=rm,
            )
        )
    for t in times:
        s, e = base + t.start, base + t.end
        if all(e <= x.start or s >= x.end for x in spans):
            spans.append(Item("time", s, e, t.text, t.text.casefold(), time=t))
    spans.sort(key=lambda it: it.start)
    kept: list[Item] = []
    cursor = base
    for span in spans:
        if span.start < cursor:
            continue
        kept.append(span)
        cursor = span.end
    return kept  # fmt: skip


def _items_in(sentence: Sentence, spans: list[Item], first: int, last: int) -> list[Item]:
    """Items of the sentence text between relative offsets `first` and `last`: the spans that
    lie inside, and the words and punctuation around them."""
    base = sentence.start
    text = sentence.text
    items: list[Item] = []
    cursor = first
    for span in spans:
        rel_start = span.start - base
        if rel_start < first:
            continue
        if rel_start >= last:
            break
        _add_words(items, text, cursor, rel_start, base)
        items.append(span)
        cursor = span.end - base
    _add_words(items, text, cursor, last, base)
    return items


def _trim_ship_name(name: str) -> str:
    words = name.split()
    while words and (words[-1].casefold() in _NOT_NAME_WORDS - {"of"} or words[-1] in
                     ("of", "the", "de", "la", "del")):  # fmt: skip
        words.pop()
    return " ".join(words).rstrip(".,") if words else name


def _add_span(spans: list[Item], item: Item) -> None:
    if all(item.end <= x.start or item.start >= x.end for x in spans):
        spans.append(item)


# How each whitespace-delimited chunk of text splits into items, as (kind, start, end, text,
# low) relative to the chunk: a pure function of the chunk, cached across sentences and
# articles. Tokens never span whitespace, so a text's items are its chunks' items in turn.
_ChunkShape = tuple[tuple[ItemKind, int, int, str, str], ...]
_CHUNK_SHAPES: dict[str, _ChunkShape] = {}


def _token_shape(token: str) -> _ChunkShape:
    if not token[0].isalnum():
        return (("punct", 0, len(token), token, token.casefold()),)
    if token[-1] == "." and len(token) > 1:
        core = token[:-1]
        # A trailing period belongs to abbreviations ("Mr.", "Gen.", "U.S."), not words.
        if core.casefold() not in _PERSON_TITLES and "." not in core and len(core) > 3:
            n = len(core)
            return (("word", 0, n, core, core.casefold()), ("punct", n, n + 1, ".", "."))
    return (("word", 0, len(token), token, token.casefold()),)


def _chunk_shape(chunk: str) -> _ChunkShape:
    if chunk.isalnum():
        return (("word", 0, len(chunk), chunk, chunk.casefold()),)  # one plain word
    # The usual other chunk: a word with a mark after or before it ("Paris,", "(AP"). The mark
    # is a token of its own (`_TOKEN_RE`) unless it is a period after the word.
    n = len(chunk) - 1
    mark = chunk[-1]
    if mark != "." and _is_mark(mark) and chunk[:-1].isalnum():
        word = chunk[:-1]
        return (("word", 0, n, word, word.casefold()), ("punct", n, n + 1, mark, mark.casefold()))
    mark = chunk[0]
    if _is_mark(mark) and chunk[1:].isalnum():
        word = chunk[1:]
        return (("punct", 0, 1, mark, mark.casefold()), ("word", 1, n + 1, word, word.casefold()))
    shape: list[tuple[ItemKind, int, int, str, str]] = []
    for m in _TOKEN_RE.finditer(chunk):
        at = m.start()
        shape += [(kind, at + begin, at + end, word, low)
                  for kind, begin, end, word, low in _token_shape(m.group())]  # fmt: skip
    return tuple(shape)


def _is_mark(char: str) -> bool:
    r"""A character `_TOKEN_RE` makes a token of its own (r"[^\w\s]", for a non-space)."""
    return not char.isalnum() and char != "_"


def _add_words(items: list[Item], text: str, first: int, last: int, base: int) -> None:
    """Append the word and punctuation items of text[first:last] (`base`: text's offset).

    Cut at whitespace first (str.split is far faster than the token pattern), then each
    chunk by its cached shape."""
    append = items.append
    shapes = _CHUNK_SHAPES
    if len(shapes) > 200_000:
        shapes.clear()
    find = text.find
    at = first
    for chunk in text[first:last].split():
        at = find(chunk, at)  # only whitespace lies between `at` and the chunk
        shape = shapes.get(chunk)
        if shape is None:
            shape = shapes[chunk] = _chunk_shape(chunk)
        start = base + at
        for kind, begin, end, word, low in shape:
            append(Item(kind, start + begin, start + end, word, low))
        at += len(chunk)


_ROMAN = re.compile(r"[IVX]+")


# What `_find_names` asked the registry: each name looked up, whether it is a name even if
# unknown, and what came of it (the kind of the name marked, None for no name).
_Lookups = list[tuple[str, bool, ActorKind | None]]


def _mark_country_teams(items: list[Item], teams: frozenset[str]) -> None:
    """A country that plays as a team is a name where it is no preposition's object ("New
    Zealand beat Sri Lanka in Galle"); "back home to New Zealand" stays a place."""
    for k, it in enumerate(items):
        if (
            it.kind == "place"
            and it.text in teams
            and not (k > 0 and items[k - 1].low in _PREPOSITION_WORDS)
            and not (k + 1 < len(items) and items[k + 1].text in ("'", "’", ","))
        ):
            ref = ActorRef("group", it.text)
            items[k] = Item("name", it.start, it.end, it.text, it.low, actor=ref)


_COMPOUND_ADJECTIVE_ENDS = ("-based", "-born", "-bred", "-flagged", "-registered", "-bound")


def _find_names(
    items: list[Item], registry: ActorRegistry, lookups: _Lookups | None = None
) -> None:
    """Mark capitalised word runs that are person names (titles stripped) as name items. The
    registry only answers lookups; `lookups`, when given, records them and their answers."""
    if registry.country_teams:
        _mark_country_teams(items, registry.country_teams)
    out_ranges: list[tuple[int, int, str, frozenset[str], ActorKind]] = []
    # Only capitalised words can start a name: jump from one to the next.
    starts = [k for k, it in enumerate(items) if it.kind == "word" and it.text[0].isupper()]
    n = len(items)
    i = 0  # the first item not yet read
    for start in starts:
        if start < i:
            continue  # inside a name already read
        i = start
        club = _club_span(items, i)
        if club is not None:
            first, last = club
            name = " ".join(it.text for it in items[first : last + 1])
            out_ranges.append((first, last, name, frozenset(), "group"))
            i = last + 1
            continue
        j = i
        while j < n and items[j].kind == "word" and (
            items[j].text[:1].isupper()  # _is_capitalised, inline: this loop is hot
            or (items[j].low in _NAME_PARTICLES and j + 1 < n
                and items[j + 1].kind == "word"  # "Isla del Sol": the place ends the name
                and _is_capitalised(items[j + 1].text) and j > i)
        ):  # fmt: skip
            j += 1
        if j == i + 1 and not _may_be_known(items[i].text, registry):
            if lookups is not None:
                lookups.append((items[i].text.rstrip("."), False, None))
            i = j  # one word, without a title: a name only if the registry knows it
            continue
        run = items[i:j]
        words = [it.text.rstrip(".") for it in run]
        lows = [w.casefold().rstrip("’'s") if w.endswith(("’s", "'s")) else w.casefold()
                for w in words]  # fmt: skip
        # Titles: everything up to the last title word ("Natural Resources Minister X").
        last_title = -1
        for k, low in enumerate(lows):
            if low in _PERSON_TITLES and k < len(lows) - 1:
                last_title = k
        titles = set(lows[: last_title + 1])
        name_words = words[last_title + 1 :]
        name_lows = lows[last_title + 1 :]
        start_k = last_title + 1
        # Drop a leading compound adjective: "Inverness-based", "London-born", "Panama-flagged".
        while name_lows and name_lows[0].endswith(_COMPOUND_ADJECTIVE_ENDS):
            name_words, name_lows, start_k = name_words[1:], name_lows[1:], start_k + 1
        # Drop leading function words at sentence start ("Then Kim", "After Putin"), unless
        # the whole is a name the article keeps using ("Southern Tempest rounds ...").
        while (
            name_lows
            and name_lows[0] in _NOT_NAME_WORDS
            and name_lows[0] not in ("al", "el", "de")
            and " ".join(name_words) not in registry.recurring_names
            and not (len(name_lows) == 1 and name_lows[0] in _CLUB_SUFFIXES)  # "United face"
        ):
            name_words, name_lows, start_k = name_words[1:], name_lows[1:], start_k + 1
        if (
            last_title >= 0
            and len(lows) - last_title == 2
            and all(
                low in _TITLE_MODIFIERS or low not in _PERSON_TITLES
                for low in lows[: last_title + 1]
            )
        ):
            i = j  # "the Continental Free Trade Area": "trade" without its "minister"
            continue
        if (
            (name_lows and name_lows[-1] in _PLACE_NAME_HEADS)
            # headlands: "Malin Head", "Beachy Head" (but "Saltbush head north")
            or (len(name_lows) > 1 and name_lows[-1] in ("head", "point", "ness"))
            # "Lago General Carrera", "Cerro Torre": a lake or a mountain, no general
            or lows[0] in _PLACE_NAME_STARTS
            or (j < len(items) and items[j].kind == "word" and items[j].text in _PLACE_NAME_HEADS)
            # "the Vaca Muerta shale field", "the Nord Stream pipeline": a thing's name
            or (j < len(items) and items[j].kind == "word" and items[j].text in _THING_HEADS)
        ):
            # "the Great St Bernard Pass", "Canterbury Cathedral", "Santa Lucia station": a
            # place or a building, not a person
            i = j
            continue
        club_name = _club_words(name_lows) or (
            len(name_lows) == 1 and name_lows[0] in _CLUB_SUFFIXES  # "United" for the club
        )
        recurring = " ".join(name_words) in registry.recurring_names
        if (
            name_words
            and (recurring or _NOT_NAME_WORDS.isdisjoint(name_lows[: -1 if club_name else None]))
            and not any(w.isupper() and len(w) > 1 and not _ROMAN.fullmatch(w) for w in name_words)
            and len(name_words) <= 5
        ):
            known = registry.resolve(" ".join(name_words), None)
            after_place = i > 0 and items[i - 1].kind in ("place", "demonym", "unknown_place")
            prev_low = items[i - 1].low if i > 0 else ""
            after_place = after_place or (
                prev_low
                in (
                    "in",
                    "at",
                    "near",
                    "from",
                    "to",
                    "into",
                    "via",
                    "through",
                    "across",
                    "toward",
                    "towards",
                )
                and last_title < 0
                # "When we last spoke to Anika Gurung": whom one spoke to is a person
                and not (prev_low == "to" and i > 1 and items[i - 2].low in _SPOKEN_TO_VERBS)
            )
            if lows[0] in ("in", "at", "from", "near") and last_title < 0:
                after_place = True
            named_anyway = (len(name_words) >= 2 and not (after_place and last_title < 0)
                            ) or last_title >= 0  # fmt: skip
            plural_name = _plural_name(items, i, start_k, name_lows)
            work = _names_a_work(items, i + start_k)
            is_name = (named_anyway or known is not None or plural_name) and not work
            group_noun = i + start_k > 0 and items[i + start_k - 1].low in _GROUP_HEADS
            # "the voyaging canoe Tere Moana", "the container ship Ever Given", "The Nordvik
            # Horizon, a 15,000-container vessel"
            vessel_noun = (
                i + start_k > 0 and items[i + start_k - 1].low in _SINGLE_VESSELS
            ) or _apposition_head(items, j) in _SINGLE_VESSELS
            kind: ActorKind = (
                registry.kind_of(known) if known is not None
                else "group" if plural_name or club_name or group_noun
                else "ship" if vessel_noun else "person"
            )  # fmt: skip
            if lookups is not None:
                lookups.append((" ".join(name_words), named_anyway, kind if is_name else None))
            if is_name:
                titles |= _lowercase_titles(items, i)
                first = i + start_k
                last = i + start_k + len(name_words) - 1
                name = " ".join(name_words)
                name = _POSSESSIVE_END_RE.sub("", name)
                if kind == "person" and _couple_before(items, first) and len(name_words) >= 2:
                    # "Birgit and Henrik Sørensen": two people travelling together, one actor
                    first -= 2
                    name = f"{items[first].text} and {name}"
                out_ranges.append((first, last, name, frozenset(titles), kind))
        i = j
    for first, last, name, title_set, kind in reversed(out_ranges):
        start, end = items[first].start, items[last].end
        if items[last].text.endswith(("’s", "'s")):
            end -= 2
        ref = ActorRef(kind, name, titles=title_set)
        items[first : last + 1] = [Item("name", start, end, name, name.casefold(), actor=ref)]


# Nouns whose name follows them: "their third album, Long Light," names no traveller.
_WORK_NOUNS = frozenset(
    "album book film movie song single novel documentary series show opera painting exhibition "
    "report plan programme program bill law treaty agreement operation campaign record".split()
)


def _names_a_work(items: list[Item], first: int) -> bool:
    """Is the name at `first` the title of an album, book, plan ... (or quoted)?"""
    k = first - 1
    if k >= 0 and items[k].text == ",":
        k -= 1
    return k >= 0 and (items[k].low in _WORK_NOUNS or items[first - 1].text in ('"', "“"))


def _couple_before(items: list[Item], first: int) -> bool:
    """A lone given name and "and" before a full name: "Birgit and Henrik Sørensen"."""
    return (
        first >= 2
        and items[first - 1].low == "and"
        and items[first - 2].kind == "word"
        and _is_capitalised(items[first - 2].text)
        and is_given_name(items[first - 2].text)
        and not (first >= 3 and items[first - 3].kind in ("word", "name") and (
            _is_capitalised(items[first - 3].text)
        ))
    )  # fmt: skip


# Last words of the names of places and buildings: such a name is no person.
_PLACE_NAME_HEADS = frozenset(
    {"pass", "river", "mountain", "mountains", "mount", "bay", "lake", "valley", "cathedral",
     "square", "bridge", "castle", "church", "station", "airport", "street", "road", "avenue",
     "park", "palace", "stadium", "hall", "island", "islands", "sea", "strait", "gulf",
     "canal", "port", "harbour", "harbor", "beach", "falls", "peninsula", "desert", "abbey",
     "basilica", "temple", "mosque", "cemetery", "museum", "tower", "gate", "gorge", "glacier",
     # organisations and buildings: "the National Hurricane Center" is no storm named Center
     "center", "centre", "institute", "university", "hospital", "college", "school", "theatre",
     "theater", "arena", "agency", "office", "ministry", "council", "committee", "bureau",
     "service", "commission", "police", "constabulary", "gendarmerie",
     # works, plans and deals: "the Interoceanic Corridor", "the Belt and Road Initiative"
     "corridor", "highway", "motorway", "expressway", "pipeline", "tunnel", "line", "project",
     "initiative", "programme", "program", "plan", "agreement", "accord", "treaty", "deal"}
)  # fmt: skip
# First words of the names of natural features: "Lago General Carrera", "Mount Kenya".
_PLACE_NAME_STARTS = frozenset(
    {"lago", "lake", "laguna", "mount", "monte", "mont", "cerro", "río", "rio", "isla",
     "isle", "cape", "cabo", "lac", "bahía", "bahia", "sierra", "punta", "volcán", "volcan",
     "glaciar", "paso", "col", "pic", "puerto", "fort"}
)  # fmt: skip
# Words that make a place name a sports club ("Leeds United", "Real Madrid").
_CLUB_SUFFIXES = frozenset(
    {"united", "city", "rovers", "wanderers", "athletic", "albion", "hotspur", "rangers",
     "villa", "fc", "afc", "sc", "cf"}
)  # fmt: skip
_CLUB_PREFIXES = frozenset(
    {"real", "borussia", "inter", "sporting", "atlético", "atletico", "dynamo", "dinamo",
     "olympique", "fc", "afc", "ac", "as", "sv", "vfb", "vfl", "racing"}
)  # fmt: skip
# Plural names after "the" that are events or institutions, not travelling groups.
_NOT_GROUP_PLURALS = frozenset(
    {"olympics", "paralympics", "games", "championships", "finals", "elections", "talks",
     "news", "times", "series", "awards", "nations", "states", "commons", "lords", "islands",
     "mountains", "highlands", "lowlands", "midlands", "territories", "emirates", "americas",
     "tropics", "plains", "falls", "heights", "hills", "straits", "narrows", "keys", "isles"}
)  # fmt: skip


def _club_span(items: list[Item], i: int) -> tuple[int, int] | None:
    """First and last item of a club named after its place ("Leeds United", "Real Madrid"),
    when the capitalised word at `i` is its suffix or prefix."""
    low = items[i].low.rstrip(".")
    if low in _CLUB_SUFFIXES and i > 0 and items[i - 1].kind == "place":
        last = i
        if i + 1 < len(items) and items[i + 1].low in ("fc", "afc"):
            last = i + 1
        return i - 1, last
    if low in _CLUB_PREFIXES and i + 1 < len(items) and items[i + 1].kind == "place":
        return i, i + 1
    return None


def _apposition_head(items: list[Item], after: int) -> str | None:
    """The noun of an apposition right after a name (", a 15,000-container vessel operated
    by ..."): its last word before a participle, a preposition or a comma."""
    if (
        after + 2 >= len(items)
        or items[after].text != ","
        or items[after + 1].low
        not in (
            "a",
            "an",
            "the",
        )
    ):
        return None
    head = None
    for k in range(after + 2, min(len(items), after + 9)):
        it = items[k]
        if it.text == "-" or it.kind == "demonym":
            continue  # "a 15,000-container vessel", "a Liberian-flagged feeder ship"
        if it.kind != "word" or it.low in _PREPOSITION_WORDS:
            break
        if it.low.endswith("ed") and k + 1 < len(items) and items[k + 1].low in _PREPOSITION_WORDS:
            break  # "a vessel operated by ...": the participle starts another phrase
        head = it.low
    return head


# Lowercase nouns after a capitalised name that make it the name of a thing, not a person.
_THING_HEADS = frozenset(
    {"shale", "field", "oilfield", "gasfield", "mine", "pipeline", "dam", "reservoir", "basin",
     "refinery", "plant", "reactor", "deposit", "corridor", "highway", "motorway", "railway",
     "tunnel", "canal", "programme", "program", "project", "initiative", "accord", "treaty",
     "agreement", "festival", "prize", "index", "fund", "exchange", "terminal", "crater"}
)  # fmt: skip


def _club_words(lows: list[str]) -> bool:
    """ "Manchester United", "Athletic Club", "Inter Miami", "Orquesta Sinfónica Juvenil": a
    club or an ensemble by its name's words."""
    return len(lows) >= 2 and (
        lows[-1] in _CLUB_SUFFIXES
        or lows[-1] == "club"
        or lows[0] in _CLUB_PREFIXES
        # "Symphony Center" is a building
        or (not _ENSEMBLE_WORDS.isdisjoint(lows) and lows[-1] not in _FACILITY_NOUNS)
    )


# Words that name an ensemble, in the languages its name may be in.
_ENSEMBLE_WORDS = frozenset(
    {"orchestra", "orquesta", "orchestre", "orchester", "orchestra's", "philharmonic",
     "philharmonie", "filarmónica", "filarmonica", "symphony", "sinfónica", "sinfonica",
     "sinfonietta", "ensemble", "choir", "chorus", "coro", "côr", "chœur", "chor", "ballet",
     "quartet", "quintet",
     "troupe", "circus", "cirque", "band"}
)  # fmt: skip


def _plural_name(items: list[Item], i: int, start_k: int, name_lows: list[str]) -> bool:
    """ "the Socceroos", "the All Blacks": a team or band known by a plural name."""
    return (
        1 <= len(name_lows) <= 2
        and (
            (start_k == 0 and i > 0 and items[i - 1].low == "the")
            or (start_k == 1 and items[i].low == "the")  # "The Lanterns" opening a sentence
        )
        and name_lows[-1].endswith("s")
        and not name_lows[-1].endswith(("ss", "’s", "'s", "us", "is"))
        and name_lows[-1] not in _NOT_GROUP_PLURALS
    )


def _same_answers(lookups: _Lookups, registry: ActorRegistry) -> bool:
    """Whether the registry still answers every lookup as recorded (then `_find_names` would
    mark the same names: they depend on the registry only through these answers)."""
    for name, named_anyway, outcome in lookups:
        known = registry.resolve(name, None) if _may_be_known(name, registry) else None
        kind = registry.kind_of(known) if known is not None else "person"
        if (kind if named_anyway or known is not None else None) != outcome:
            return False
    return True


def _may_be_known(word: str, registry: ActorRegistry) -> bool:
    """False when `registry.resolve` cannot know the word: some part of it is in no name."""
    parts = _norm_name(word.rstrip(".")).split()
    return not parts or registry.words.issuperset(parts)


def _lowercase_titles(items: list[Item], i: int) -> set[str]:
    """Lowercase title words and demonyms just before a name ("North Korean leader Kim")."""
    titles: set[str] = set()
    k = i - 1
    if k >= 1 and items[k].text == "," and items[k - 1].low in _PERSON_TITLES:
        i, k = i - 1, k - 1  # "Finland's foreign minister, Aino Lehtikari,": the title apposed
    while k >= 0 and i - k <= 4:
        it = items[k]
        if it.kind == "demonym":
            titles |= set(it.low.split())
        elif it.kind == "word" and (it.low in _PERSON_TITLES or it.low.endswith("’s")):
            titles.add(it.low)
        elif it.kind == "place" and it.resolved is not None:
            titles |= set(it.low.split())
        else:
            break
        k -= 1
    return titles


_LEADER_AIRCRAFT = ("air force one", "marine one", "shepherd one", "air force two")
_AIRCRAFT_FIRST_WORDS = frozenset(a.split()[0] for a in _LEADER_AIRCRAFT)


_AGED_RE = re.compile(r"\d{1,3}-year-old")
_MEASURE_RE = re.compile(r"\d[\d.,]*-(?:metre|meter|foot|feet|ft|tonne|ton|m|km|mile|seat)s?")
# Words that end a noun phrase: "the 58-year-old veteran has", "... who".
_NOT_NOUN_WORDS = frozenset(
    "has have had is was are were will would and or but who which that".split()
)


def _country_office_holders(items: list[Item]) -> bool:
    """ "Indonesia's president will leave Jakarta": a place's office holder, unnamed, is a person
    of their own, whom the article goes on to call by the title ("the president")."""
    replaced = False
    # Right to left over the places (a replacement leaves the earlier ones where they were).
    places = [i for i in range(len(items) - 3) if items[i].kind == "place"]
    for i in reversed(places):
        if not (
            items[i + 1].text in ("'", "’")
            and items[i + 2].low == "s"
            and items[i + 3].kind == "word"
        ):
            continue
        j = i + 3
        while j < len(items) and j <= i + 5 and items[j].kind == "word" and items[j].low.isalpha():
            if items[j].low in _PERSON_HEAD_NOUNS and not (
                j + 1 < len(items) and items[j + 1].low in _PERSON_HEAD_NOUNS
            ):
                break
            j += 1
        if j >= len(items) or items[j].kind != "word" or items[j].low not in _PERSON_HEAD_NOUNS:
            continue
        if j + 1 < len(items) and items[j + 1].kind in ("name", "mover"):
            continue  # "Russia's foreign minister Sergei Lavrov": the name is the actor
        if j + 2 < len(items) and items[j + 1].text == "," and items[j + 2].kind == "name":
            continue  # "Finland's foreign minister, Aino Lehtikari,": so is an apposed name
        words = [it.low for it in items[i + 3 : j + 1]]
        # Known by the country and title ("Indonesia's president"), so that Australia's foreign
        # minister is not New Zealand's; "the president" later finds it by its title.
        name = f"{items[i].text}'s {' '.join(words)}"
        ref = ActorRef("person", name, titles=frozenset(words))
        items[i : j + 1] = [Item("name", items[i].start, items[j].end, name, name.casefold(),
                                 actor=ref)]  # fmt: skip
        replaced = True
    return replaced


def _find_anaphors(items: list[Item]) -> None:
    """Mark pronouns and definite descriptions that can refer to an actor."""
    # One scan finds both the aircraft names' first words and the anaphors' starts.
    found = [k for k, it in enumerate(items) if it.low in _ANAPHOR_OR_AIRCRAFT_WORDS]
    # Right to left, so that a replacement leaves the earlier indices valid.
    aircraft = [i for i in found if items[i].low in _AIRCRAFT_FIRST_WORDS and i < len(items) - 1]
    replaced = False
    for i in reversed(aircraft):
        window = items[i : i + 3]
        if all(w.kind == "word" for w in window) and " ".join(w.low for w in window) in (
            _LEADER_AIRCRAFT
        ):
            text = " ".join(w.text for w in window)
            ref = ActorRef("person", None, anaphor="his plane")
            items[i : i + 3] = [Item("mover", window[0].start, window[-1].end, text,
                                     text.casefold(), actor=ref)]  # fmt: skip
            replaced = True
    if _counted_group(items):
        replaced = True
    if _country_office_holders(items):
        replaced = True
    if _headline_mover(items):
        replaced = True
    if replaced:  # the indices found have moved
        found = [k for k, it in enumerate(items) if it.low in _ANAPHOR_STARTS]
    # Only pronouns and determiners start one: visit those (in order), tracking how far
    # earlier replacements have shortened the list.
    starts = [k for k in found if items[k].low in _ANAPHOR_STARTS and items[k].kind == "word"]
    shift = 0
    resume = 0  # the first index the left-to-right reading has not yet passed
    for k in starts:
        i = k - shift
        if i < resume:
            continue  # inside an expression already replaced
        it = items[i]
        low = it.low
        if low in _PRONOUNS:
            items[i] = Item("mover", it.start, it.end, it.text, low,
                            actor=ActorRef(_PRONOUNS[low], None, anaphor=low))  # fmt: skip
            resume = i + 1
            continue
        before = len(items)
        if low == "the" and _part_of_a_whole(items, i):
            continue  # "The head of the column", "the final group of the convoy": the whole
        if (
            low in ("a", "an", "the")
            and i >= 2
            and items[i - 1].text == ","
            and (items[i - 2].kind == "name" or (items[i - 2].kind == "mover" and low != "the"))
        ):
            # "The Lanterns, a band from Glasgow,", "Albatros Rouge, the French boat sailed by
            # ...": the name's apposition, no one new
            continue
        if low in ("a", "an") and i > 0 and items[i - 1].low in _LIGHT_VERBS:
            continue  # "will make a short flight to Piura": the trip, not a traveller
        # "his train", "its crew", "the North Korean leader", "the storm", "the peloton"
        if low in _DESCRIPTION_STARTS:
            j = i + 1
            words: list[str] = []
            while (
                j < len(items)
                and j - i <= 4
                and (
                    items[j].kind in ("word", "demonym")
                    # "the overnight train": a one-word time as an adjective
                    or (items[j].kind == "time" and items[j].low.isalpha())
                    # "the top US diplomat": a country as a modifier inside the description
                    # or before capitalised words and then the head ("A U.S. Coast Guard cutter")
                    or (
                        items[j].kind == "place"
                        and any(
                            it.kind == "word"
                            and it.low in _ANAPHOR_HEADS
                            # "the Alice Springs Correctional Centre": a facility's name
                            and it.low not in ("centre", "center")
                            for it in items[j + 1 : j + 4]
                        )
                    )
                )
                and (
                    items[j].kind != "word"
                    or not items[j].text[0].isdigit()
                    or _AGED_RE.fullmatch(items[j].low)
                    or _MEASURE_RE.fullmatch(items[j].low)  # "the 22-metre canoe"
                )
                and items[j].low not in ("the", "a", "an")  # "by the time the train": two
            ):
                words.append(items[j].low)
                head = items[j].low
                kind = _anaphor_kind(head, low)
                if (
                    kind is False
                    and head == "side"
                    and low == "the"
                    and (len(words) == 1 or words[-2] in _TRAVELLING_ADJECTIVES)
                ):
                    kind = "group"  # "the side", "the touring side": the team on tour
                if (
                    kind is False
                    and low == "the"
                    and len(words) == 1
                    and _AGED_RE.fullmatch(head)
                    and j + 1 < len(items)
                    and (
                        items[j + 1].kind == "punct"
                        or items[j + 1].low in _AUXILIARIES
                        or items[j + 1].low in _CUE_FORMS
                        or items[j + 1].low in ("who", "said", "says", "had", "has")
                        or _two_word_cue_at(items, j + 1)  # "the 16-year-old set off"
                    )
                ):
                    kind = "person"  # "The 24-year-old, who won gold in Paris, landed"
                if (
                    kind is False
                    and low == "the"
                    and len(words) == 1
                    and items[j].kind == "demonym"
                    and j + 1 < len(items)
                    and (items[j + 1].kind == "punct" or items[j + 1].low in _AUXILIARIES)
                ):
                    kind = "person"  # "the Australian was pictured in Kyoto": the traveller
                if (
                    kind is False
                    and low in ("the", "a", "an")  # "A 58-year-old grandmother from Inverness"
                    and len(words) >= 2
                    and (_AGED_RE.fullmatch(words[-2]))
                ):
                    kind = "person"  # "the 29-year-old nurse": whoever the story is about
                    while (  # "the 58-year-old army veteran": the whole noun
                        j + 1 < len(items)
                        and j - i < 5
                        and items[j + 1].kind == "word"
                        and items[j + 1].low.isalpha()
                        and items[j + 1].low not in _CUE_FORMS
                        and items[j + 1].low not in _PREPOSITION_WORDS
                        and items[j + 1].low not in _BOUNDARY_WORDS
                        and items[j + 1].low not in _NOT_NOUN_WORDS
                        and not _two_word_cue_at(items, j + 1)  # "the 67-year-old ... set off"
                    ):
                        j += 1
                        words.append(items[j].low)
                if (
                    kind is not False
                    and j + 1 < len(items)
                    and items[j + 1].kind == "word"
                    and items[j + 1].low in _ANAPHOR_HEADS
                    and items[j + 1].low != head
                ):
                    j += 1  # "the aircraft carrier", "the cargo plane": the last noun heads
                    continue
                if (
                    kind is not False
                    and j + 2 < len(items)
                    and items[j + 1].kind == "word"
                    and items[j + 1].low.isalpha()
                    and items[j + 2].kind == "word"
                    and items[j + 2].low in _SINGLE_VESSELS
                ):
                    words.append(items[j + 1].low)  # "an expedition cruise ship": a ship
                    j += 2
                    continue
                if (
                    kind is not False
                    and j + 1 < len(items)
                    and items[j + 1].kind in ("mover", "name")
                ):
                    break  # "the container ship Ever Given": the name follows
                if (
                    kind is not False
                    and j + 1 < len(items)
                    and (items[j + 1].low in _FACILITY_NOUNS or items[j + 1].low in _SHOP_NOUNS)
                ):
                    break  # "the sponsor's flagship store": a building, no ship
                if (
                    kind == "person"
                    and head in _WANTED_PERSON_NOUNS
                    and low in ("a", "an")
                    and not (j + 1 < len(items) and _says_who(items[j + 1]))
                ):
                    break  # "Two men and a woman were arrested": no one described
                if kind is not False:
                    while (  # "the prime minister", "the royal couple": the whole title
                        kind == "person"
                        and j + 1 < len(items)
                        and items[j + 1].kind == "word"
                        and (
                            items[j + 1].low in _PERSON_HEAD_NOUNS
                            or items[j + 1].low in _THE_PERSON_HEADS
                            or items[j + 1].low in _ANIMAL_NOUNS  # "a humpback whale"
                        )
                    ):
                        j += 1
                        words.append(items[j].low)
                    anaphor = " ".join([low, *words])
                    if low in ("a", "an"):
                        members = _members_after(items, j)
                        if members is not None:
                            anaphor = "a " + members  # "A group of 12 pilgrims": the pilgrims
                    ref = ActorRef(
                        kind if kind else None,
                        None,
                        anaphor=anaphor,
                        titles=frozenset(w for ws in words for w in ws.split()),
                    )
                    items[i : j + 1] = [Item("mover", it.start, items[j].end, anaphor,
                                             anaphor, actor=ref)]  # fmt: skip
                    break
                if items[j].kind == "word" and (
                    items[j].low in _BOUNDARY_WORDS
                    or items[j].low in _PREPOSITION_WORDS
                    or (items[j].low in _CUE_FORMS and items[j].low not in _TRAVELLING_ADJECTIVES)
                ):
                    break
                j += 1
        shift += before - len(items)
        resume = i + 1


_PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Titles that tell a person's gender: "Ms Whitfield" is "she".
_TITLE_GENDERS = {
    "mr": "m", "mr.": "m", "king": "m", "prince": "m", "sir": "m", "lord": "m", "pope": "m",
    "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f", "queen": "f", "princess": "f",
    "lady": "f", "dame": "f",
    # relatives: "Her son, who lives in Melbourne" is no "she"
    "son": "m", "father": "m", "brother": "m", "uncle": "m", "nephew": "m", "grandson": "m",
    "grandfather": "m", "daughter": "f", "mother": "f", "sister": "f", "aunt": "f",
    "niece": "f", "granddaughter": "f", "grandmother": "f",
}  # fmt: skip
# Tracked animals travel, and are "she" or "he" in the stories about them.
_ANIMAL_NOUNS = frozenset(
    {"whale", "humpback", "shark", "turtle", "bird", "stork", "eagle", "osprey", "albatross",
     "wolf", "bear", "elephant", "seal", "dolphin", "orca", "crane", "goose", "swan", "lynx",
     "tiger", "leopard", "cheetah", "penguin", "vulture", "falcon", "cuckoo", "salmon",
     "female", "male"}
)  # fmt: skip
# Verbs whose object is the journey itself: "make a short flight", "made a brief stop".
_LIGHT_VERBS = frozenset({"make", "makes", "made", "making"})
# Determiners that start a description ("the storm", "his train", "a convoy").
_DESCRIPTION_STARTS = frozenset({"his", "her", "its", "their", "the", "this", "a", "an"})
_ANAPHOR_STARTS = frozenset(_PRONOUNS) | _DESCRIPTION_STARTS
_ANAPHOR_OR_AIRCRAFT_WORDS = _ANAPHOR_STARTS | _AIRCRAFT_FIRST_WORDS


def _members_after(items: list[Item], j: int) -> str | None:
    """ "(a group) of 12 pilgrims": the plural noun naming the members, if one follows."""
    k = j + 1
    if k >= len(items) or items[k].low != "of":
        return None
    k += 1
    while (
        k < len(items)
        and k < j + 6
        and items[k].kind in ("word", "demonym", "place")
        and (_counts(items[k].low) or items[k].kind != "word")
    ):
        k += 1
    if (
        k < len(items)
        and items[k].kind == "word"
        and _names_members(items[k].low)
        and items[k].low not in _VEHICLE_PLURALS  # "a convoy of trucks" is the convoy
    ):
        return items[k].low
    return None


def _counts(low: str) -> bool:
    """ "Several", "thousand", "400": a word of a count."""
    return low in _COUNTING_WORDS or _SCORE_RE.fullmatch(low) is not None


def _names_members(low: str) -> bool:
    """ "migrants", "balloonists", "climbers", "minibuses": a plural noun for the people or
    vehicles of a group."""
    return (
        low in _GROUP_MEMBER_HEADS
        or low in _VEHICLE_PLURALS
        or (low.endswith(("ists", "ers")) and low not in _NOT_NAME_WORDS)
    )


# Vehicles that, counted, travel as a group ("Eleven minibuses carrying 64 people left ...").
_VEHICLE_PLURALS = frozenset(
    {"minibuses", "buses", "coaches", "lorries", "trucks", "vans", "cars", "vehicles",
     "ambulances", "boats", "ships", "vessels", "planes", "aircraft", "helicopters", "jeeps"}
)  # fmt: skip


def _counted_group(items: list[Item]) -> bool:
    """ "Several thousand migrants set off ...", "About 400 officers flew ...": a counted group
    opening the sentence is a traveller, known from then on as "the migrants"."""
    first = _after_dateline(items)
    k = first
    if k + 1 < len(items) and items[k].low == "the" and _SCORE_RE.fullmatch(items[k + 1].low):
        k += 1  # "The 38 singers, most of them quarrymen's sons, opened ..."
    start = k
    while k < len(items) and k < first + 6 and items[k].kind == "word" and _counts(items[k].low):
        k += 1
    counted = k
    while k < len(items) and k < counted + 2 and items[k].kind in ("demonym", "place"):
        k += 1  # "Three British women", "Two Spanish balloonists"
    if counted == start or k >= len(items) or items[k].kind != "word":
        return False
    head = items[k].low
    if not _names_members(head):
        return False  # "Two Spanish balloonists", "Four climbers": agents in the plural
    if head in _VEHICLE_PLURALS and any(it.low == "convoy" for it in items[k + 1 :]):
        head = "convoy"  # "Around 300 vehicles have left Yellowknife in a single convoy"
    ref = ActorRef("group", None, anaphor="a " + head, titles=frozenset({head}))
    items[first : k + 1] = [Item("mover", items[first].start, items[k].end, "the " + head,
                                 "the " + head, actor=ref)]  # fmt: skip
    return True


def _lead_tense_and_time(
    text: str,
    items: list[Item],
    sentence: Sentence,
    times: list[TimeExpression],
    movements: list[Movement],
    lead: tuple[int, int],
    ref: dt.date | None,
) -> tuple[bool, TimeSpan | None]:
    """Whether a dateline lead tells a plan, and when it happened: from the subject's own clause
    ("wrapped up her tour ..., telling supporters that the election would be decided" is no
    plan), else from the lead's movements or its first words."""
    subject_index, place_index = lead
    if place_index > subject_index:
        future = detect_tense(_text_between(text, items, subject_index, place_index)) == "future"
    else:
        statuses = [m.status for m in movements if m.sentence_index == sentence.index]
        future = (
            all(status == "planned" for status in statuses)
            if statuses
            else detect_tense(_text_between(text, items, subject_index, subject_index + 8))
            == "future"
        )
    tense: Tense = "future" if future else "past"
    lead_times = times
    if detect_tense(sentence.text) != tense:
        # "on Wednesday night" in a lead told in the past, beside a quoted "would"
        lead_times = _without_dateline(sentence, find_time_expressions(sentence.text, ref, tense))
    return future, merge_expressions(lead_times) if lead_times else None


def _dateline_presence(
    items: list[Item], movements: list[Movement], sentence_index: int
) -> tuple[int, int] | None:
    """In a lead after a dateline, a named subject doing something "in"/"at" the dateline's
    place is there: (the subject's index, the place's index), unless a movement of this
    sentence already puts someone there."""
    start = _after_dateline(items)
    if start == 0 or start >= len(items) or items[0].kind != "place":
        return None
    dateline = items[0].resolved
    while start + 1 < len(items) and (
        items[start].kind == "demonym" or items[start].low in _PERSON_TITLES
    ):
        start += 1  # "Ghanaian President Kwabena Adjei-Mensah"
    subject = items[start]
    if (
        dateline is None
        or dateline.place is None
        or subject.kind != "name"
        or subject.actor is None
        or subject.actor.kind not in ("person", "group")
    ):
        return None
    for k in range(start + 2, len(items)):
        rm = items[k].resolved
        if (
            items[k].kind == "place"
            and rm is not None
            and rm.place is not None
            and rm.place.id == dateline.place.id
            and items[k - 1].low in ("in", "at", "of")  # "on the steps of León's cathedral"
        ):
            done = any(m.sentence_index == sentence_index and m.place.id == rm.place.id
                       for m in movements)  # fmt: skip
            return None if done else (start, k)
    city = dateline.place
    if city.kind in ("city", "capital") and any(
        m.sentence_index == sentence_index
        and m.place.kind in ("country", "admin1")
        and m.place.country == city.country
        and m.role == "destination"  # "arrived in Timor-Leste", not "a weekend in Mexico's south"
        for m in movements
    ):
        return start, 0  # "DILI - Pope Francis arrived in Timor-Leste": in the dateline's city
    if city.kind in ("city", "capital") and _venue_in_lead(items, start):
        return start, 0  # "EDINBURGH - Swift wrapped up three nights at Murrayfield Stadium"
    return None


def _venue_in_lead(items: list[Item], start: int) -> bool:
    """Does the lead, from its subject on, name a venue ("at Murrayfield Stadium") before any
    other place?"""
    for k in range(start + 1, min(len(items), start + 25)):
        it = items[k]
        if it.kind == "place":
            return False
        if (
            it.kind == "word"
            and it.low in _FACILITY_NOUNS
            and _is_capitalised(it.text)
            and any(items[b].low in ("at", "in") for b in range(max(start, k - 4), k))
        ):
            return True
    return False


_DATELINE_DATE_RE = re.compile(
    r"\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|"
    r"april|june|july|august|september|october|november|december"
)


def _after_dateline(items: list[Item]) -> int:
    """Index of the first item after a dateline ("KAMPALA, Uganda —", "LVIV (AP) —"), else 0."""
    for k, it in enumerate(items[:8]):
        if it.kind == "punct" and it.text in ("—", "–", "-"):
            depth = 0
            for x in items[:k]:  # "THIÈS, Senegal (geomap) —": an agency in parentheses
                depth += (x.text == "(") - (x.text == ")") if x.kind == "punct" else 0
                if not (
                    depth > 0
                    or x.kind in ("place", "punct", "time")
                    or x.low == "ap"
                    or _DATELINE_DATE_RE.fullmatch(x.low)  # "LISBON, Dec 3 -"
                ):
                    return 0
            return k + 1
    return 0


# People who act for someone: "his lawyer", "her spokesman" are not the traveller.
_AGENT_NOUNS = frozenset(
    {"lawyer", "lawyers", "attorney", "attorneys", "spokesman", "spokeswoman", "spokesperson",
     "aide", "aides", "adviser", "advisers", "advisor", "advisors", "doctor", "doctors", "agent",
     "manager", "publicist", "employer", "lawyer's", "solicitor", "barrister"}
)  # fmt: skip
# One relative named through the traveller ("his daughter"): someone else. (Plural ones, "her
# children", often travel with the traveller and stay with her.)
_RELATIVE_NOUNS = frozenset(
    {"grandmother", "grandfather", "mother", "father", "son", "daughter", "brother", "sister",
     "uncle", "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter"}
)  # fmt: skip


# Parts of a travelling whole: "the final group of the convoy", "the rest of the team".
_PART_NOUNS = frozenset(
    {"head", "rear", "tail", "front", "rest", "bulk", "remainder", "vanguard", "group", "part",
     "section", "first", "last", "end"}
)  # fmt: skip


def _part_of_a_whole(items: list[Item], i: int) -> bool:
    """Does the description at `i` name a part "of the" whole ("The head of the column")?"""
    for k in range(i + 1, min(i + 4, len(items) - 2)):
        if items[k].kind != "word":
            return False
        low = items[k].low
        if (low in _PART_NOUNS or low in _VEHICLE_PLURALS) and items[k + 1].low == "of":
            # "The head of the column", "The first vehicles of the convoy"
            return items[k + 2].low in ("the", "its", "their", "his", "her")
    return False


_HEADLINE_MOVER_NOUNS = _VEHICLE_NOUNS | _STORM_NOUNS | _SHIP_NOUNS | _VEHICLE_PLURALS


def _headline_mover(items: list[Item]) -> bool:
    """ "Convoy halts in Williams", "Storm reaches Florida": a headline drops the article before
    the mover that opens it. Replaces that noun with the description it stands for."""
    k = 0
    while k < len(items) and (items[k].kind == "time" or items[k].text in ("-", "–", "—", ":")):
        k += 1
    if k + 1 >= len(items):
        return False
    it = items[k]
    if (
        it.kind != "word"
        or not it.text[:1].isupper()
        or not (items[k + 1].low in _CUE_FORMS or items[k + 1].low in ("is", "are", "has", "have"))
    ):
        return False
    if it.low not in _HEADLINE_MOVER_NOUNS:
        return False
    kind = _anaphor_kind(it.low, "the")
    if kind is False:
        return False
    anaphor = "the " + it.low
    ref = ActorRef(kind, None, anaphor=anaphor, titles=frozenset({it.low}))
    items[k] = Item("mover", it.start, it.end, it.text, anaphor, actor=ref)
    return True


def _anaphor_kind(head: str, determiner: str) -> ActorKind | None | Literal[False]:
    """What a noun after "the"/"his" refers to: an actor kind, None (any), False (nothing)."""
    if determiner in ("his", "her") and head in _VEHICLE_NOUNS:
        return "person"
    if determiner in ("his", "her", "their") and head in _RELATIVE_NOUNS:
        return "person"  # someone else: see `_resolve_anaphor`
    if determiner == "its" and head in ("crew", "eye", "remnants", "center", "centre"):
        return None
    if determiner in ("the", "this") and head in _STORM_NOUNS:
        return "storm"
    if determiner in ("the",) and head in _DESCRIBED_GROUP_HEADS:
        return "person"  # a person's company or a group of its own: see `_resolve_anaphor`
    if determiner in ("the",) and head in _SHIP_NOUNS:
        return "ship"
    if determiner in ("the",) and head in _RACE_NOUNS:
        return "race"
    if determiner in ("a", "an") and head in _PERSON_HEAD_NOUNS:
        return "person"  # "A West African envoy ... arrived": see `_resolve_anaphor`
    if head in _WANTED_PERSON_NOUNS:
        return "person"  # "A man who escaped from ... was arrested in Katherine": see above
    if determiner in ("a", "an", "the") and head in _ANIMAL_NOUNS:
        return "person"  # "A humpback whale fitted with a satellite tag has swum": she
    if determiner in ("a", "an") and head in _SINGLE_VESSELS:
        return "ship"  # "A hospital barge carrying surgeons tied up at Mbandaka"
    if determiner in ("a", "an"):
        # "A convoy of 20 lorries crossed ...", "An evacuation train left ...": an unnamed
        # group or vehicle that travels in its own right.
        known = head in _GROUP_HEADS or head in _DESCRIBED_GROUP_HEADS or head in _GROUP_VEHICLES
        return "group" if known else False
    if determiner in ("the", "this") and head in _GROUP_HEADS:
        return "group"
    if determiner in ("the", "these") and head in _GROUP_MEMBER_HEADS:
        return "group"  # refers back only: see `_description_actor`
    if determiner in ("the",) and head in _THE_PERSON_HEADS:
        return "person"
    if determiner in ("the",) and head in _PERSON_HEAD_NOUNS:
        return "person"
    return False


# A wanted person before (or instead of) the name: "A man who escaped from prison", "the
# fugitive", "a man matching his description".
_WANTED_PERSON_NOUNS = frozenset(
    {"fugitive", "escapee", "inmate", "prisoner", "convict", "man", "woman", "suspect"}
)


def _says_who(item: Item) -> bool:
    """Does `item` open what says who the one described is? After "a", a wanted person's noun
    describes someone only then: "a man who escaped", "a man matching his description", "a
    man walking along the highway" (not "a fourth suspect")."""
    return item.low == "who" or (
        item.kind == "word" and item.low.endswith("ing") and len(item.low) > 5
    )


# Nouns that, after "the", refer to a travelling group: a team, a convoy of lorries, a band.
_GROUP_HEADS = frozenset(
    {"team", "squad", "players", "club", "lorries", "trucks", "expedition", "band",
     "orchestra", "choir", "troupe", "climbers", "hikers", "trekkers", "contingent", "group",
     "musicians", "quartet", "trio", "duo", "three-piece", "four-piece", "five-piece",
     "six-piece", "quintet", "ensemble"}
)  # fmt: skip
# Nouns for a travelling party after "touring"/"visiting" ("the touring side").
_TRAVELLING_GROUP_NOUNS = frozenset(
    {"side", "squad", "team", "party", "delegation", "group", "teams", "sides", "players"}
)
_TRAVELLING_ADJECTIVES = frozenset({"touring", "visiting", "travelling", "traveling"})
_COUPLE_HEADS = frozenset({"couple", "pair", "duo", "entourage", "delegation"})
# Vehicles that carry a group ("an evacuation train", "a chartered plane"); after "the" they
# are the salient person's or the salient group's, whichever has travelled more.
_GROUP_VEHICLES = frozenset({"train", "bus", "plane", "flight", "ferry", "boat", "coach"})
# Plural people nouns that refer back to a group already travelling ("the officers" after "a
# contingent of police officers") or, counted at the start of a sentence, introduce one
# ("Several thousand migrants set off"); alone they are no one in particular.
_GROUP_MEMBER_HEADS = frozenset(
    {"officers", "troops", "soldiers", "migrants", "refugees", "pilgrims", "marchers",
     "volunteers", "athletes", "delegates", "fans", "protesters", "peacekeepers", "medics",
     "rescuers", "evacuees", "asylum-seekers", "cyclists", "runners", "walkers", "women",
     "men", "rowers", "sailors", "adventurers", "explorers", "scientists", "researchers",
     "students", "tourists", "passengers", "families", "climbers", "hikers", "swimmers",
     "riders", "paddlers", "vehicles"}
)  # fmt: skip
_COUNTING_WORDS = frozenset(
    {"several", "hundreds", "thousands", "dozens", "scores", "some", "about", "around",
     "nearly", "almost", "roughly", "more", "than", "over", "up", "to", "tens", "of",
     "hundred", "thousand", "dozen", "million", "two", "three", "four", "five", "six",
     "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty",
     "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)  # fmt: skip
# Nouns that, after "the", refer back to a travelling person ("the train", "the visitor").
_THE_PERSON_HEADS = frozenset(
    {"train", "sleeper", "bus", "aircraft", "motorcade", "convoy", "column", "plane", "jet",
     "helicopter", "entourage", "cortege", "armoured", "armored", "couple", "singer",
     "presidential", "papal", "royal", "pontiff", "visitor", "guest", "delegation", "pair"}
)  # fmt: skip
# Title words that, after "the", refer back to a person ("the leader", "the pontiff").
_PERSON_HEAD_NOUNS = _PERSON_TITLES - {
    "his",
    "her",
    "first",
    "foreign",
    "state",
    "national",
    "security",
    "natural",
    "resources",
    "space",
    "agency",
    "party",
    "special",
    "air",
    "force",
    "army",
    "navy",
    "press",
    "head",
    "chief",
    "official",
    "general",
    "former",
    "deputy",
    "acting",
    "interim",
    "senior",
    "assistant",
    "vice",
    "crown",
    "supreme",
    "grand",
    "royal",
    "defense",
    "defence",
    "interior",
    "finance",
    "economy",
    "trade",
    "health",
    "energy",
    "culture",
    "tourism",
    "transport",
    "education",
    "labour",
    "labor",
    "justice",
    "environment",
    "development",
    "affairs",
    "cabinet",
    "nuclear",
    "atomic",
    "managing",
    "executive",
    "star",
    "count",
    "st",
    "saint",
    "lady",
    "lord",
    "miss",
}


# ---------------------------------------------------------------------------------------------
# Cues
# ---------------------------------------------------------------------------------------------


# Words before a noun-or-verb form ("ride", "drive") that make it the verb.
_VERB_MARKERS = frozenset("will would to can could may might should must shall then and".split())


@dataclass
class CueHit:
    index: int  # index of the first item of the cue
    last: int  # index of the last item of the cue
    form: str
    cue: CueType
    is_noun: bool


# Lengths of the cue forms starting with each word, longest first (longest match wins).
_CUE_LENGTHS_BY_FIRST: dict[str, list[int]] = {}
for _form in _CUE_FORMS:
    _CUE_LENGTHS_BY_FIRST.setdefault(_form.split()[0], []).append(len(_form.split()))
for _lengths in _CUE_LENGTHS_BY_FIRST.values():
    _lengths.sort(reverse=True)


# The longest content word of each cue form: a sentence holding none of them has no cue.
_CUE_FUNCTION_WORDS = frozenset(
    "his her its their will were was is are be been being into through under down up back on "
    "in at to of the a an out off over".split()
)
_CUE_KEY_WORDS = frozenset(
    max([w for w in form.split() if w not in _CUE_FUNCTION_WORDS] or form.split(), key=len)
    for form in _CUE_FORMS
)


_COME_FORMS = frozenset({"come", "comes", "came", "coming"})


def _find_cues(items: list[Item]) -> list[CueHit]:
    hits: list[CueHit] = []
    resume = 0  # the first item after the last cue found
    for i, item in enumerate(items):
        # Only a word that starts some cue form can start a cue: the others are passed by.
        if i < resume or item.kind != "word" or item.low not in _CUE_LENGTHS_BY_FIRST:
            continue
        found: CueHit | None = None
        for n in _CUE_LENGTHS_BY_FIRST[item.low]:
            window = items[i : i + n]
            if len(window) < n or any(w.kind != "word" for w in window):
                continue
            form = " ".join(w.low for w in window)
            cue = _CUE_FORMS.get(form)
            if cue is None:
                continue
            is_noun = form in _NOUN_FORMS
            if form in _AMBIGUOUS_NOUNS or form in ("stop", "stops", "stay", "leg"):
                prev = items[i - 1].low if i > 0 else ""
                noun_context = (
                    prev in _DETERMINERS
                    or prev in _TRIP_NOUN_MODIFIERS  # "the last long ride down the coast"
                    or prev.endswith(("’s", "'s"))
                    or (i > 0 and items[i - 1].kind in ("name", "mover", "time"))
                )
                if form in ("stop", "stops") and prev in _TRIP_NOUN_MODIFIERS:
                    is_noun = True  # "was the third stop on the orchestra's tour"
                if form in ("visit", "trip", "flight", "cruise", "drive", "ride", "stage",
                            "route", "leg", "crossing", "passage", "tour of"):  # fmt: skip
                    if noun_context:
                        is_noun = True
                    elif form in ("visit",):
                        cue, is_noun = _VISIT, False  # "plans to visit Aleppo": the verb
                    elif form in ("tour of",):
                        is_noun = True
                    elif form in ("drive", "ride", "cruise") and prev in _VERB_MARKERS:
                        cue, is_noun = _MOTION, False  # "she will ride on to Kotor"
                    elif form == "crossing":
                        cue, is_noun = _CROSS, False  # "before crossing the Tasman"
                    else:
                        break  # "drive", "ride", "route" as plain words
            if form == "visit" and is_noun:
                cue = _VISIT_NOUN
            if form in _COME_FORMS and i + n < len(items) and items[i + n].low == "as":
                break  # "the tour comes as a dispute ... threatens": it happens amid, no motion
            found = CueHit(i, i + n - 1, form, cue, is_noun)
            break
        if found is not None:
            if not _spurious_cue(items, found):
                hits.append(found)
            resume = found.last + 1
    if not hits or hits[0].index > 2:
        leg = _verbless_leg(items, hits[0].index if hits else len(items))
        if leg is not None:
            hits.insert(0, leg)
    if not hits:
        entry = _diary_entry(items)
        if entry is not None:
            hits.append(entry)
    return hits


# A diary's dated entry line: "Saturday 25 April - Seoul." (a date, a dash, a place).
_ENTRY_PLACE = CueType("stop", "stop", {})


def _is_verbless(hit: CueHit) -> bool:
    """A cue found without a verb (a leg, a diary entry): its actor is the one the story
    follows and its tense the sentence's."""
    return hit.cue is _LEG or hit.cue is _LEG_FROM_TO or hit.cue is _ENTRY_PLACE


def _diary_entry(items: list[Item]) -> CueHit | None:
    """ "Saturday 25 April - Seoul.": where the diarist was that day; only a date, marks and
    one place make the line."""
    places = [k for k, it in enumerate(items) if it.kind == "place"]
    if (
        len(places) != 1
        or places[0] == 0
        or items[0].kind != "time"
        or any(it.kind not in ("time", "punct", "place") for it in items)
        or items[places[0] - 1].text not in ("-", "–", "—", ":")
    ):
        return None
    k = places[0] - 1
    return CueHit(k, k, items[k].text, _ENTRY_PLACE, False)


# A leg told without a verb, as logs and diaries do: "Days one and two: 138 km from Cusco to
# Sicuani", "Monday was the longest day, 64km through Ballyshannon to Sligo", "Day three: over
# the pass and down to Ayaviri". Only the route prepositions count: "30 km from the border"
# says where a place is, and no place after "in" or "at" is a stop of the leg.
_LEG = CueType(
    "leg",
    "origin",  # "Day 15: Marla to Alice": the place right after the heading is left
    {"from": "origin", "to": "destination", "on to": "destination", "onto": "destination",
     "back to": "destination", "into": "destination", "toward": "destination",
     "towards": "destination", "via": "pass", "through": "pass", "across": "pass",
     "over": "pass", "past": "pass", "along": "pass", "by way of": "pass"},
)  # fmt: skip
# "Busan to Fukuoka.": the hit is the first place itself; what follows "to" is the destination
_LEG_FROM_TO = CueType("leg", None, {"to": "destination"})
_LEG_UNITS = frozenset({"km", "kilometres", "kilometers", "miles", "mi", "nm"})
_DISTANCE_TOKEN_RE = re.compile(r"\d[\d.,]*(?:km|mi|nm)")
_LEG_HEADINGS = frozenset({"day", "days", "stage", "leg", "week", "night"})
# "The airport is 20 km from the city", "lies 300 miles to the south": where, not a leg.
_LOCATING_WORDS = frozenset({"is", "are", "was", "were", "lies", "lay", "sits", "located",
                             "situated", "about", "some", "just", "only", "barely"})  # fmt: skip


def _verbless_leg(items: list[Item], before: int) -> CueHit | None:
    """The first verbless leg before index `before` (the first verb cue): a distance, or a
    diary heading ("Day three:"), right before a route preposition."""
    lead = 0
    while lead < len(items) and items[lead].kind in ("time", "punct"):
        lead += 1
    if (
        lead + 2 < len(items)
        and lead < before
        and items[lead].kind == "place"
        and items[lead + 1].low == "to"
        and items[lead + 2].kind == "place"
    ):
        # "Busan to Fukuoka. Overnight ferry across the Korea Strait": a diary's leg
        return CueHit(lead, lead, "to", _LEG_FROM_TO, False)
    for last in range(min(before, len(items))):
        item = items[last]
        first = last
        if item.text == ":":
            is_leg = (
                0 < last <= 5
                and items[0].low in _LEG_HEADINGS
                and all(items[k].kind == "word" for k in range(last))
            )
        elif item.kind != "word":
            continue
        elif _DISTANCE_TOKEN_RE.fullmatch(item.low):
            is_leg = True
        else:
            first = last - 1 - (last > 0 and items[last - 1].low == "nautical")
            is_leg = (
                item.low in _LEG_UNITS
                and first >= 0
                and (items[first].low[:1].isdigit() or items[first].low in _COUNTING_WORDS)
            )
        if not is_leg or (first > 0 and items[first - 1].low in _LOCATING_WORDS):
            continue
        if item.text == ":":
            # "Days 13 and 14: 234 km, Coober Pedy to Marla": past the distance to the places
            k = last + 1
            while k < len(items) and (
                items[k].low in _LEG_UNITS
                or items[k].low in ("about", "some", "almost", "nearly", ",")
                or items[k].low[:1].isdigit()
            ):
                k += 1
            if k + 2 < len(items) and items[k].kind == "place" and items[k + 1].low == "to":
                return CueHit(k - 1, k - 1, ":", _LEG, False)
        prep = _preposition_at(items, last + 1) if last + 1 < len(items) else None
        if prep is None or prep[0] not in _LEG.preps:
            continue
        after = items[last + 1 + len(prep[0].split()) : last + 4]
        if any(it.low in _COMPASS_WORDS for it in after):
            continue  # "20 km to the north of Tunja": where, not whither
        if prep[0] == "from" and not any(
            it.low in ("to", "through", "via", "into") for it in items[last + 2 : last + 12]
        ):
            continue  # "300 miles from the border": a distance, not an origin
        form = " ".join(it.low for it in items[first : last + 1])
        return CueHit(first, last, form, _LEG, False)
    return None


_VISIT_NOUN = CueType("visit", None, {**_MOTION_PREPS, "to": "stop", "in": "stop", "at": "stop"})


_TRIP_NOUNS = frozenset(
    {"trip", "tour", "visit", "journey", "voyage", "expedition", "pilgrimage", "cruise",
     "odyssey", "swing", "leg", "stage", "race", "rally", "roadshow"}
)  # fmt: skip


def _trip_noun_after(items: list[Item], last: int) -> bool:
    """ "ended their summer tour", "concluded a three-day visit": the cue ends a journey."""
    for it in items[last + 1 : last + 6]:
        if it.kind != "word":
            return False
        if it.low in _TRIP_NOUNS:
            return True
    return False


_LANDSCAPE_NOUNS = frozenset(
    {"hills", "farmland", "countryside", "plains", "fields", "terrain", "dunes", "meadows",
     "downs", "vineyards", "grassland", "landscape", "waves", "surf"}
)  # fmt: skip
_TRANSIT_MODIFIED_NOUNS = frozenset(
    {"centre", "center", "camp", "hub", "point", "zone", "visa", "passengers", "country",
     "route", "area", "facility", "lounge", "site", "station"}
)  # fmt: skip
# Subjects of a motion verb that are no traveller: "heavy fighting continues around Pokrovsk".
_NON_ACTOR_SUBJECTS = frozenset(
    {"fighting", "shelling", "war", "violence", "combat", "clashes", "battle", "battles",
     "bombardment", "talks", "negotiations", "work", "construction", "rain", "snow", "traffic",
     "trade", "exports", "imports", "prices", "unrest", "protests", "smoke", "fire", "fires",
     "flooding", "floods", "water", "power", "supplies"}
)  # fmt: skip


def _next_word_after_times(items: list[Item], k: int) -> str:
    """ "began Monday at a plant": the word after `k`, times skipped."""
    k += 1
    while k < len(items) and items[k].kind == "time":
        k += 1
    return items[k].low if k < len(items) else ""


def _spurious_cue(items: list[Item], hit: CueHit) -> bool:
    """Cue words used in another sense: "left-wing", "the left", "land" as a noun, etc."""
    prev = items[hit.index - 1].low if hit.index > 0 else ""
    nxt = items[hit.last + 1].low if hit.last + 1 < len(items) else ""
    form = hit.form
    if form == "call":
        return _place_as_subject(items, hit) is None  # only "Sabetta was her first call"
    if form == "left" and (
        prev in ("the", "far", "centre", "center") or nxt in ("wing", "behind", "over")
    ):
        return True  # "the left", "left-wing", "time left over for a look at Laos"
    if _describes_landscape(items, hit.index):
        return True
    if nxt == "behind" and form in ("stayed", "stay", "stays", "staying", "remained", "remain",
                                    "remains", "left"):  # fmt: skip
        return True  # "her husband stayed behind in Omdurman": he did not go
    if form == "waiting" and nxt in ("times", "time", "list", "lists", "room", "area", "period"):
        return True  # "to cut waiting times at the border post"
    if form in ("transit", "transiting") and nxt in _TRANSIT_MODIFIED_NOUNS:
        return True  # "a transit centre run by the region": a place to stay, not a passage
    if form.startswith("stop") and prev.rsplit(" ", 1)[-1] in ("bus", "tram", "truck", "pit"):
        return True  # "a busy bus stop in the Peruvian capital": a thing, not a halt
    if form.endswith("ing") and prev in _DETERMINERS and nxt in _TRAVELLING_GROUP_NOUNS:
        return True  # "the touring squad", "a visiting delegation": who, not a movement
    if (
        form
        in (
            "land",
            "end",
            "start",
            "finish",
            "race",
            "track",
            "board",
            "rest",
            "camp",
            "address",
            "stay",
            "stop",
            "drive",
            "ride",
            "tour",
            "walk",
            "march",
            "flight",
            "route",
            "journey",
            "leg",
            "head",
            "spend",
            "cycle",
            "speed",
            "sign",
            "appear",
            "wave",
            "speak",
            "move",
            "crossing",
            "pass",
            "transfer",
            "climb",
            "return",
            "exit",
            "quit",
            "overnight",
            "dock",
            "visit",
            "trip",
        )
        and prev in ("the", "a", "an", "its", "their", "his", "her", "of", "this", "that")
        and not hit.is_noun
    ):
        return True
    if form in ("head", "heads") and prev in ("the", "a", "as", "of", "deputy", "former"):
        return True
    if form in ("meeting",) and prev in ("the", "a", "this", "that", "their", "his", "her"):
        return False
    if (
        form in ("end", "ended", "ends", "ending", "concluded", "conclude", "concludes")
        and not _trip_noun_after(items, hit.last)
        and nxt
        in ("of", "the", "a", "an", "his", "her", "their", "its", "this", "that", "up", "in", "to")
        and nxt not in ("in",)
    ):
        return True
    if (
        form in ("going",)
        and nxt == "to"
        and hit.last + 2 < len(items)
        and items[hit.last + 2].kind == "word"
        and items[hit.last + 2].low not in _FILLER_WORDS
    ):
        return True  # "going to meet": a future marker, not motion
    if form in ("took", "take", "takes", "taking", "caught", "catch", "catches", "hopped",
                "carried", "carries", "carry"):  # fmt: skip
        return (
            not _transport_after(items, hit.last)
            and not any(
                it.low in ("from", "to", "through", "into", "across", "via")
                # "a minibus took them over the border to Copacabana"
                or (
                    # "the forecast takes the storm over Great Inagua" (not "took over")
                    it.low in ("over", "past", "towards", "toward", "near")
                    and k > 1
                    and items[hit.last + 1].kind == "mover"
                )
                for k, it in enumerate(items[hit.last + 1 : hit.last + 10], start=1)
            )
        )
    if form in ("played", "plays", "playing", "performed", "performs", "perform",
                "performing", "sang"):  # fmt: skip
        return False
    if form in (
        "started",
        "start",
        "starts",
        "began",
        "begin",
        "begins",
        "opened",
        "opens",
    ) and any(
        # "opened the tour with a victory in Apia" (also when "the tour" is a description)
        it.low.rsplit(" ", 1)[-1]
        in ("trip", "tour", "visit", "journey", "voyage", "day", "race", "stage", "leg")
        for it in items[hit.last + 1 : hit.last + 7]
    ):
        return False
    if (
        form in ("pass", "tour", "stop", "visit", "trip", "end", "start")
        and hit.index > 0
        and items[hit.index - 1].kind != "demonym"  # "their European tour in Vienna"
        and (
            items[hit.index - 1].kind in ("name", "unknown_place", "place")
            or _is_capitalised(items[hit.index - 1].text)
        )
        and not hit.is_noun
    ):
        return True  # "the Tourmalet pass", "the Eras Tour"
    if hit.index > 0 and items[hit.index - 1].low.rsplit(" ", 1)[-1] in _TRIP_NOUNS:
        return False  # "the tour opened in Oslo", "the visit ended in Hanoi"
    if (
        hit.index > 1
        and items[hit.index - 1].low in ("that", "which")
        and items[hit.index - 2].low in _TRIP_NOUNS
    ):
        return False  # "a six-city tour that opens in Winnipeg"
    if form in ("opened", "opens"):
        return True
    if form in (
        "started",
        "start",
        "starts",
        "began",
        "begin",
        "begins",
        "launched",
        "launches",
        "kicked off",
        "kicks off",
        "kick off",
    ) and _next_word_after_times(items, hit.last) not in (
        "in",
        "at",
        "from",
        "on",
        "out",
        "off",
    ):
        return True
    return form in ("moving", "move", "moved", "moves") and nxt in ("forward", "ahead", "on")


# ---------------------------------------------------------------------------------------------
# Per-cue analysis: places governed, actor, status, time
# ---------------------------------------------------------------------------------------------


@dataclass
class Governed:
    item_index: int
    role: Role
    prep: str = ""  # the preposition that gave the role ("" for a direct object)


_PLAY_FORMS = frozenset({"play", "plays", "played", "playing"})
# Past forms of travel verbs that do not end in -ed: without them a clause reads as present.
_IRREGULAR_PAST = frozenset(
    "flew left went came took drove rode ran swam met spent made began set sped spun wound "
    "stood sat hit struck tore fled brought caught led bore stuck got put sent slept kept "
    "held gave saw".split()
)
_MEET_FORMS = frozenset(
    {"met", "meet", "meets", "meeting", "greeted", "received", "welcomed", "talks with"}
)


def _governed_places(items: list[Item], hit: CueHit) -> list[Governed]:
    """Places in the cue's scope with their roles: direct object, then prepositional phrases."""
    out: list[Governed] = []
    cue = hit.cue
    if cue is _LEG_FROM_TO:
        out.append(Governed(hit.index, "origin"))  # "Busan to Fukuoka.": the hit is Busan
    role: Role | None = None
    content = 0
    j = hit.last + 1
    # A direct object: "visited Pyongyang", "left Khasan", "crossed the Razdolnaya River".
    if cue.obj is not None and not hit.is_noun:
        role = cue.obj
    elif (
        hit.form in _PLAY_FORMS
        and j < len(items)
        and (town := items[j].resolved) is not None
        and town.place is not None
        and town.place.kind in ("city", "capital")
    ):
        role = "stop"  # "the band will play Regina on April 6": a town, not an opponent
    elif hit.form in ("stop was", "stop will be"):
        role = "stop"  # "The canoe's first stop was Russell"
    elif hit.form == "posted from":
        role = "stop"  # "posted from the sponsor's store in Ginza": where she was
    elif (
        hit.form in ("visit to", "visits to")
        or hit.form.endswith((" in", " at"))
        and hit.cue is _NOUN_STOP
    ):
        role = "stop"
    elif hit.form.endswith((" in", " at")) and not hit.is_noun:
        role = cue.preps.get(hit.form.split()[-1], "stop")  # "a day in X", "called at X"
    elif hit.form.endswith(" into"):
        role = cue.preps.get("into", "destination")
    elif hit.form.endswith(" of") and hit.form not in ("tour of",):
        role = cue.preps.get("from", "origin")
    elif hit.form == "tour of":
        role = "stop"
    elif hit.form in ("bound",):
        role = None
    if hit.form in ("held", "holding", "met", "meets", "meet") or (
        hit.form in ("stopped", "stop", "stops", "stopping", "paused")
        and j < len(items)
        and items[j].low == "for"
    ):
        # "held an evening town hall in London", "stopped for lunch and an ice pack in
        # Ballinrobe": what was held or stopped for, then where
        k = j
        while k < len(items) and k < j + 8 and items[k].kind == "word":
            if items[k].low in ("in", "at"):
                j = k
                break
            k += 1
    last_was_place = False
    qualifying = False  # "in Dongshan county near Zhangzhou, in Fujian": where the last place is
    in_apposition = False  # inside ", the ..." after a place: what it is, up to the next comma
    current_prep = ""
    since_place = 99
    steps = 0
    while j < len(items) and steps < 30:
        steps += 1
        it = items[j]
        if (
            (it.kind == "place" or it.kind == "unknown_place")
            and cue.only == "group"
            and (not current_prep)
        ):
            content += 1  # "faced Wrexham in San Diego": the opponent, named after its town
            j += 1
            continue
        if it.kind in ("place", "unknown_place") and _names_a_venue_elsewhere(items, j):
            j += 1  # "performed at Hill Auditorium in Ann Arbor": a venue's name, then the town
            continue
        if it.kind == "place" or it.kind == "unknown_place":
            if (
                role is not None
                and not qualifying
                and not _is_modifier(items, j)
                and not _names_a_trip_region(items, j, hit)
            ):
                out.append(Governed(j, role, current_prep))
            last_was_place = True
            since_place = 0
            content = 0
            j += 1
            continue
        if it.kind in ("time", "demonym"):
            j += 1
            continue
        if (
            it.kind in ("name", "mover")
            and j == hit.last + 1
            and (hit.form in _TAKE_FORMS or hit.form in _TOW_FORMS)
        ):
            j += 1  # "will take it to Phoenix": the one taken, not a new subject
            continue
        if hit.form in _MEET_FORMS and (
            (it.kind in ("name", "mover") and it.actor is not None and it.actor.kind == "person")
            or (it.kind == "word" and it.low in _PERSON_TITLES)
            or (
                it.text == ","
                and j + 1 < len(items)
                and (items[j + 1].kind == "name" or items[j + 1].low in _PERSON_TITLES)
            )
        ):
            j += 1  # "met Qatar's emir, Sheikh Tamim bin Hamad Al Thani, in Doha": who was met
            continue
        if it.kind in ("name", "mover"):
            if it.actor is not None and it.actor.anaphor in ("he", "she", "they", "it"):
                break  # a new clause with its own subject
            content += 1
            last_was_place = False
            j += 1
            continue
        if it.kind == "punct":
            if it.text in _BOUNDARY_PUNCT or it.text == ".":
                break
            if it.text == ",":
                in_apposition = False
                # ", where ...", ", which ...", ", he said": the clause ends.
                nxt = items[j + 1] if j + 1 < len(items) else None
                after_and = items[j + 2] if j + 2 < len(items) else None
                continues = (
                    nxt is not None and nxt.low == "and" and after_and is not None
                    and after_and.low in ("then", "on", "to", "via", "through", "into")
                )  # fmt: skip
                if (
                    nxt is not None
                    and nxt.kind == "word"
                    and not continues
                    and (
                        nxt.low in _BOUNDARY_WORDS
                        or nxt.low in _CUE_FORMS
                        or _two_word_cue_at(items, j + 1)
                        or nxt.low
                        in (
                            "and",
                            "then",
                            "before",
                            "after",
                            "with",
                            "some",
                            "roughly",
                            "about",
                            "nearly",
                            "where",
                            "while",
                        )
                    )
                    and not (last_was_place and nxt.low == "and")
                ):
                    break
                if (
                    nxt is not None
                    and nxt.kind in ("name",)
                    or (
                        nxt is not None
                        and nxt.kind == "mover"
                        and nxt.actor is not None
                        and nxt.actor.anaphor in ("he", "she", "they", "it")
                    )
                ):
                    break
                if not last_was_place:
                    content += 1
                elif (
                    items[j - 1].kind not in ("place", "unknown_place")
                    and nxt is not None
                    and nxt.low in ("the", "a", "an")
                ):
                    # "in Philadelphia on Thursday, the 9:30 Club in Washington on Friday": a
                    # new item of a list, not where the last place lies
                    since_place = 99
                if (
                    last_was_place
                    and items[j - 1].kind in ("place", "unknown_place")
                    and nxt is not None
                    and nxt.low in ("the", "a", "an")
                ):
                    # "Mombasa, the country's main port", "Khorog, the regional capital tucked
                    # into a gorge across the river from Afghanistan": an apposition to the comma
                    qualifying = in_apposition = True
            j += 1
            since_place += 0 if it.text == "," else 1
            continue
        low = it.low
        if (
            low in _BOUNDARY_WORDS
            and not (low == "as" and role is None)
            and not (low == "than" and j > 0 and _comparative(items[j - 1].low))
        ):  # "more than 5,000 kilometres to South Georgia": a number, no clause
            break
        if low in _PURPOSE_WORDS:
            break  # "a tour aimed at securing a ceasefire in Gaza": the aim, not the route
        if low == "with":
            # "opened the tour with a hard-fought 27-20 victory over Samoa in Apia": the result
            result = next((k for k in range(j + 1, min(j + 6, len(items)))
                           if items[k].low in _RESULT_NOUNS), None)  # fmt: skip
            if result is not None:
                j = result
                continue

        if (
            low in ("about", "regarding", "concerning")
            and j + 1 < len(items)
            and items[j + 1].kind == "word"
            and not items[j + 1].low[:1].isdigit()
            and items[j + 1].low not in _COUNTING_WORDS
        ):
            break  # "spoke about the war in Ukraine": the topic, not where
        if low == "as" and j + 1 < len(items) and items[j + 1].low in ("a", "an"):
            # "came ashore as a Category 3 hurricane just south of Bilwi": what it was then
            storm = next((k for k in range(j + 2, min(j + 7, len(items)))
                          if items[k].low in _STORM_NOUNS), None)  # fmt: skip
            if storm is not None:
                j = storm + 1
                continue
        if low in _COMPASS_WORDS and j + 1 < len(items) and items[j + 1].low == "of":
            # "made landfall south of Vilanculos": near it, unless a distance says how far.
            far = j > 0 and items[j - 1].low in _DISTANCE_UNITS
            # "from Zuwara, west of Tripoli": after a place it only says where that place is.
            # "passed about 150 kilometres north of Bermuda": passing it, even at a distance
            far = far and cue is not _PASS
            role = None if far or since_place <= 2 else cue.preps.get("near", "stop")
            current_prep = "near"
            content = 0
            j += 2
            continue
        if low in _TRIP_NOUNS and cue in (_FINISH, _START, _SETOFF):
            j += 1  # "end the trip in Abidjan", "began the tour in Oslo": its object
            continue
        if low in _VOYAGE_NOUNS and cue is _LEAVE and out:
            break  # "left Longyearbyen on a voyage down the coast of Greenland": the way on
        if (low in _CUE_FORMS and _starts_cue(items, j)) or (
            low not in _CUE_FORMS and _two_word_cue_at(items, j)  # "and called at Ålesund"
        ):
            break
        if low in ("will", "would", "shall") and j > 0 and items[j - 1].low == "and":
            break  # "had set off from Budapest and will ride on to Dublin": a new predicate
        if low == "without" and out and j + 1 < len(items) and items[j + 1].low in ("a", "an"):
            # "through Medellín without a stop longer than a fuel break, to Necoclí": how it
            # went there, an aside up to the next comma or leg
            k = j + 1
            while k < len(items) and k < j + 10 and items[k].kind in ("word", "time"):
                if items[k].low in ("to", "into", "towards", "toward", "via", "through"):
                    break
                k += 1
            if k < len(items) and (items[k].text == "," or items[k].kind == "word"):
                j = k
                continue
        prep = _preposition_at(items, j)
        if prep is not None:
            words, new_role = prep
            if words == "to" and _infinitive_after(items, j):
                if j + 1 < len(items) and items[j + 1].low in _STOPOVER_PURPOSES:
                    j += 2  # "stopped to refuel at Ramstein"
                    continue
                if j + 1 < len(items) and items[j + 1].low in _JOINING_PURPOSES:
                    j += 2  # "fly north to join the president in Hanoi": where they meet
                    continue
                break
            if (
                words == "by"
                and cue is _GROUP_PRESENCE
                and j + 2 < len(items)
                and _counts(items[j + 1].low)
            ):
                j += 3  # "beat Sri Lanka by six wickets in Galle": the margin, skipped
                continue
            if words in ("over", "against") and j > 0 and items[j - 1].low in _RESULT_NOUNS:
                j += 1  # "a 2-0 win over Palestine in Kuwait City": the opponent, skipped
                if j < len(items) and items[j].kind in ("place", "unknown_place", "name"):
                    j += 1
                continue
            if words == "of" and j > 0 and items[j - 1].low in _DESCRIPTOR_NOUNS:
                j += 1
                continue
            if words == "and" or words == "or":
                if (
                    j + 1 < len(items)
                    and items[j + 1].kind == "word"
                    and items[j + 1].text[0].isupper()
                ):
                    since_place = 99  # "and The National in Richmond": a new item of a list
                j += 1
                continue
            if words in ("by", "aboard", "on") and _transport_after(items, j):
                j = _skip_transport(items, j)
                continue
            if (
                words == "by"
                and j + 1 < len(items)
                and items[j + 1].low.split(" ", 1)[0] in ("a", "an")
            ):
                break  # "was found ... by a team from Braemar": the agent's, not the place's
            if words not in ("and", "or") and j > 0 and items[j - 1].low in ("and", "or"):
                since_place = 99  # "due in Toronto on Wednesday and in Montreal": a new phrase
            qualifying = in_apposition or (
                words in ("in", "near", "outside", "inside", "of") and since_place <= 3
            )
            if qualifying and out and words == "near":
                prev_place = items[out[-1].item_index].resolved
                if (
                    prev_place is not None
                    and prev_place.place is not None
                    and (
                        prev_place.place.kind
                        in (
                            "sea",
                            "region",
                            "river",
                            "lake",
                            "mountain",
                            "island",
                            "admin1",
                            "admin2",
                            "country",
                        )
                    )
                ):
                    qualifying = False  # "into the Taiwan Strait near Kaohsiung"
            if words in cue.preps:
                role = cue.preps[words]
            else:  # "down" and "up" lead to places only after verbs of motion
                role = None if words in _MOTION_ONLY_PREPS else new_role
            if words == "from" and j - 1 > hit.last and items[j - 1].low in _DISTANCE_UNITS:
                role = None  # "300 miles from the border": a distance, not an origin
            current_prep = words
            if role is not None:
                content = 0
            last_was_place = False
            j += len(words.split())
            continue
        if low in ("and", "or", "then", "later", "&"):
            j += 1
            continue
        venue_end = _venue_name_end(items, j)
        if venue_end is not None:
            j = venue_end + 1  # "playing the Enmore Theatre in Sydney": the town follows
            continue
        since_place += 1
        if (
            low in _FILLER_WORDS
            or low in _RESULT_NOUNS
            or low in _DURATION_UNITS
            or low in _DISTANCE_UNITS  # "swum more than 5,000 kilometres to South Georgia"
            or low in _COUNTING_WORDS
            or low == "nights"
            or low.endswith(("ern", "’s", "'s"))
            or low.isdigit()
            or _SCORE_RE.fullmatch(low)
        ):
            last_was_place = False
            j += 1
            continue
        content += 1
        last_was_place = False
        if content > 2 or (content > 1 and role is None):
            break
        j += 1
    return [g for g in out if items[g.item_index].kind == "place" or True]


def _names_a_trip_region(items: list[Item], j: int, hit: CueHit) -> bool:
    """ "their three-match Pacific tour", "his Africa trip", "a four-day tour of the Sahel": a
    region or sea naming the trip is where it goes as a whole, not a stop."""
    rm = items[j].resolved
    return (
        ((j + 1 < len(items) and items[j + 1].low in _TRIP_NOUNS) or hit.form == "tour of")
        and rm is not None
        and rm.place is not None
        and rm.place.kind in ("sea", "region", "continent")
    )


def _names_a_venue_elsewhere(items: list[Item], j: int) -> bool:
    """Does the place at `j` start a venue's name ("Hill Auditorium", "Carnegie Hall") that is
    then placed in another town ("... in Ann Arbor")?"""
    end = _venue_name_end(items, j + 1, first_is_name=True)
    if end is None:
        # "Union Transfer in Philadelphia": any capitalised words that go on the place's name
        # and are then placed in a town make a venue, facility noun or not
        end = _capitalised_run_end(items, j + 1)
    return (
        end is not None
        and end + 2 < len(items)
        and items[end + 1].low in ("in", "at")
        and items[end + 2].kind == "place"
    )


_OTHERS_WORDS = frozenset({"other", "many", "some", "most", "several", "few", "both"})


def _others_as_subject(prefix: list[Item]) -> bool:
    """Does the clause open with others ("Other boats", "Many storks", "Some migrants")?"""
    words = [it for it in prefix if it.kind not in ("time", "punct")]
    return (
        len(words) >= 2
        and words[0].low in _OTHERS_WORDS
        and words[1].kind == "word"
        and words[1].low.endswith("s")
        and not words[1].low.endswith("ss")
    )


_SPOKEN_TO_VERBS = frozenset(
    {"spoke", "speak", "speaks", "speaking", "talked", "talk", "talks", "talking", "wrote",
     "write", "writes", "according", "listened", "replied", "married"}
)  # fmt: skip


def _is_participle_form(hit: CueHit) -> bool:
    """Is the cue a verb's -ing form ("starting in Suva"), not a noun?"""
    return not hit.is_noun and hit.form.split(" ", 1)[0].endswith("ing")


def _comparative(word: str) -> bool:
    """ "more (than)", "longer (than a fuel break)"; not "rather (than)" nor "other"."""
    return word in ("more", "less", "fewer") or (
        word.endswith("er") and len(word) > 4 and word not in ("rather", "other", "whether")
    )


def _capitalised_run_end(items: list[Item], j: int) -> int | None:
    """The last of one to three capitalised plain words starting at `j`, else None."""
    k = j
    while k < len(items) and k < j + 3 and items[k].kind == "word" and items[k].text[0].isupper():
        k += 1
    return k - 1 if k > j else None


def _venue_name_end(items: list[Item], j: int, first_is_name: bool = False) -> int | None:
    """ "Enmore Theatre", "Olympic Stadium": where a capitalised venue name starting at `j`
    ends (its facility noun), else None (`first_is_name`: its first word came before `j`)."""
    k = j
    while k < len(items) and k < j + 4 and items[k].kind == "word" and items[k].text[0].isupper():
        if items[k].low in _FACILITY_NOUNS and (k > j or first_is_name):
            return k
        k += 1
    return None


# A match result inside a clause of travel: "ended the tour with a 1-0 win over X in Dublin".
_RESULT_NOUNS = frozenset({"win", "victory", "defeat", "loss", "draw", "triumph", "rout"})
_SCORE_RE = re.compile(r"[\d,.]+|\d+[-–]\d+")
_RELATIVE_CLAUSE_RE = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*,")
_PURPOSE_WORDS = frozenset({"aimed", "aiming", "designed", "intended", "meant"})
_COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "north-east", "north-west", "south-east", "south-west"}
)  # fmt: skip
_STOPOVER_PURPOSES = frozenset({"refuel", "rest", "regroup", "resupply", "refit", "recover"})
_JOINING_PURPOSES = frozenset({"join", "rejoin", "meet", "accompany"})
_FACILITY_NOUNS = frozenset(
    {
        "station",
        "airport",
        "stadium",
        "cathedral",
        "square",
        "palace",
        "terminal",
        "port",
        "harbour",
        "harbor",
        "arena",
        "hall",
        "dome",
        "base",
        "airfield",
        "pier",
        "quay",
        "bridge",
        "park",
        "hotel",
        "theatre",
        "theater",
        "museum",
        "centre",
        "center",
        "hospital",
        "church",
        "mosque",
        "temple",
        "gallery",
        "auditorium",
        "pavilion",
        "market",
        "embassy",
        "university",
        "zoo",
        "oval",
        "velodrome",
        "racecourse",
        "circuit",
        "marina",
    }
)
_DISTANCE_UNITS = frozenset(
    {
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "mile",
        "metres",
        "meters",
        "kilometre",
        "kilometer",
        "away",
        "hours",
        "minutes",
    }
)


_PREPOSITION_WORDS = frozenset(PREPOSITIONS)
_PREPOSITIONS_BY_FIRST: dict[str, list[str]] = {}
for _prep in PREPOSITIONS:  # longest first, as in PREPOSITIONS
    _PREPOSITIONS_BY_FIRST.setdefault(_prep.split()[0], []).append(_prep)


def _preposition_at(items: list[Item], j: int) -> tuple[str, Role | None] | None:
    for prep in _PREPOSITIONS_BY_FIRST.get(items[j].low, ()):
        words = prep.split()
        window = items[j : j + len(words)]
        if len(window) == len(words) and all(
            w.kind == "word" and w.low == p for w, p in zip(window, words, strict=True)
        ):
            return prep, _MOTION_PREPS.get(prep) if prep not in ("on",) else None
    if items[j].low in ("and", "or"):
        return items[j].low, None
    return None


_NOUN_LIKE_VERB_FORMS = frozenset(
    {"stop", "stay", "leg", "end", "start", "land", "head", "route", "race", "rest", "board",
     "drive", "ride", "tour", "base", "line", "finish", "camp"}
)  # fmt: skip


def _two_word_cue_at(items: list[Item], j: int) -> bool:
    """ ", picked up the group from ...": a two-word verb starting a new predicate."""
    return j + 1 < len(items) and f"{items[j].low} {items[j + 1].low}" in _CUE_FORMS


def _starts_cue(items: list[Item], j: int) -> bool:
    low = items[j].low
    cue = _CUE_FORMS.get(low)
    if cue is None:
        return False
    if _describes_landscape(items, j):
        return False
    return not (low in _NOUN_FORMS or low in _NOUN_LIKE_VERB_FORMS)


def _describes_landscape(items: list[Item], j: int) -> bool:
    """ "across rolling farmland to Córdoba": "rolling" describes a landscape, not a move."""
    return items[j].low == "rolling" and j + 1 < len(items) and items[j + 1].low in _LANDSCAPE_NOUNS


def _infinitive_after(items: list[Item], j: int) -> bool:
    """ "to meet", "to discuss": `to` starting a verb phrase, not a destination."""
    if j + 1 >= len(items):
        return True
    nxt = items[j + 1]
    if nxt.kind != "word":
        return False
    if nxt.low in _DETERMINERS or nxt.low in _FILLER_WORDS or nxt.low.endswith(("ern", "’s")):
        return False
    if nxt.low in _GROUP_WORDS or _names_members(nxt.low):
        return False  # "spoke to reporters in Dubai": people, not a verb
    return not _is_capitalised(nxt.text)


def _transport_after(items: list[Item], j: int) -> bool:
    k = j + 1
    while k < len(items) and k - j <= 4 and items[k].kind == "word":
        if items[k].low in ("train", "plane", "car", "road", "air", "sea", "ship", "boat",
                            "ferry", "helicopter", "jet", "motorcade", "convoy", "bus", "foot",
                            "bicycle", "bike", "rail", "land", "horseback", "aircraft",
                            "board", "yacht", "flight", "coach", "truck", "limousine",
                            "foot", "camel", "motorbike", "motorcycle", "tram", "metro",
                            "subway", "ship"):  # fmt: skip
            return True
        k += 1
    return False


def _skip_transport(items: list[Item], j: int) -> int:
    k = j + 1
    while k < len(items) and k - j <= 5 and items[k].kind == "word":
        if items[k].low in _PREPOSITION_WORDS and k > j + 1:
            return k
        k += 1
    return k


def _is_modifier(items: list[Item], j: int) -> bool:
    """ "the Far East city of Ussuriysk": a place that only qualifies the next one."""
    k = j + 1
    if k < len(items) and items[k].kind == "word" and items[k].low in ("’s", "'s"):
        return True
    if _names_an_event(items, k):
        return True  # "for the Pacific Islands Forum": an event's name, not where one goes
    possessive = (
        (k < len(items) and items[k].kind == "word" and items[k].low in ("’s", "'s"))
        or (k + 1 < len(items) and items[k].text in ("'", "’") and items[k + 1].low == "s")
        or items[j].text.endswith(("’s", "'s"))
    )
    if possessive:
        # "Russia's Vostochny Cosmodrome", "Russia's TASS agency": the place only qualifies;
        # "Moscow's Yaroslavsky station": the station is in Moscow.
        rest = items[k : k + 8]
        if any(it.kind in ("place", "unknown_place") for it in rest[:7]):
            return True
        nxt = next((it for it in rest if it.kind == "word" and it.low not in ("’s", "'s", "s")),
                   None)  # fmt: skip
        if nxt is not None and (nxt.low.endswith("est") or nxt.low in ("first", "only", "main")):
            return True  # "the Istiqlal mosque, South-East Asia's largest": what the mosque is
        following = [it for it in rest if it.kind in ("word", "name")][1:4]
        if following and _is_capitalised(following[0].text):
            # "Moscow's Yaroslavsky station", "Seoul's Gangnam district": in the city
            return not any(w.low in _FACILITY_NOUNS or w.low in _CITY_AREA_NOUNS
                           for w in following)  # fmt: skip
        return False
    words = 0
    while k < len(items) and items[k].kind == "word" and words < 4:
        if words == 0 and items[k].low in ("on", "in", "at", "near"):
            return False  # "Kochi on the island of Shikoku": where Kochi is, not a modifier
        if (
            items[k].low in ("at", "in", "near")
            and words >= 1
            and k + 1 < len(items)
            and (items[k + 1].kind in ("place", "unknown_place"))
        ):
            return True  # "on the Red Sea coast at Yanbu"
        if items[k].low == "of":
            return words >= 1 and k + 1 < len(items) and (
                items[k + 1].kind in ("place", "unknown_place")
                or (items[k + 1].low == "the" and k + 2 < len(items)
                    and items[k + 2].kind in ("place", "unknown_place"))
            )  # fmt: skip
        if items[k].low not in _DESCRIPTOR_NOUNS and items[k].low not in _FILLER_WORDS:
            return False
        words += 1
        k += 1
    return False


# Buildings a travel noun can qualify: "the flagship store", "the bus shelter".
_SHOP_NOUNS = frozenset({"store", "shop", "shelter", "depot", "garage", "showroom", "boutique"})
# Parts of a city named after its possessive: "Seoul's Gangnam district".
_CITY_AREA_NOUNS = frozenset(
    {"district", "quarter", "neighbourhood", "neighborhood", "suburb", "borough", "ward",
     "area", "old", "downtown", "waterfront", "harbour", "harbor"}
)  # fmt: skip
# Last words of the names of meetings and bodies named after a place ("Pacific Islands Forum").
_EVENT_NAME_HEADS = frozenset(
    {"forum", "summit", "conference", "games", "council", "assembly", "festival", "cup",
     "championship", "championships", "expo", "fair", "congress", "dialogue", "talks",
     "convention", "symposium", "week", "open", "marathon", "grand", "prix"}
)  # fmt: skip


def _names_an_event(items: list[Item], k: int) -> bool:
    """Capitalised words from `k` that end in an event or body's head noun."""
    for it in items[k : k + 3]:
        if it.kind != "word" or not _is_capitalised(it.text):
            return False
        if it.low in _EVENT_NAME_HEADS:
            return True
    return False


_AUXILIARIES = frozenset(
    "will would shall is are was were has have had then first also later soon now".split()
)


def _after_a_comma(items: list[Item], index: int) -> bool:
    """Does a comma come right before the cue, its auxiliaries (", will fly") and at most two
    other words (", played two nights in Dublin": a verb and its count before a noun cue)?"""
    k = index - 1
    other = 0
    while k >= 0 and items[k].kind == "word" and other < 2 and items[k].low not in _BOUNDARY_WORDS:
        if items[k].low in _AUXILIARIES:
            k -= 1
            continue
        other += 1
        k -= 1
    return k >= 0 and items[k].text == ","


# Verbs of a relative clause that says who belongs to the subject ("a team that includes").
_MEMBERSHIP_VERBS = frozenset(
    {"includes", "included", "include", "comprises", "comprised", "comprise", "numbers",
     "numbered"}
)  # fmt: skip


def _clause_start(items: list[Item], index: int) -> int:
    """Index of the first item of the clause that ends at `index` (the cue)."""
    k = index - 1
    if _after_a_comma(items, index):
        # "The migrants, who said they had been promised ..., left": the relative clause
        # before the comma hides the subject, whatever it holds ("said" included).
        k = next(
            (w for w in range(index - 1, 0, -1)
             if (items[w].low in ("who", "which")
                 and (items[w - 1].text == "," or items[w - 1].low == "and"))
             # "The tour, billed as a swing through a region where ..., began"
             or (w >= 2 and items[w - 1].text == "," and items[w].low.endswith("ed")
                 and items[w].kind == "word" and items[w - 2].kind in ("mover", "name"))),
            k,
        )  # fmt: skip
    while k >= 0:
        it = items[k]
        if it.kind == "punct" and it.text == ")":
            while k > 0 and items[k].text != "(":
                k -= 1  # "Kim Jong-un (C) arriving": a parenthesis is transparent
            k -= 1
            continue
        if it.kind == "punct" and (it.text in _BOUNDARY_PUNCT or it.text == "."):
            return k + 1
        if (
            it.kind == "word"
            and it.low == "than"
            and k > 0
            and items[k - 1].low in ("more", "less", "fewer", "other")
        ):
            k -= 1  # "A convoy of more than 1,000 vehicles ... arrived": a number, no clause
            continue
        if (
            it.kind == "word"
            and it.low in ("said", "says", "say")
            and k + 1 < index
            and items[k + 1].text == ","
            and (opening := next((c for c in range(k - 1, max(-1, k - 4), -1)
                                  if items[c].text == ","), None)) is not None
        ):  # fmt: skip
            k = opening - 1  # "carrying, aides said, a folder": a parenthesis, no new clause
            continue
        if (
            it.kind == "word"
            and it.low == "that"
            and k > 0
            and k + 1 < index
            and items[k - 1].kind in ("word", "mover")
            and items[k + 1].low in _MEMBERSHIP_VERBS
        ):
            k -= 1  # "Kulkarni and a team that includes Arjun Mehta will head": who goes
            continue
        if it.kind == "word" and it.low in _BOUNDARY_WORDS:
            # "The ship, which blocked the canal, arrived": skip the relative clause.
            # "The president, who has ... and who last travelled in January, will fly": the
            # relative clauses end at a comma before the cue's auxiliaries.
            if (
                it.low in ("which", "who")
                and k > 0
                and (items[k - 1].text == "," or items[k - 1].low == "and")
                and _after_a_comma(items, index)
            ):
                k -= 2
                continue
            return k + 1
        if it.kind == "word" and it.low == "and" and k + 1 < index:
            # "and he left": a new clause only when a subject follows "and" ("Biden and
            # Netanyahu are meeting" is one subject).
            nxt = items[k + 1]
            if nxt.kind in ("name", "mover") and not (k > 0 and items[k - 1].kind == "name"):
                return k + 1
        if it.kind == "punct" and it.text == "," and k + 1 < len(items):
            nxt = items[k + 1]
            if nxt.kind in ("name", "mover") or (
                nxt.kind == "word"
                and nxt.low in ("and", "then", "before", "after", "where", "which", "while")
            ):
                return k + 1
        k -= 1
    return 0


@dataclass
class SentenceState:
    """Carried from cue to cue within a sentence: the previous cue's actor and status."""

    actor_key: str | None = None
    status: Status | None = None


def _journey_owner(noun: str, state: SentenceState, registry: ActorRegistry) -> str | None:
    """Whose journey "the tour" or "the stage" is: a race's stage or leg is the race's (not the
    stage winner's), any other the one the article follows."""
    if noun in ("stage", "leg"):
        races = [k for k, a in registry.actors.items() if a.kind == "race"]
        if len(races) == 1:
            return races[0]
    if noun in _VOYAGE_NOUNS:
        # "The voyage began in Auckland": the ship's, not its captain's, when one ship sails
        ships = [k for k, a in registry.actors.items() if a.kind == "ship" and registry.moves[k]]
        if len(ships) == 1:
            return ships[0]
    return state.actor_key or registry.last_any


_VOYAGE_NOUNS = frozenset({"voyage", "passage", "crossing", "cruise", "sailing"})


def _cue_actor(
    items: list[Item],
    hit: CueHit,
    registry: ActorRegistry,
    state: SentenceState,
) -> str | None:
    """The actor of a cue: the subject before it in its clause, or what it refers back to."""
    start = _clause_start(items, hit.index)
    prefix = items[start : hit.index]
    if (
        hit.form == "landfall"
        and hit.index > 0
        and items[hit.index - 1].low in _FORECAST_VERBS
        and "storm" in registry.salient
    ):
        return registry.salient["storm"]  # "the agency projects landfall near Sanya": its own
    if (
        _is_verbless(hit) and not any(it.kind in ("name", "mover") for it in prefix)
    ) or _place_as_subject(items, hit) is not None:
        # "Day three: over the pass", "Liepāja was the next port of call": the traveller the
        # story follows
        return state.actor_key or registry.last_any
    # Noun cues take their owner: "Kim's trip", "his visit", "the leader's train"; a stage is
    # the race's ("the jersey he took on Wednesday's opening stage from Málaga to Granada").
    if hit.form.split()[0] in ("stage", "stages"):
        races = [k for k, a in registry.actors.items() if a.kind == "race"]
        if len(races) == 1:
            return races[0]
    if hit.is_noun:
        owner = _noun_owner(items, hit, registry)
        if owner is not None:
            return owner
        if (
            state.actor_key is not None
            and start > 0
            and items[start - 1].low in ("before", "after", "then")
        ):
            return state.actor_key  # "..., before the last long ride down the coast to Lima"
    carried = _carried_pronoun(items, hit) or _pronoun_before_participle(items, hit)
    if carried is not None:
        # "drove all seven of them down to Bucaramanga": them, or the traveller followed
        key = _actor_key(carried, registry)
        last = registry.last_any
        return key if key is not None or last is None or not registry.moves[last] else last
    if (
        state.actor_key is not None
        and hit.index > 0
        and items[hit.index - 1].low in ("and", "then")
        and not hit.is_noun
    ):
        return state.actor_key  # "... then fly to Lomé and end the trip in Abidjan"
    depth = 0
    outside: list[Item] = []
    for it in prefix:  # names inside parentheses (photo credits) are not subjects
        depth += it.text == "(" if it.kind == "punct" else 0
        if depth == 0:
            outside.append(it)
        depth -= it.text == ")" if it.kind == "punct" and depth > 0 else 0
    prefix = outside
    candidates = [it for it in prefix if it.kind in ("name", "mover") and it.actor is not None]
    if (
        hit.form in _BE_IN_FORMS
        and state.actor_key is not None
        and any(items[k].low == "and" for k in range(max(0, hit.index - 4), hit.index))
        and not any(items[k].kind in ("name", "mover") for k in range(start, hit.index))
    ):
        return state.actor_key  # "Sheinbaum left the capital ... and by mid-morning was in"
    if hit.form in _BE_IN_FORMS and not (
        hit.index > 0 and items[hit.index - 1].kind in ("name", "mover")
    ):
        if (
            hit.index >= 3
            and items[hit.index - 1].low == "who"
            and items[hit.index - 2].text == ","
            and items[hit.index - 3].kind in ("name", "mover")
        ):
            # "Thunberg, who was in California when the news broke": the one named
            return _actor_key(items[hit.index - 3], registry)
        return None  # "Kyiv is in ruins", "the problem was in Lagos": no traveller
    if not candidates and hit.index > 0 and items[hit.index - 1].low in _NON_ACTOR_SUBJECTS:
        return None  # "heavy fighting continues around Pokrovsk": no one travels
    if (
        not candidates
        and _others_as_subject(items[: hit.index])
        and not any(it.kind in ("name", "mover") for it in items[: hit.index])
    ):
        return None  # "Other boats that morning were heading to Capurganá": not hers
    stage_noun = next((it.low for it in prefix if it.low in ("stage", "leg")), None)
    if not candidates and stage_noun is not None:
        # "Sunday's stage 15 starts in Oviedo": the race's stage
        return _journey_owner(stage_noun, state, registry)
    if not candidates and prefix and prefix[0].low in _POSSESSIVE_PRONOUNS:
        if len(prefix) > 1 and (prefix[1].low in _AGENT_NOUNS or prefix[1].low in _RELATIVE_NOUNS):
            return None  # "His lawyer, speaking in Jakarta, said": someone else
        # "Their first night on the road was spent in Pamplona": whose night it was
        possessive = prefix[0]
        pronoun = _POSSESSIVE_PRONOUNS[possessive.low]
        ref = ActorRef(_PRONOUNS[pronoun], None, anaphor=pronoun)
        return _actor_key(
            Item("mover", possessive.start, possessive.end, pronoun, pronoun, actor=ref), registry
        )
    if (
        not candidates
        and hit.index >= 2
        and items[hit.index - 1].text == ","
        and items[hit.index - 2].kind == "place"
        and hit.form.endswith("ed")
    ):
        # "Luang Prabang, reached two hours after leaving Vientiane, ...": the traveller the
        # story follows
        return state.actor_key or registry.salient.get("person") or registry.last_any
    if (
        not candidates
        and start >= 2
        and items[start - 1].low in ("that", "which")
        and items[start - 2].low in _TRIP_NOUNS
    ):
        # "(The band will take the album on) a tour that opens in Winnipeg": whose tour it is
        earlier = next((it for it in items[:start] if it.kind in ("name", "mover")), None)
        if earlier is not None:
            return _actor_key(earlier, registry)
        return state.actor_key or registry.last_any
    if not candidates and start >= 1 and items[start - 1].low == "whom":
        return None  # "civilian groups, several of whom fled Khartoum": those people, no actor
    if not candidates and start >= 2 and items[start - 1].low in ("which", "who"):
        # "The agency, which tracks storms from Tokyo": the relative pronoun's antecedent is
        # the subject; a thing that is no actor moves no one.
        antecedent = items[start - 3] if items[start - 2].text == "," and start >= 3 else None
        if antecedent is None and items[start - 1].low == "who":
            # "A group of 43 pilgrims who set out from Mbarara": the people before "who",
            # across plain words only ("a native of Brest who finished" is no one's)
            for it in reversed(items[max(0, start - 7) : start - 1]):
                if it.kind in ("name", "mover") and it.actor is not None:
                    antecedent = it
                    break
                if it.kind != "word":
                    break
        if antecedent is None or antecedent.kind not in ("name", "mover"):
            return None
        if state.actor_key is not None and (
            antecedent.actor is not None
            and (antecedent.actor.anaphor or "").startswith(("a ", "an "))
        ):
            return state.actor_key  # "left aboard a chartered plane, which stopped in Dakar"
        return _actor_key(antecedent, registry)
    # "a meeting between Kim and Putin will take place": the first participant.
    events = [k for k, it in enumerate(prefix) if it.kind == "word" and it.low in _EVENT_NOUNS]
    subjects = [
        it for k, it in enumerate(prefix)
        if it.kind in ("name", "mover") and it.actor is not None and not (
            k > 0 and prefix[k - 1].low in ("by", "with", "to", "of", "from", "told", "and",
                                             "than", "for", "between", "met", "meet", "meeting",
                                             "themselves", "himself", "herself", "called",
                                             "dubbed", "named", "nicknamed")
        )
    ]  # fmt: skip
    if subjects:
        candidates = subjects
    if candidates:
        lookalike = _lookalike_of(items, candidates[0], hit, registry)
        if lookalike is not None:
            return lookalike
    taken = items[hit.last + 1].actor if hit.last + 1 < len(items) else None
    if (
        (hit.form in _TAKE_FORMS or hit.form in _TOW_FORMS)
        and taken is not None
        and items[hit.last + 1].kind in ("name", "mover")
        # "they will take the morning boat back to Copacabana": the subject travels by it
        and (
            hit.form in _TOW_FORMS or (taken.anaphor or "").rsplit(" ", 1)[-1] not in _VEHICLE_NOUNS
        )
    ):
        return _actor_key(items[hit.last + 1], registry)  # "the next leg takes him to Lomé"
    if hit.form in _HOST_FORMS and not _passive(items, hit):
        guest = _object_actor(items, hit)
        return _actor_key(guest, registry) if guest is not None else None
    if candidates:
        chosen = candidates[0]
        if events and prefix[events[0]].start < chosen.start:
            after_event = [c for c in candidates if c.start > prefix[events[0]].start]
            if after_event:
                chosen = after_event[0]
        key = _actor_key(chosen, registry)
        if key is None and chosen.low.rsplit(" ", 1)[-1] in _TRIP_NOUNS:
            # "The tour opened in Oslo": the journey of whoever the article follows.
            return _journey_owner(chosen.low.rsplit(" ", 1)[-1], state, registry)
        return key
    # "After a day in X, Xi flew ...": a fronted time clause's subject is the main clause's.
    # A live blog's stamp may come first ("18:50 - After seven hours in the Ukrainian capital").
    lead = next((k for k, it in enumerate(items) if it.kind not in ("time", "punct")), 0)
    if start <= lead + 1 and items and items[lead].low in ("after", "before", "following", "upon"):
        main = _main_clause_subject(items, hit.last)
        if main is not None:
            return _actor_key(main, registry)
    # Participle clauses at sentence start: "Arriving in Khasan, Kim ..." / "After leaving X,";
    # a live blog's time stamp comes first ("16:35 — Speaking in Ottawa, the minister ...").
    opening = all(it.kind in ("time", "punct") for it in items[:start])
    if (
        opening
        or (start > 0 and items[start - 1].low in ("after", "before", "following", "upon", "on"))
    ) and (
        hit.form.endswith("ing")
        or items[hit.index - 1 if hit.index else 0].low
        in ("after", "before", "following", "upon", "on", "a", "his", "her")
        or hit.is_noun
    ):
        if start > 1 and not prefix and state.actor_key is not None:
            # "He visited a winery before flying to Canberra for talks with Albanese": the
            # main clause's subject, not a name further on.
            return state.actor_key
        for it in items[hit.last + 1 :]:
            if it.kind in ("name", "mover") and it.actor is not None:
                return _actor_key(it, registry)
    content = [
        it for it in prefix
        if it.kind == "word" and it.low not in _SUBJECT_FILLERS and not it.low.endswith("ly")
    ]  # fmt: skip
    if (
        content
        and all(it.low in _TRIP_NOUNS or "-" in it.low for it in content)
        and len(content) <= 3
        and content[-1].low in _TRIP_NOUNS
    ):
        # "The tour opened in Oslo", "The round-the-world journey began in Abu Dhabi": the
        # journey of whoever the article follows.
        return _journey_owner(content[-1].low, state, registry)
    if (
        start > 0
        and hit.index >= 2
        and items[hit.index - 1].text == ","
        and items[0].kind in ("name", "mover")
        and items[0].actor is not None
        and not any(it.kind in ("name", "mover") for it in items[1 : hit.index])
    ):
        # "An evacuation train carrying 300 people, many of them elderly, left Pokrovsk": the
        # sentence's subject, across the apposition.
        return _actor_key(items[0], registry)
    if any(it.low in _GROUP_WORDS or _is_capitalised(it.text) for it in content):
        return None  # someone else is the subject: "An advance team of officials travelled"
    for k, it in enumerate(prefix):
        if hit.is_noun and k >= len(prefix) - 2:
            break  # "before a final stop in Singapore": the noun's own determiner
        if (
            it.kind == "word"
            and it.low in ("a", "an", "the", "this", "another")
            and any(
                w.kind == "word" and w.low not in _SUBJECT_FILLERS and w.low not in _FILLER_WORDS
                for w in prefix[k + 1 : k + 4]
            )
        ):
            return None  # "a Chinese balloon drifted over ...": a subject of its own
    if any(it.kind in ("place", "unknown_place") for it in prefix) and not hit.is_noun:
        return None  # "Moscow hopes to ...": a place as subject
    if events and not (hit.cue is _PRESENCE and hit.form in _EVENT_VENUE_FORMS):
        return None  # "the trip was watched closely in Moscow"
    if state.actor_key is not None:
        return state.actor_key
    if start == 0:
        return None  # no subject at all: a headline or an imperative ("Stay tuned to ...")
    return registry.last_any


_CARRIER_HEADS = frozenset(
    {"ferry", "boat", "speedboat", "bus", "coach", "train", "plane", "flight", "truck",
     "lorry", "minibus", "van", "barge", "launch", "helicopter"}
)  # fmt: skip


def _carried_by(
    items: list[Item], hit: CueHit, key: str | None, registry: ActorRegistry
) -> str | None:
    """ "showed Hartanto driving onto a ferry at Merak. The ferry crossed the Sunda Strait":
    what a vehicle a traveller boarded does, the traveller does. Records the boarding and
    returns the actor for the cue."""
    if key is None:
        return None
    if key in registry.descriptions:
        carried = registry.carriers.get(key.rsplit(" ", 1)[-1])
        return carried if carried is not None else key
    if registry.kind_of(key) in ("person", "group"):
        for it in items[hit.last + 1 : hit.last + 8]:
            if it.kind == "punct" and it.text in (".", ";"):
                break
            anaphor = (it.actor.anaphor or "") if it.actor is not None else ""
            if it.kind == "mover" and anaphor.startswith(("a ", "an ")):
                head = anaphor.rsplit(" ", 1)[-1]
                if head in _CARRIER_HEADS:
                    registry.carriers[head] = key
                break
    return key


_FORECAST_VERBS = frozenset(
    {"projects", "projected", "predicts", "predicted", "forecasts", "forecast", "expects",
     "expected", "anticipates"}
)  # fmt: skip
_FEATURE_AFTER_NAME = frozenset({"river", "rivers", "lakes", "mountains", "hills", "basins"})


def _names_a_feature(items: list[Item], j: int) -> bool:
    """ "sharing the Chu and Talas rivers": the town's name before "rivers" names the river
    (unless the gazetteer already gave the river)."""
    rm = items[j].resolved
    if rm is not None and rm.place is not None and rm.place.kind in ("river", "sea", "lake"):
        return False
    k = j + 1
    while k < len(items) and (items[k].kind == "place" or items[k].low in ("and", "or", ",")):
        k += 1
    return k < len(items) and items[k].kind == "word" and items[k].low in _FEATURE_AFTER_NAME


_PAIR_HEADS = frozenset(
    {"leaders", "presidents", "ministers", "men", "women", "heads", "premiers", "leaders'"}
)
_LOOKALIKE_WORDS = frozenset({"matching", "fitting", "resembling", "answering"})


def _lookalike_of(
    items: list[Item], subject: Item, hit: CueHit, registry: ActorRegistry
) -> str | None:
    """ "a man fitting his description may have landed near Malacca", "a woman resembling the
    fugitive": the wanted person, as a sighting (the clause's hedge makes it reported)."""
    if subject.actor is None or not (subject.actor.anaphor or "").startswith(("a ", "an ")):
        return None
    k = next((n + 1 for n, it in enumerate(items) if it is subject), -1)
    if k <= 0 or k >= hit.index or items[k].low not in _LOOKALIKE_WORDS:
        return None
    for it in items[k + 1 : min(hit.index, k + 5)]:
        if it.kind == "name" and it.actor is not None:
            return _actor_key(it, registry)  # "matching Hartanto's description"
        if it.kind == "mover" and it.actor is not None:
            return _actor_key(it, registry)  # "resembling the fugitive"
        if it.kind == "word" and it.low in ("his", "her"):
            ref = ActorRef("person", None, anaphor=it.low)
            return _resolve_anaphor(ref, registry)  # "fitting his description"
    return None


def _before_planned_main(items: list[Item], hit: CueHit) -> bool:
    """ "After talks in Jerusalem, the diplomat is due to fly back": a fronted "after" clause
    of a planned main clause is planned too."""
    if not items or items[0].low not in ("after", "following", "before"):
        return False
    comma = next(
        (k for k in range(hit.last + 1, len(items)) if items[k].text == ","), None
    )  # fmt: skip
    if comma is None or any(it.text == "," for it in items[: hit.index]):
        return False
    tail = " ".join(it.low for it in items[comma + 1 : comma + 8])
    return _PLANNED_RE.search(tail) is not None


def _no_new_subject(items: list[Item], first: int, cue: int) -> bool:
    """Only fillers ("then", "and", "later") between the clause start and the cue."""
    return all(
        it.kind == "punct" or (it.kind == "word" and it.low in _SUBJECT_FILLERS)
        for it in items[first:cue]
    )


def _main_clause_subject(items: list[Item], after: int) -> Item | None:
    """The name or mover right after the first comma that follows `after`."""
    for k in range(after + 1, len(items) - 1):
        it = items[k]
        if it.kind == "punct" and it.text in (".", ";"):
            return None
        if it.kind == "punct" and it.text == ",":
            for nxt in items[k + 1 : k + 3]:
                if nxt.kind in ("name", "mover") and nxt.actor is not None:
                    return nxt
                if nxt.kind != "word" or nxt.low not in ("the", "then", "later"):
                    break
            return None
    return None


# "The tour will take him to Tunisia": the object is the one who travels.
_TAKE_FORMS = frozenset({"take", "takes", "took", "taking", "bring", "brings", "brought",
                         "carry", "carries", "carried"})  # fmt: skip
# "A tug towed the vessel into Kristiansund": the object goes, even a vessel.
_TOW_FORMS = frozenset({"tow", "tows", "towed", "towing", "escorted", "escorts", "escort"})
# Verbs that carry someone else: "a patrol drove all seven of them down to Bucaramanga".
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_CARRY_FORMS = frozenset(
    {"drove", "drive", "drives", "flew", "fly", "flies", "ferried", "ferry", "ferries",
     "airlifted", "evacuated", "bused", "bussed", "shuttled", "drove them", "took", "carried",
     "brought", "take", "takes", "taking", "bring", "brings", "seen", "spotted", "sighted",
     "glimpsed"}
)  # fmt: skip
_CARRIED_PRONOUNS = frozenset({"them", "him"})


def _carried_pronoun(items: list[Item], hit: CueHit) -> Item | None:
    """The pronoun object of a carrying verb, within a few words ("drove them", "flew all
    seven of them"): they are the ones who travel."""
    if hit.form not in _CARRY_FORMS:
        return None
    for k in range(hit.last + 1, min(len(items), hit.last + 6)):
        it = items[k]
        if it.kind == "mover" and it.actor is not None and it.actor.anaphor in _CARRIED_PRONOUNS:
            return it
        if (
            it.low == "her"
            and k + 1 < len(items)
            and (items[k + 1].low in _PREPOSITION_WORDS or items[k + 1].kind == "place")
        ):
            # "The coastguard helicopter flew her to Aberdeen": her, not her something
            ref = ActorRef("person", None, anaphor="she")
            return Item("mover", it.start, it.end, it.text, "she", actor=ref)
        if it.kind in ("place", "name") or it.low in _PREPOSITION_WORDS and it.low != "of":
            return None
    return None


_OBJECT_PRONOUNS = {"her": "she", "him": "he", "them": "they"}
_SIGHTING_VERBS = frozenset({"seen", "saw", "spotted", "sighted", "glimpsed", "seeing"})


def _seen_doing(items: list[Item], hit: CueHit) -> bool:
    """ "had seen a man walking near Mataranka": a sighting of someone doing it (reported)."""
    k = hit.index - 2
    return (
        k >= 0
        and _is_participle_form(hit)
        and items[k].low in _SIGHTING_VERBS
        and (items[k + 1].low in _OBJECT_PRONOUNS or items[k + 1].kind == "mover")
    )


def _pronoun_before_participle(items: list[Item], hit: CueHit) -> Item | None:
    """ "The last position placed her roosting near Malakal", "found him sleeping in a barn
    at Keswick": the object pronoun before the participle is who was there."""
    k = hit.index - 1
    if (
        not _is_participle_form(hit)
        or k < 1
        or items[k - 1].kind != "word"
        or items[k - 1].low in _PREPOSITION_WORDS
    ):
        return None
    if (
        items[k].kind == "mover"
        and items[k].actor is not None
        and items[k].low.startswith(("a ", "an "))
        and items[k - 1].low in _CARRY_FORMS
    ):
        return items[k]  # "had seen a man walking along the highway near Mataranka"
    if items[k].low not in _OBJECT_PRONOUNS:
        return None
    anaphor = _OBJECT_PRONOUNS[items[k].low]
    ref = ActorRef(None, None, anaphor=anaphor)
    return Item("mover", items[k].start, items[k].end, items[k].text, anaphor, actor=ref)


_HOST_FORMS = frozenset(
    {
        "welcomed",
        "greeted",
        "received",
        "hosted",
        "welcomes",
        "greets",
        "receives",
        "hosts",
        "welcome",
        "greet",
        "receive",
        "host",
    }
)


def _passive(items: list[Item], hit: CueHit) -> bool:
    prev = {it.low for it in items[max(0, hit.index - 3) : hit.index]}
    return bool(prev & {"was", "were", "is", "are", "been", "being", "be"})


def _object_actor(items: list[Item], hit: CueHit) -> Item | None:
    """ "Putin received the leaders", "Xi welcomed him": the guest is the one who travelled."""
    for it in items[hit.last + 1 : hit.last + 5]:
        if it.kind in ("name", "mover") and it.actor is not None:
            return it
        if it.kind == "word" and it.low in ("him", "her", "them"):
            ref = ActorRef(
                "person" if it.low != "them" else None,
                None,
                anaphor="he" if it.low != "them" else "they",
            )
            return Item("mover", it.start, it.end, it.text, it.low, actor=ref)
        if it.kind == "word" and it.low in _PREPOSITION_WORDS:
            break
    return None


_EVENT_VENUE_FORMS = frozenset(
    {
        "take place",
        "took place",
        "takes place",
        "taking place",
        "be held",
        "was held",
        "were held",
        "is held",
        "being held",
        "will be held",
    }
)


# Words between an owner and a travel noun: "its first long halt", "her final stop".
_TRIP_NOUN_MODIFIERS = frozenset(
    "first second third last final long brief short next only main official planned scheduled "
    "longest maiden latest overnight".split()
)


def _noun_owner(items: list[Item], hit: CueHit, registry: ActorRegistry) -> str | None:
    """ "Kim's visit", "his trip", "the visit by Mr. Shoigu": who the travel noun belongs to."""
    k = hit.index - 1
    hops = 0
    while k >= 0 and hops < 4:
        it = items[k]
        if it.kind in ("name", "mover") and it.actor is not None:
            if (
                it.text.endswith(("’s", "'s"))
                or (k + 1 < len(items) and items[k + 1].low in ("’s", "'s"))
                or it.actor.anaphor in ("his", "her", "its", "their")
                or it.kind == "name"
                or (it.actor.anaphor or "").startswith(("his ", "her ", "its ", "their "))
            ):
                return _actor_key(it, registry)
            break
        if it.kind == "word" and it.low in ("his", "her", "its", "their"):
            ref = ActorRef("person" if it.low in ("his", "her") else None, None, anaphor=it.low)
            return _resolve_anaphor(ref, registry)
        if (
            it.kind == "word"
            and it.low not in _DETERMINERS
            and it.low not in _FILLER_WORDS
            and it.low not in _TRIP_NOUN_MODIFIERS
            and "-" not in it.low  # "his two-day visit"
        ):
            break
        k -= 1
        hops += 1
    # "a visit to X by Russian Defense Minister Sergei Shoigu"
    for j in range(hit.last + 1, min(len(items), hit.last + 14)):
        if items[j].kind == "word" and items[j].low == "by" and j + 1 < len(items):
            for it in items[j + 1 : j + 6]:
                if it.kind in ("name", "mover") and it.actor is not None:
                    return _actor_key(it, registry)
        if items[j].kind == "punct" and items[j].text in (".", ";"):
            break
    # "the third stop on the orchestra's first tour": whose tour it is
    after = items[hit.last + 1 : hit.last + 3]
    if (
        hit.form in ("stop", "stops", "leg")
        and len(after) == 2
        and after[0].low in ("on", "of")
        and after[1].kind == "mover"
        and after[1].actor is not None
        and after[1].low.rsplit(" ", 1)[-1] in _TRIP_NOUNS
        and "'s " in after[1].low.replace("’s ", "'s ")
    ):
        owner = after[1].low.replace("’s ", "'s ").split("'s ", 1)[0]
        ref = ActorRef(None, None, anaphor=owner)
        return _resolve_anaphor(ref, registry)
    return None


def _actor_key(item: Item, registry: ActorRegistry) -> str | None:
    ref = item.actor
    if ref is None:
        return None
    if ref.name is not None and ref.kind is not None:
        return registry.add(ref.name, ref.kind, ref.titles)
    key = _resolve_anaphor(ref, registry)
    if key is not None and (ref.anaphor or "").rsplit(" ", 1)[-1] in _COUPLE_HEADS:
        registry.couple = key  # "they" may refer to this person and company from now on
    return key


# Offices one person rarely holds two of: a description naming another is someone else.
_OFFICE_TITLES = frozenset(
    "president minister chancellor king queen secretary governor mayor ambassador envoy "
    "general admiral pope senator premier".split()
)


def _most_mentioned(keys: list[str], registry: ActorRegistry) -> str | None:
    """The one of several named races (ships, storms) the article names most often, else
    first: the Tour de France of the lead, not the Vuelta its winner rode last year."""
    if not keys:
        return None
    order = {k: n for n, k in enumerate(keys)}
    return max(keys, key=lambda k: (registry.actors[k].mentions, -order[k]))


def _resolve_anaphor(ref: ActorRef, registry: ActorRegistry) -> str | None:
    """Pronouns and descriptions refer to the most recent subject of a fitting kind."""
    anaphor = ref.anaphor or ""
    if anaphor.startswith(("the two ", "both ")) and anaphor.rsplit(" ", 1)[-1] in _PAIR_HEADS:
        # "On Wednesday the two leaders drove east to Cholpon-Ata": the traveller the story
        # follows, with the one met
        return registry.salient.get("person")
    if anaphor in ("i", "me", "we"):
        # A first-person feature follows its writer, an interview the person who answers (the
        # first person it names); elsewhere "I" is a quoted speaker.
        if registry.interview:
            person = next((k for k, a in registry.actors.items() if a.kind == "person"), None)
            if person is not None:
                return person
        return registry.describe("the writer", "person", frozenset()) if registry.narrator else None
    head = anaphor.rsplit(" ", 1)[-1]
    if head in _RELATIVE_NOUNS and anaphor.startswith(("his ", "her ", "their ")):
        # "His daughter will drive up from Leeds": one relative is someone else
        return registry.describe(anaphor, "person", ref.titles)
    if head in _ANIMAL_NOUNS:
        if registry.animal is not None:
            return registry.animal  # "A young female white shark ... nicknamed Maren"
        # "A humpback whale ... the female ... she": one animal the story follows
        animal = registry.salient.get("person")
        if (
            animal is not None
            and animal in registry.descriptions
            and registry.actors[animal].name.rsplit(" ", 1)[-1] in _ANIMAL_NOUNS
        ):
            return animal
        return registry.describe("the " + head, "person", ref.titles)
    if anaphor.startswith(("a ", "an ")) and ref.kind == "person":
        # A news lead introduces its traveller before naming him ("A West African envoy arrived
        # in Niamey ... Ama Serwaa Boateng, a former minister, ..."): before anyone is a
        # subject, the article's first named person; later, no one the story follows ("the
        # first visit by a pontiff").
        salient = registry.salient.get("person")
        if salient is None or salient == registry.introduced:
            named = registry.named("person")
            if named:
                registry.introduced = named[0]
                return named[0]
        return None
    if anaphor.startswith(("a ", "an ")) and ref.kind == "ship":
        # "A U.S. Coast Guard cutter ... The cutter Resolute": the article's one named ship of
        # that class; "A container ship ... The Amber Crescent, a feeder ship": its one ship
        named_ships = registry.named("ship")
        ships = [k for k in named_ships if head in registry.actors[k].titles]
        if len(ships) == 1:
            return ships[0]
        if (
            len(named_ships) == 1
            and head in _SINGLE_VESSELS
            and not registry.actors[named_ships[0]].titles  # "The cutter Resolute" is no barge
        ):
            return named_ships[0]
    if anaphor.startswith(("a ", "an ")):
        # "A convoy of lorries", "A wooden boat": someone new, known from here on by the head
        # noun ("the convoy", "the boat"), as later sentences call it.
        new_kind: ActorKind = "ship" if ref.kind == "ship" else "group"
        return registry.describe("the " + head, new_kind, ref.titles)
    words = set(anaphor.split()[1:]) if " " in anaphor else set()
    if (
        ref.kind == "person"
        and words
        and (
            head in _DESCRIBED_GROUP_HEADS
            or head in _GROUP_VEHICLES
            or head in _VEHICLE_NOUNS
            or head in _COUPLE_HEADS
        )
    ):
        person = registry.salient.get("person")
        for carrier in ("group", "ship"):
            other = registry.salient.get(carrier)
            if other is not None and (
                person is None or registry.moves[other] >= registry.moves[person]
            ):
                # "The delegation will return": the team, not its coach; "the plane" is the
                # named aircraft the story follows, not its pilot.
                return other
    if ref.kind == "person" and words & _PERSON_TITLES:
        found = registry.by_description(words, "person")
        if found is not None:
            return found
    if (
        head == "tour"
        and ref.kind == "race"
        and "race" not in registry.salient
        and not registry.named("race")
        and "group" not in registry.salient
        and "person" in registry.salient
    ):
        return registry.salient["person"]  # "The tour began Monday in Windsor": hers
    if ref.kind == "race" and "race" not in registry.salient and "group" in registry.salient:
        group = registry.salient["group"]
        person = registry.salient.get("person")
        if person is None or registry.moves[group] >= registry.moves[person]:
            return group  # "the caravan" of migrants, not of a rally
        return person  # "before the tour ends in Białystok": the candidate's campaign tour
    if (
        ref.kind == "person"
        and registry.narrator
        and "person" not in registry.salient
        and head in _VEHICLE_NOUNS
    ):
        # "The overnight sleeper to Nong Khai pulls out of Bangkok" in a first-person feature
        return registry.describe("the writer", "person", frozenset())
    if anaphor.startswith("the ") and head in _MACHINE_HEADS:
        # "the first scheduled passenger train ... the train": the same machine, even after
        # "a brass band played" took the subject in between
        same = _described_machine(registry, head)
        if same is not None:
            return same
    if anaphor in ("the crew", "the pilots") and "ship" not in registry.salient:
        # "the crew flew direct from Kiritimati": the aircraft's crew, when no ship sails
        machine = _only_machine(registry, _MACHINE_HEADS | {"flight"})
        if machine is not None:
            return machine
    if ref.kind is not None:
        key = registry.salient.get(ref.kind)
        gender = _PRONOUN_GENDERS.get(anaphor)
        ship = registry.salient.get("ship")
        if (
            gender == "f"
            and ship is not None
            and registry.last_any == ship
            and (key is None or registry.genders.get(key) != "f")
        ):
            return ship  # "The Kestrel loaded apatite at Murmansk. From there she steamed east"
        if gender is not None:
            key = registry.of_gender(key, gender)
        if ref.kind in ("ship", "group") and key is not None and not registry.moves[key]:
            # "A tug then towed the vessel": the ship the story has followed, not the tug just
            # introduced; "the squad will then head south" after "face Arsenal": the team on
            # tour, not its opponent.
            travelled = [k for k, a in registry.actors.items()
                         if a.kind == ref.kind and registry.moves[k]]  # fmt: skip
            if travelled:
                key = max(travelled, key=lambda k: registry.moves[k])
        if key is None and ref.kind == "ship" and "race" in registry.salient:
            key = registry.salient["race"]  # "the fleet", "the boats" of a sailing race
        if key is None and ref.kind in ("race", "ship", "storm"):
            # "The five-day race started": the article's one named race, even if it was
            # never a subject before ("won the third stage of the Tour of the Alps").
            named = registry.named(ref.kind)
            key = named[0] if len(named) == 1 else _most_mentioned(named, registry)
        if key is not None and head in _DESCRIBED_GROUP_HEADS and ref.kind == "person":
            registry.couple = key  # "the family waited ... They found shelter": hers
        description = _description_actor(anaphor, ref.kind)
        if description is None:
            return key
        if key is not None and not (
            # "the minister" ... "the president": a second unnamed person, not the first
            (key in registry.descriptions and ref.kind == "person" and words & _PERSON_TITLES)
            # "Indonesia's president" ... "the trade minister": another office, someone else
            or _names_another(words, registry.actors[key].titles, _OFFICE_TITLES)
        ):
            return key
        # Nobody named to refer back to: the description itself is the actor.
        kind: ActorKind = (
            "group" if head in _DESCRIBED_GROUP_HEADS or head in _GROUP_VEHICLES else ref.kind
        )
        return registry.describe(description, kind, ref.titles)
    if anaphor in ("it", "its", "its crew"):
        last = registry.last_any
        if last is not None and registry.kind_of(last) in ("storm", "ship", "race"):
            return last
        if anaphor == "it":
            # "... and a brass band played. It then rolled through Ağstafa": the train
            machine = _only_machine(registry, _MACHINE_HEADS)
            if machine is not None:
                return machine
        if (
            anaphor == "it"
            and last is not None
            and registry.moves[last]
            and not any(a.kind in ("storm", "ship", "race") for a in registry.actors.values())
        ):
            # "The prime minister's air force jet touched down ... It had left Canberra": in a
            # story with no ship, storm or race, "it" travelling is the traveller's aircraft
            return last
        if last in registry.descriptions and last.rsplit(" ", 1)[-1] in _DESCRIBED_GROUP_HEADS:
            return last  # "the delegation ... it then travelled on to"
        # "The next afternoon it called at Ålesund" after a sentence about its passengers:
        # the one ship, storm or race of the article, if there is only one.
        things = [registry.salient[k] for k in ("storm", "ship", "race") if k in registry.salient]
        return things[0] if len(things) == 1 else None
    if anaphor in ("they", "them"):
        last = registry.last_any
        if anaphor == "them" and last in registry.descriptions and not registry.moves[last]:
            # "A bus took them to Istanbul": not the bus just brought in, the people the story
            # has followed
            travelled = [k for k, a in registry.actors.items()
                         if a.kind in ("person", "group") and registry.moves[k]]  # fmt: skip
            if travelled:
                return max(travelled, key=lambda k: registry.moves[k])
        if last is not None and (
            registry.kind_of(last) in ("race", "ship", "group") or last == registry.couple
        ):
            return last  # "The royal couple ... They returned to Sydney"
        if last is not None and registry.moves[last] and ref.kind is None and anaphor == "they":
            # "Romero crossed into Colombia with her sons ... From there they took a bus": the
            # traveller the story follows, with company
            return last
        return None
    return registry.last_any


# Machines that travel: a description with one of these heads is the same one each time.
_MACHINE_HEADS = frozenset(
    {"train", "sleeper", "plane", "jet", "aircraft", "helicopter", "airplane", "aeroplane", "bus"}
)


def _described_machine(registry: ActorRegistry, head: str) -> str | None:
    """The travelling machine the article has described with this head noun ("the first
    scheduled passenger train"), the one that moved most when there are several."""
    same = sorted(
        k for k in registry.descriptions if k.rsplit(" ", 1)[-1] == head and registry.moves[k]
    )
    return max(same, key=lambda k: registry.moves[k]) if same else None


def _only_machine(registry: ActorRegistry, heads: frozenset[str]) -> str | None:
    """The one travelling machine described with any of these heads ("it", "the crew"), or
    None when there are none or several."""
    machines = {_described_machine(registry, head) for head in heads} - {None}
    return machines.pop() if len(machines) == 1 else None


# Heads of a description that can stand for an unnamed traveller ("the delegation"), a person's
# company or a group of its own: whichever has travelled more in the article so far.
_DESCRIBED_GROUP_HEADS = frozenset({"delegation", "convoy", "column", "entourage", "family"})
_DESCRIBED_SHIP_HEADS = _SHIP_NOUNS - {"crew", "sailors"}


def _description_actor(anaphor: str, kind: ActorKind) -> str | None:
    """The actor name a definite description gives when nobody named is at hand: the
    description itself, lowercased ("the foreign minister"); None when it cannot stand alone."""
    if not anaphor.startswith("the "):
        return None
    head = anaphor.rsplit(" ", 1)[-1]
    if kind == "person" and (
        head in _PERSON_HEAD_NOUNS
        or head in _DESCRIBED_GROUP_HEADS
        or head in _GROUP_VEHICLES
        or head in _MACHINE_HEADS  # "the aircraft left Calgary"
    ):
        return anaphor  # "the train set off from Paris" with no one aboard named: the train
    if kind == "ship" and head in _DESCRIBED_SHIP_HEADS:
        return anaphor
    if kind == "group" and (head in _GROUP_HEADS or head in _GROUP_MEMBER_HEADS):
        return anaphor  # "The migrants ... left Cap-Haitien": no group before them, they are one
    return None


class _ClauseMarks(NamedTuple):
    negated: bool  # _NEGATION_RE
    past_modal: bool  # _PAST_MODAL_RE: "may have visited"
    planned: bool  # _PLANNED_RE


# `_cue_status` is asked once for a cue and again for each place it governs, with the same
# clause and sentence: the case-blind patterns behind a \b try every position of them.
@lru_cache(maxsize=1024)
def _clause_marks(clause_text: str) -> _ClauseMarks:
    """What `_cue_status` reads off a clause's text, pattern by pattern."""
    return _ClauseMarks(
        _NEGATION_RE.search(clause_text) is not None,
        _PAST_MODAL_RE.search(clause_text) is not None,
        _PLANNED_RE.search(clause_text) is not None,
    )


@lru_cache(maxsize=1024)
def _hedged(sentence_text: str) -> bool:
    """Whether the sentence hedges what it tells (_HEDGE_RE: "reportedly", "is said to")."""
    return _HEDGE_RE.search(sentence_text) is not None


@lru_cache(maxsize=1024)
def _under_way_pattern(form: str) -> re.Pattern[str]:
    """ "is heading", "were travelling back": the cue's form after a form of "be" (compiled
    once per form; the cue forms are few)."""
    return re.compile(r"\b(?:is|are|was|were|been)\s+(?:\w+\s+)?" + re.escape(form))


def _cue_status(
    items: list[Item],
    hit: CueHit,
    clause_text: str,
    sentence_text: str,
    role: Role,
    own_clause_text: str,
) -> Status | None:
    """visited / passed / planned / reported for a cue in its clause (`clause_text`: with the
    main clause it depends on); None when its own clause is negated."""
    marks = _clause_marks(clause_text)
    if _clause_marks(own_clause_text).negated:
        return None
    prefix_low = clause_text.casefold()
    form = hit.form
    prev = items[hit.index - 1].low if hit.index > 0 else ""
    planned = False
    if marks.past_modal:
        return "reported"
    if marks.planned:
        planned = True
    if prev == "to" and not hit.is_noun and hit.cue is not _GROUP_PRESENCE:
        planned = True  # "plans to travel", "in order to visit"; "ran in five tries to beat
        # Tonga in Nuku'alofa" is a result (a plan to play says so: "hope to", "will")
    if prev in _FORECAST_VERBS:
        planned = True  # "projects landfall near Sanya on Friday"
    if hit.is_noun:
        words = {it.low for it in items[max(0, hit.index - 4) : hit.index]}
        if words & _PLANNED_ADJECTIVES and not ("was" in words and "next" in words):
            planned = True  # but "Liepāja was the next port of call" is past
    if form in ("bound", "en route") or form.startswith("on ") or (
        form.split()[0].endswith("ing") and role == "destination"
        and _under_way_pattern(form).search(prefix_low)
    ):  # fmt: skip
        planned = True  # under way, not yet there
    if planned:
        return "planned"
    if _hedged(sentence_text) or hit.cue is _SIGHTING or _seen_doing(items, hit):
        return "reported"
    if role == "pass":
        return "passed"
    return "visited"


# ---------------------------------------------------------------------------------------------
# The step
# ---------------------------------------------------------------------------------------------


_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)


# Nouns that take a plural verb without being a team: "Police are", "People were".
_COLLECTIVE_NOUNS = frozenset("police people others staff crew cattle".split())
_PLURAL_VERB_RE = re.compile(
    r" (?:are|were|have|head|play|return|arrive|fly|travel|move|continue|open|wrap|begin|take|"
    r"bring)\b"  # not "set off": a past tense too ("Ailsa set off from Aviemore")
)
_ONE_CAPITALISED_WORD_RE = re.compile(r"[A-Z][a-z]{2,}")


def _plural_subjects(text: str) -> set[str]:
    """Capitalised words right before "are", "were" or "have" ("Arsenal are due back"): found
    from the verbs, which is far quicker than a pattern that starts at every capital."""
    found: set[str] = set()
    for m in _PLURAL_VERB_RE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].rsplit(None, 1)
        if before and _ONE_CAPITALISED_WORD_RE.fullmatch(before[-1]):
            found.add(before[-1])
    return found


def _recurring_single_names(
    text: str, resolved: list[ResolvedMention]
) -> list[tuple[str, ActorKind]]:
    """One-word team names: a capitalised word that recurs alone, never in lower case, and
    takes a plural verb ("Arsenal wrapped up ... Arsenal are due back"), no place and no
    plural noun ("Passengers were"). A word ever beside another capitalised word may belong to
    a longer name: left out."""
    places = {rm.mention.surface for rm in resolved}
    plural = sorted(
        word
        for word in _plural_subjects(text)
        if word not in places
        and (low := word.casefold()) not in _CALENDAR_WORDS
        and low not in _PERSON_TITLES
        and low not in _NOT_NAME_WORDS
        and not (low.endswith("s") and (is_common_word(word) or is_common_word(word[:-1])))
        and low not in _COLLECTIVE_NOUNS
    )
    found: list[tuple[str, ActorKind]] = []
    for word in plural:
        alone = _word_positions(text, word)
        if (
            len(alone) >= 2
            and not _word_positions(text, word.casefold())
            and not any(_beside_a_capital(text, at, word) for at in alone)
        ):
            found.append((word, "group"))
    return found


# Words of a sports report: with two of them, countries that act are teams.
_SPORT_WORDS = frozenset(
    "match matches test tests fixture fixtures squad coach captain innings wickets wicket tries "
    "goals goal tournament league cup series stadium half-time striker midfielder bowlers "
    "batsmen batters kick-off try scrum-half fly-half winger penalty qualifier friendly "
    "semi-final quarter-final final".split()
)
_SPORT_WORD_RE = re.compile(r"[a-z-]+")
# What a country playing as a team does right after its name: "New Zealand beat", "Fiji ran".
_TEAM_VERBS = frozenset(
    "beat beats won win wins lost lose loses drew draw draws face faces faced play plays played "
    "host hosts hosted fly flies flew travel travels travelled traveled head heads headed "
    "arrive arrives arrived are were have will ran scored take takes took meet meets met "
    "clinched sealed edged thrashed crushed reached depart departed leave leaves left open "
    "opens opened finished finish return returns returned begin began need needed came come "
    "comes rallied fought held hold kicked bounced recovered survived".split()
)


def _country_teams(text: str, resolved: list[ResolvedMention]) -> frozenset[str]:
    """Countries that act as teams: in a sports report (two sports words at least), a country's
    name followed by what teams do ("New Zealand fly to Bangladesh", "Fiji beat Tonga"). The
    countries are read first: cutting the whole text into words costs more."""
    teams: set[str] = set()
    for rm in resolved:
        mention = rm.mention
        if rm.place is None or rm.place.kind != "country" or mention.demonym:
            continue
        after = text[mention.end : mention.end + 20].split(None, 1)
        before = text[max(0, mention.start - 12) : mention.start].split()
        if (
            after
            and text[mention.end : mention.end + 1] == " "
            and after[0] in _TEAM_VERBS
            and not (before and before[-1].casefold() in _PREPOSITION_WORDS)
        ):
            teams.add(mention.surface)
    if not teams or len(_SPORT_WORDS.intersection(_SPORT_WORD_RE.findall(text.casefold()))) < 2:
        return frozenset()
    return frozenset(teams)


# A one-word name standing alone ("Moussa, 22,", not "Yusmary Colmenares, 34,"). Written
# capital first, each look back taking that capital in: look backs placed first would be
# tried at every position of the text, a leading capital lets the engine scan for one.
_NAME_WITH_AGE_RE = re.compile(
    r"([A-Z](?<![\w.][A-Z])(?<![A-Z][a-z] [A-Z])(?<![A-Z][a-z]{2} [A-Z])"
    r"(?<![A-Z][a-z]{3} [A-Z])(?<![A-Z][a-z]{4} [A-Z])(?<![A-Z][a-z]{5} [A-Z])"
    r"(?<![A-Z][a-z]{6} [A-Z])(?<![A-Z][a-z]{7} [A-Z])(?<![A-Z][a-z]{8} [A-Z])"
    r"[a-z]{2,}), (?:aged )?(\d{1,2}|1[01]\d),"
)
# What `_NAME_WITH_AGE_RE` needs after the name: a quick test before the full search.
_AGE_AFTER_NAME_RE = re.compile(r", (?:aged )?\d")


# r"\b([A-Z][a-z]+ [A-Z][a-z]+)\b", written capital first with the look back after it: a
# leading \b makes the engine try every position of the article, a capital it scans for.
_TWO_CAPITALISED_RE = re.compile(r"([A-Z](?<!\w\w)[a-z]+ [A-Z][a-z]+)\b")
_VESSEL_WORD_RE = re.compile(r"\b(?:yacht|boat|ship|vessel|skipper|crew)s?\b", re.I)
_RECURRING_MIN = 3


def _recurring_phrases(text: str, resolved: list[ResolvedMention]) -> frozenset[str]:
    """Two-word names used again and again that start like a common word ("Southern Tempest
    crosses the finish line"): names, however their first word reads, when no place."""
    places = {rm.mention.surface for rm in resolved}
    counts = Counter(_TWO_CAPITALISED_RE.findall(text))
    return frozenset(
        phrase
        for phrase, n in counts.items()
        if n >= _RECURRING_MIN
        and phrase not in places
        and phrase.split()[0].casefold() in _NOT_NAME_WORDS
        and phrase.split()[1].casefold() not in _NOT_NAME_WORDS
        and phrase.split()[0].casefold() not in _PERSON_TITLES  # "President Ruto", "Mr Kim"
        and not _STORM_RE.fullmatch(phrase)  # "Storm Ada": a named storm already
        and not any(phrase in p or p in phrase for p in places)
    )


# A one-word name before a singular verb: "Skerryvore rounded Barbuda", "Skerryvore has ...".
_SINGULAR_SUBJECT_RE = re.compile(r"([A-Z](?<!\w\w)[a-z]{3,})(?= (?:has|is|was|had|[a-z]{3,}ed)\b)")
_VESSEL_WORDS = ("yacht", "boat", "ship", "vessel", "skipper", "crew")


def _recurring_vessel_names(
    text: str, resolved: list[ResolvedMention], storm_names: frozenset[str]
) -> list[str]:
    """One-word boat names in a story about boats: a capitalised word used alone again and again
    as a subject ("Skerryvore rounded Barbuda ... Skerryvore is sailing"), never in lower case,
    never beside another capitalised word, no place, no storm and no common word."""
    low = text.casefold()
    if not any(word in low for word in _VESSEL_WORDS):
        return []
    places = {rm.mention.surface for rm in resolved}
    subjects = Counter(_SINGULAR_SUBJECT_RE.findall(text))
    found: list[str] = []
    for word, n in sorted(subjects.items()):
        folded = word.casefold()
        if (
            n < 2
            or word in places
            or word in storm_names
            or folded in _CALENDAR_WORDS
            or folded in _PERSON_TITLES
            or folded in _NOT_NAME_WORDS
            or is_common_word(word)
        ):
            continue
        alone = _word_positions(text, word)
        if (
            len(alone) >= _RECURRING_MIN
            and not _word_positions(text, folded)
            and not any(_beside_a_capital(text, at, word) for at in alone)
        ):
            found.append(word)
    return found


_NICKNAMED_RE = re.compile(
    r"\b(?:nicknamed|dubbed|named|(?:she|he|it) (?:is|was) called) [\"“']?"
    r"(?P<name>[A-Z][a-z’'-]{2,})\b",
    re.IGNORECASE,
)
_ANIMAL_NAME_RE = re.compile(r"[A-Z][a-z’'-]{2,}")
_IS_AN_ANIMAL_RE = re.compile(
    r" is an? (?:[\w-]+ ){0,3}(?:" + "|".join(sorted(_ANIMAL_NOUNS)) + r")\b"
)
_APPOSED_ANIMAL_RE = re.compile(
    r", (?:the|an?) (?:[\w-]+ ){0,3}(?:" + "|".join(sorted(_ANIMAL_NOUNS)) + r")"
    r"(?=[,.;]| (?:whose|who|which|that|has|had|is|was)\b)"
)
_ANIMAL_WORD_RE = re.compile(r"\b(?:" + "|".join(sorted(_ANIMAL_NOUNS)) + r")s?\b", re.I)


# Descriptions of a travelling party that may stand for the article's one named traveller.
_PARTY_HEADS = frozenset({"group", "delegation", "team", "party", "entourage", "band", "squad"})


def _described_as_named(movements: list[Movement], registry: ActorRegistry) -> list[Movement]:
    """ "The six-piece band played Portland" before the article names "Hollow Reeds": a
    travelling party described before its name is the article's one named group that travels
    (or, with no such group, its one named person who does: "the group" of her delegation)."""
    described = {
        m.actor
        for m in movements
        if m.actor in registry.descriptions and m.actor.rsplit(" ", 1)[-1] in _PARTY_HEADS
    }
    if not described:
        return movements
    travelled = {m.actor for m in movements if not m.historical} - described
    named = [k for k, a in registry.actors.items()
             if k not in registry.descriptions and a.name in travelled]  # fmt: skip
    groups = [k for k in named if registry.kind_of(k) == "group"]
    people = [k for k in named if registry.kind_of(k) == "person"]
    target = groups if groups else people
    if not target:
        # "The Hollow Reeds last toured the United States two years ago": the one named
        # traveller of the article, though only its earlier tour was told under its name
        recalled = {m.actor for m in movements if m.historical} - described
        target = [k for k, a in registry.actors.items()
                  if k not in registry.descriptions and a.name in recalled]  # fmt: skip
    if len(target) != 1:
        return movements
    name = registry.display(target[0])
    return [m.model_copy(update={"actor": name}) if m.actor in described else m for m in movements]


def _journey_kind(key: str, registry: ActorRegistry) -> ActorKind:
    """The actor's kind as far as the length of its journey goes: a tracked animal travels for
    months, like a group or a ship."""
    return "group" if key == registry.animal else registry.kind_of(key)


# Where a match of `_NICKNAMED_RE` starts, relative to the word of it that the lowercase text
# shows ("nick" before "named"; "he is ", "it was ", "she was " before "called").
_NICKNAMED_STARTS = (("named", (0, -4)), ("dubbed", (0,)), ("called", (-6, -7, -8)))


def _nicknamed_matches(text: str, low: str) -> Iterator[re.Match[str]]:
    """`_NICKNAMED_RE.finditer(text)`, the pattern tried only where a match can start: before
    each "named", "dubbed" or "called" of `low` (the text lowercased). Its case-blind leading
    \b makes the engine try every position of the text, where these words are few. (Matching
    at a position reads the characters before it, as the scan does; the letters of the words
    match case-blind no character that lowercases to another letter.)"""
    if len(low) != len(text):  # a character lowercased to two: offsets differ
        yield from _NICKNAMED_RE.finditer(text)
        return
    starts: set[int] = set()
    for word, offsets in _NICKNAMED_STARTS:
        at = low.find(word)
        while at >= 0:
            starts.update(at + offset for offset in offsets if at + offset >= 0)
            at = low.find(word, at + 1)
    end = 0  # matches do not overlap: the next starts at or after the last one's end
    match = _NICKNAMED_RE.match
    for start in sorted(starts):
        if start >= end:
            m = match(text, start)
            if m is not None:
                yield m
                end = m.end()


def _word_before(text: str, at: int) -> tuple[int, str]:
    """Where the word that ends at `at` starts, and the word ("Iara" in "Iara is a")."""
    start = at
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "’'-"):
        start -= 1
    return start, text[start:at]


def _animal_nickname(text: str, resolved: list[ResolvedMention]) -> str | None:
    """The name researchers gave the animal a story follows ("The 4-metre shark, nicknamed
    Maren by the team that tagged her"): the first such name after an animal's noun."""
    # "Iara is an adult female humpback": a definition, even of a town's name. Each " is a"
    # is looked at, the word before it and the words after (no scan of every position).
    at = text.find(" is a")
    while at >= 0:
        start, name = _word_before(text, at)
        if (
            _ANIMAL_NAME_RE.fullmatch(name)
            and not (start >= 2 and text[start - 1] == " " and text[start - 2] not in ".!?\n")
            and _IS_AN_ANIMAL_RE.match(text, at)
        ):
            return name
        at = text.find(" is a", at + 1)
    # "Ailsa, the young Scottish osprey whose journey ...": an apposition ending on the animal
    # (looked for only where some animal's noun is in the text)
    low = text.lower()
    apposed = any(noun in low for noun in _ANIMAL_NOUNS)
    # `_NICKNAMED_RE` needs one of these: a quick scan, where it tries every position
    nicknamed = "named" in low or "dubbed" in low or "called" in low
    if not (apposed or nicknamed):
        return None  # neither look below can find a name: no place set built
    places = {rm.mention.surface for rm in resolved}
    at = text.find(", ") if apposed else -1
    while at >= 0:
        _, name = _word_before(text, at)
        if (
            _ANIMAL_NAME_RE.fullmatch(name)
            and name not in places
            and not is_common_word(name)
            and _APPOSED_ANIMAL_RE.match(text, at)
        ):
            return name
        at = text.find(", ", at + 2)
    if not nicknamed:
        return None
    for m in _nicknamed_matches(text, low):
        name = m.group("name")
        if (
            name in places
            or not name[0].isupper()
            or not _ANIMAL_WORD_RE.search(text, max(0, m.start() - 300), m.start())
        ):
            continue
        return name
    return None


def _named_with_age(text: str, resolved: list[ResolvedMention]) -> list[str]:
    """One-word names given an age ("Moussa, 22, is from Sikasso"): people, however rare."""
    if _AGE_AFTER_NAME_RE.search(text) is None:
        return []
    places = {rm.mention.surface for rm in resolved}
    return sorted(
        {
            word
            for word, _age in _NAME_WITH_AGE_RE.findall(text)
            if word not in places
            and word.casefold() not in _CALENDAR_WORDS
            and word.casefold() not in _NOT_NAME_WORDS
            and not is_common_word(word)
        }
    )


def _word_positions(text: str, word: str) -> list[int]:
    """Where `word` stands as a word of its own, or with "'s" (str.find: no pattern compiled per
    word)."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        possessive = after in "’'" and text[end + 1 : end + 3].rstrip() == "s"  # "Saltbush's"
        if not (before.isalnum() or before in "_.’'-") and (
            possessive or not (after.isalnum() or after in "_’'-")
        ):
            found.append(at)
        at = text.find(word, end)
    return found


def _beside_a_capital(text: str, at: int, word: str) -> bool:
    """Is the word at `at` next to another capitalised word ("Manchester United")?"""
    before = text[max(0, at - 40) : at]
    after = text[at + len(word) : at + len(word) + 40]
    previous = before.rsplit(None, 1)[-1] if before[-1:].isspace() and before.strip() else ""
    following = after.split(None, 1)[0] if after[:1].isspace() and after.strip() else ""
    return previous[:1].isupper() and previous[-1:] not in ".!?:" or following[:1].isupper()


_QUOTED_RE = re.compile(r"[\"“][^\"“”]*[\"”]")
# r"\b(?:I|me|my)\b", written with the word first and the look back after it: a leading \b
# makes the engine try every position, the first letters it scans for.
_FIRST_PERSON_RE = re.compile(r"(?:I(?<!\w\w)|m[ey](?<!\w\w\w))(?!\w)")
# (r"\b[Ww]e\b", the look back after the first letter, as above.)
_FIRST_PERSON_PLURAL_RE = re.compile(r"[Ww](?<!\w\w)e\b")  # not "our correspondent"
_NARRATOR_MIN_MENTIONS = 3


def _told_in_first_person(text: str) -> bool:
    """Does the writer say "I" outside quotations at least a few times (a travel feature)?"""
    if (
        len(_FIRST_PERSON_RE.findall(text)) < _NARRATOR_MIN_MENTIONS
        and len(_FIRST_PERSON_PLURAL_RE.findall(text)) < _NARRATOR_MIN_MENTIONS
    ):
        return False  # too few even with the quotations (taking them out adds none)
    outside = _QUOTED_RE.sub(" ", text)
    return (
        len(_FIRST_PERSON_RE.findall(outside)) >= _NARRATOR_MIN_MENTIONS
        # "We had set out from Bariloche on two second-hand bikes": travelling writers
        or len(_FIRST_PERSON_PLURAL_RE.findall(outside)) >= _NARRATOR_MIN_MENTIONS
    )


# "Tour diary: Adaeze Okoro on ferries ...", "She agreed to send us short notes from the
# road": the first person is the person named, not a reporter.
_DIARY_RE = re.compile(
    r"\b(?:diary|diaries|notes from the road|in (?:her|his|their) own words|(?:she|he) writes)\b",
    re.IGNORECASE,
)
_QUESTION_PARAGRAPH_RE = re.compile(r"^[^\n]{3,200}\?[\"”]?[ \t]*$", re.MULTILINE)
_INTERVIEW_MIN_QUESTIONS = 3


def _is_interview(text: str) -> bool:
    """Is the article questions and answers ("Where are you right now?" on a line of its own,
    then the answer), where the first person answering is the one interviewed?"""
    questions = 0
    for m in _QUESTION_PARAGRAPH_RE.finditer(text):
        line = m.group(0)
        if line.count("?") == 1 and not line.lstrip().startswith(('"', "“")):
            questions += 1
    return questions >= _INTERVIEW_MIN_QUESTIONS


_DATELINE_TAIL_RE = re.compile(
    r"(?:,[ \t]*[A-Z][\w. ]{1,30})?[ \t]*(?:\([\w ]{1,20}\)[ \t]*)?[—–-]"
)
# "here" after a lowercase word or a comma (the look back after the word: a leading look back
# would be tried at every position).
_HERE_RE = re.compile(r"here(?<=[a-z,] here)\b(?![’']s| is| are| was| were)")


def _here_mentions(
    article: Article, sentences: list[Sentence], resolved: list[ResolvedMention]
) -> list[ResolvedMention]:
    """In wire copy "here" is the dateline's city ("DUBROVNIK, Croatia — She rolled into the old
    harbour here"): a mention of it wherever the text says "here" after a word."""
    if not sentences or not resolved:
        return []
    first = resolved[0]
    mention = first.mention
    start = sentences[0].start
    if (
        first.place is None
        or mention.sentence_index != sentences[0].index
        or mention.start != start
        or not _DATELINE_TAIL_RE.match(article.text, mention.end)
    ):
        return []
    found: list[ResolvedMention] = []
    for sentence in sentences:
        for match in _HERE_RE.finditer(sentence.text):
            at = sentence.start + match.start()
            found.append(
                first.model_copy(
                    update={
                        "mention": mention.model_copy(
                            update={
                                "sentence_index": sentence.index,
                                "start": at,
                                "end": at + 4,
                                "surface": "here",
                            }
                        )
                    }
                )
            )
    return found


def extract_movements(
    article: Article, sentences: list[Sentence], resolved: list[ResolvedMention]
) -> list[Movement]:
    """Movements described by one article, in text order (one per sentence, place, actor)."""
    language = article_language(article.text)
    if language != "en":
        return foreign_movements(article, sentences, resolved, language)
    by_sentence: dict[int, list[ResolvedMention]] = {}
    for rm in [*resolved, *_here_mentions(article, sentences, resolved)]:
        by_sentence.setdefault(rm.mention.sentence_index, []).append(rm)
    for in_sentence in by_sentence.values():
        in_sentence.sort(key=lambda rm: rm.mention.start)
    # A sentence without a resolved place yields no movement: it only needs its names (for the
    # registry and salience) and, when short, its date (a live blog's heading). Its times are
    # read only when they could touch a name ("Biden Tuesday") or date a heading. Times and
    # items do not depend on the registry: each reading builds them once, when first asked.
    has_places = [_has_place(s, by_sentence.get(s.index, [])) for s in sentences]
    # Salience only flows forward: sentences after the last one that can move someone matter
    # no more (their names are still registered below, for the final display names).
    last_moving = max((k for k, has_place in enumerate(has_places) if has_place), default=-1)
    if last_moving < 0:
        return []  # no sentence with both a place and a cue: no one moves
    ref = reference_date(article.text, article.published)
    storm_names = _bare_storm_names(article.text)
    readings = [
        _SentenceReading(sentence, by_sentence.get(sentence.index, []), has_place, ref, storm_names)
        for sentence, has_place in zip(sentences, has_places, strict=True)
    ]
    registry = ActorRegistry()
    registry.narrator = _told_in_first_person(article.text)
    registry.interview = registry.narrator and (
        _is_interview(article.text) or _DIARY_RE.search(article.text[:400]) is not None
    )
    for word, kind in _recurring_single_names(article.text, resolved):
        registry.add(word, kind)
    for word in _recurring_vessel_names(article.text, resolved, storm_names):
        registry.add(word, "ship")
    for word in _named_with_age(article.text, resolved):
        registry.add(word, "person")  # "Moussa, 22, is from Sikasso"
    nickname = _animal_nickname(article.text, resolved)
    if nickname is not None:
        registry.animal = registry.add(nickname, "person")  # "The shark, nicknamed Maren,"
    registry.recurring_names = _recurring_phrases(article.text, resolved)
    for phrase in sorted(registry.recurring_names):
        registry.add(phrase, "ship" if _VESSEL_WORD_RE.search(article.text) else "group")
    registry.country_teams = _country_teams(article.text, resolved)
    for team in sorted(registry.country_teams):
        registry.add(team, "group")
    # A first pass registers full names and movers so that "Mr. Kim" or "Haikui" early on
    # maps to "Kim Jong Un" or "Typhoon Haikui"; the second pass reads with them known.
    for reading in readings:
        if not _may_name_actor(reading.sentence.text, reading.may_move):
            continue  # nothing the first pass would register
        found: list[Item] = []
        for items in reading.naming_segments(registry):
            found += items  # anaphors carry no names: not needed to register
        for it in found:
            if it.actor is None or it.actor.name is None or it.actor.kind is None:
                continue
            # "Crown Princess Victoria": a title makes one word a name too
            if it.kind == "mover" or len(it.text.split()) >= 2 or it.actor.titles:
                registry.add(it.actor.name, it.actor.kind, it.actor.titles)
    # Sentences with a place are read whole; the others only for their likely subject (the
    # first name, named mover or referring expression), which `_update_salience` applies.
    prepared: list[tuple[Sentence, list[Item], list[TimeExpression]]] = []
    for reading in readings[: last_moving + 1]:
        sentence = reading.sentence
        if reading.has_place:
            items = reading.named(-1, registry)
            _find_anaphors(items)
        else:
            subject = reading.subject(registry)
            items = [subject] if subject is not None else []
        prepared.append((sentence, items, reading.times))
    registry.reset_mentions()
    movements: list[Movement] = []
    seen: set[tuple[int, str, str]] = set()
    times_by_tense: dict[tuple[int, Tense | None], list[TimeExpression]] = {}
    context_date: dt.date | None = None
    entry_stamps = _blog_entry_stamps(article.text, sentences, ref)
    # "Once, in 2019, with a different band. We played Cambridge Bay": a fragment's earlier
    # year dates the undated sentence after it, in the same paragraph.
    fragment: tuple[Sentence, TimeSpan] | None = None
    next_text = {a[0].index: b[0].text for a, b in zip(prepared, prepared[1:], strict=False)}
    for sentence, items, times in prepared:
        context_date = _heading_date(sentence, times, context_date, ref)
        carried = (
            fragment[1]
            if fragment is not None
            and fragment[0].index == sentence.index - 1
            and not times
            and (
                # "That year her summer cruise also called at Saint Petersburg"
                _THAT_YEAR_RE.match(sentence.text) is not None
                or (
                    len(fragment[0].text.split()) <= _FRAGMENT_MAX_WORDS
                    and "\n" not in article.text[fragment[0].end : sentence.start]
                )
            )
            else None
        )
        fragment = _earlier_year_fragment(sentence, times, ref)
        if not any(it.kind == "place" for it in items):
            _update_salience(items, registry)
            continue
        state = SentenceState()
        cue_marked = False
        first = items[_after_dateline(items)] if items else items[0]
        if (
            first.kind in ("mover", "name")
            and first.actor is not None
            and (
                first.actor.name is not None
                or (first.actor.anaphor or "").startswith(("a ", "an "))
            )
        ):
            # "Idalia was downgraded ... as it moved across Georgia": a named storm, ship or
            # team opening the sentence is what its pronouns refer to.
            key = _actor_key(first, registry)
            if key is not None:
                registry.mark_subject(key)
        for hit in _find_cues(items):
            governed = _governed_places(items, hit)
            governed += _relative_where(items, hit, governed)
            governed += _later_legs(items, hit, governed)
            governed += _fronted_places(items, hit, governed)
            governed = [
                g for g in governed
                if items[g.item_index].kind == "place" and not _names_a_feature(items, g.item_index)
            ]  # fmt: skip
            if hit.cue is _SIGHTING and not _sighted_traveller(items, hit):
                continue  # "the scenes seen in Paris": no one in particular was seen
            if not governed:
                key = _carried_by(items, hit, _cue_actor(items, hit, registry, state), registry)
                if key is not None:
                    state.actor_key = key
                    registry.mark_subject(key)
                continue
            if hit.cue.only is not None:
                key = _cue_actor(items, hit, registry, state)
                if key is None:
                    continue
                mover_kind = registry.kind_of(key)
                # a ship loads, unloads and docks where a team plays: both are where they are;
                # "brought her campaign bus into Lublin" is a storm's verb said of a traveller
                if (
                    mover_kind != hit.cue.only
                    and not (hit.cue is _GROUP_PRESENCE and mover_kind == "ship")
                    and hit.form not in _TAKE_FORMS
                    # "was last located near the Azores": a tracked animal's or ship's position
                    and not (
                        hit.cue is _STORM_POSITION
                        and (mover_kind == "ship" or key == registry.animal)
                    )
                ):
                    continue
                if mover_kind != hit.cue.only and hit.form in _TAKE_FORMS:
                    # "brought her bus into Lublin", but "brought the Mediterranean weather":
                    # what a traveller brings is no place she went to
                    governed = [g for g in governed if g.prep or g.item_index < hit.index]
                    if not governed:
                        continue
            else:
                key = _carried_by(items, hit, _cue_actor(items, hit, registry, state), registry)
            if key is None:
                continue
            state.actor_key = key
            registry.mark_subject(key)
            clause_start = _clause_start(items, hit.index)
            # "in Singapore, where the roadshow opened on Monday": the clause runs to the cue
            clause_end = max(hit.last, *(g.item_index for g in governed))
            clause_text = _without_asides(
                article.text, items, clause_start, hit.last, _text_between(
                    article.text, items, clause_start, hit.last)
            )  # fmt: skip
            wide_text = _without_asides(
                article.text, items, clause_start, clause_end, _text_between(
                    article.text, items, clause_start, clause_end)
            )  # fmt: skip
            if _negated(article.text, items, hit.last, clause_end, hit.is_noun) or (
                _plan_undone_later(
                    article.text,
                    items,
                    clause_start,
                    clause_end,
                    next_text.get(sentence.index, ""),
                    hit.is_noun,
                )
            ):
                continue
            if all(g.item_index < hit.index for g in governed):
                # "Osh, where the ride will end": the place's clause goes on after the cue
                tail = _text_between(article.text, items, hit.last, _clause_end_after(items, hit))
                clause_text += tail[len(items[hit.last].text) :]
            if "without" in clause_text and items[hit.index - 1].low != "without":
                # "through Buncrana without stopping and finishing the day in Letterkenny":
                # "without" denies its own verb, not this later one
                clause_text = _WITHOUT_GERUND_RE.sub("", clause_text)
            # "had not seen a tree for days when she freewheeled into Murghab": the main
            # clause lends its tense, but its negation denies only its own verb.
            own_clause_text = clause_text
            if (
                clause_start > 0
                and items[clause_start - 1].low
                in ("before", "after", "until", "as", "while", "once", "when")
                and items[clause_start - 1].low != "after"
            ):
                # The main clause's tense, without relative clauses in between ("the zoo,
                # which is to receive two pandas, before flying to Canberra").
                # "Without leaving the terminal" there denies another verb, not this one.
                clause_text = _WITHOUT_PHRASE_RE.sub(
                    "",
                    _RELATIVE_CLAUSE_RE.sub(",", _text_between(article.text, items, 0, hit.last)),
                )
            first_status = _cue_status(
                items, hit, clause_text, sentence.text, governed[0].role, own_clause_text
            )
            # "he will travel to Tunis, then fly to Lomé": the plan goes on without a subject.
            inherit_plan = (
                (
                    state.status == "planned"
                    and first_status in ("visited", "passed")
                    and (
                        _no_new_subject(items, clause_start, hit.index)
                        or items[hit.index - 1].low in ("and", "then")
                        # "on Friday the tour moves to Fiji, starting in Suva": the same plan
                        or (items[hit.index - 1].text == "," and _is_participle_form(hit))
                        # "will stay in Apia until Sunday, then make the short hop to Pago Pago"
                        or (
                            items[clause_start].low == "then"
                            and not any(
                                it.kind in ("name", "mover")
                                for it in items[clause_start : hit.index]
                            )
                        )  # fmt: skip
                    )
                )
                or (first_status in ("visited", "passed") and _before_planned_main(items, hit))
            )
            if clause_start > 0 and items[clause_start - 1].low in ("whether", "if", "unless"):
                inherit_plan = True  # "Whether she then keeps going to Finisterre": undecided
            if inherit_plan:
                first_status = "planned"
            if hit.form not in ("bound", "en route"):
                # "A container ship bound for Pakistan rescued ... and landed them at Sohar":
                # where it is bound says nothing of what it did
                state.status = first_status
            tense: Tense | None = "future" if first_status == "planned" else "past"
            verb = hit.form.split()[0]
            if (
                tense == "past"
                and not hit.is_noun
                and not _is_verbless(hit)  # no verb: the sentence's own tense stands
                and not verb.endswith(("ed", "ing"))
                and verb not in _IRREGULAR_PAST
                and detect_tense(clause_text) is None
            ):
                # "a tour that opens in Winnipeg on April 3": a present-tense clause takes the
                # sentence's tense ("will take their album on the road"), if it has one
                tense = detect_tense(sentence.text)
                # "starts", or a team's plural "United face Arsenal": plainly the present
                present = (
                    _third_person_verb(verb)
                    or registry.kind_of(key) == "group"
                    # "We fly to Yellowknife on Sunday": a bare verb after its plural subject
                    or items[hit.index - 1].low in ("we", "they", "i", "you")
                )
                if (
                    sentence.index > 0
                    # "Sunday's stage 15 starts in Oviedo" (even beside "that has decided")
                    and (tense in (None, "future") or present)
                    and registry.kind_of(key) != "storm"
                    and ref is not None
                    and times
                    and _all_ahead(sentence, times, ref, weekdays=present)
                ):
                    # "After the series, New Zealand fly to Bangladesh ... at the end of
                    # October": the present of a timetable, for what is still to come
                    tense = "future"
                    state.status = first_status = "planned"
                    inherit_plan = True
            cue_times = times_by_tense.get((sentence.index, tense))
            if cue_times is None:
                if detect_tense(sentence.text) == tense:
                    cue_times = times  # read in the sentence's own tense already
                else:
                    cue_times = _without_dateline(
                        sentence, find_time_expressions(sentence.text, ref, tense)
                    )
                times_by_tense[(sentence.index, tense)] = cue_times
            when, historical = _movement_time(items, cue_times, clause_start, clause_end,
                                              sentence, ref, context_date, wide_text,
                                              _journey_kind(key, registry),
                                              clause_text)  # fmt: skip
            if when is None and carried is not None and ref is not None:
                when = carried
                historical = _journey_kind(key, registry) == "person" or (
                    (ref - (carried.end or carried.start or ref)).days > _LONG_JOURNEY_DAYS
                )
            if (
                hit.form.split()[0] in ("trip", "visit", "journey", "tour", "trips", "visits")
                and (
                    (
                        hit.index > 0
                        and items[hit.index - 1].low in ("last", "previous", "earlier", "prior")
                    )
                    # "his first trip abroad since a brief visit to Washington in January"
                    or any(it.low == "since" for it in items[max(0, hit.index - 4) : hit.index])
                )
            ):
                historical = True  # "Her last trip to India, made as opposition leader"
            if when is None and (hit.is_noun or hit.cue in (_PRESENCE, _VISIT)):
                # "Gagnon, who served two tours in Kandahar and was based at Petawawa, said":
                # an undated stay told in an aside is the traveller's past, not this journey
                at = items[hit.index].start
                if any(a <= at < b for a, b in _relative_clauses(items, 0, len(items))):
                    historical = True
            for g in _drop_qualifiers(items, governed):
                item = items[g.item_index]
                mention = item.resolved
                if mention is None or mention.place is None:
                    continue
                rm = mention
                place = mention.place
                role = g.role
                if hit.form.startswith(("after", "following")) or _after_clause(items, hit):
                    role = "origin"
                status = _cue_status(items, hit, clause_text, sentence.text, role, own_clause_text)
                if status is None:
                    continue
                if inherit_plan:
                    status = "planned"
                if g.prep in ("toward", "towards") and status in ("visited", "reported"):
                    status = "planned"  # a heading, not an arrival
                if (
                    when is not None
                    and when.start is not None
                    and ref is not None
                    and (status == "visited" and when.start > ref)
                ):
                    status = "planned"
                place_when = _time_right_after(items, g.item_index, cue_times, sentence) or when
                if sentence.index in entry_stamps:
                    place_when = _within_entry(place_when, entry_stamps[sentence.index], ref)
                token = (sentence.index, place.id, key)
                if token in seen:
                    continue
                seen.add(token)
                cue_marked = True
                movements.append(
                    _record_movement(
                        registry,
                        key,
                        article,
                        sentence,
                        rm,
                        role,
                        status,
                        place_when,
                        historical,
                        _cue_words(items, hit),
                    )
                )
        lead = _dateline_presence(items, movements, sentence.index)
        if lead is not None:
            # "THIÈS, Senegal — President X walked the floor of a workshop in Thiès on
            # Thursday": the lead puts its subject in the dateline's city.
            subject_index, place_index = lead
            key = _actor_key(items[subject_index], registry)
            lead_place = items[place_index].resolved
            if key is not None and lead_place is not None and lead_place.place is not None:
                future, when = _lead_tense_and_time(
                    article.text, items, sentence, times, movements, lead, ref
                )
                movements.append(
                    _record_movement(
                        registry,
                        key,
                        article,
                        sentence,
                        lead_place,
                        "stop",
                        "planned" if future else "visited",
                        when,
                        False,
                        "dateline",
                    )  # fmt: skip
                )
                cue_marked = True
        if not cue_marked:
            _update_salience(items, registry)
    movements = _retold_journeys(movements, ref)
    movements = _in_story_years(movements, _story_years(prepared), ref)
    movements = _continued_journeys(movements, registry)
    movements = _described_as_named(movements, registry)
    # Actor names are final only once the whole article is read ("Kim" before "Kim Jong Un").
    return [m.model_copy(update={"actor": _final_name(m.actor, registry)}) for m in movements]


def _cue_words(items: list[Item], hit: CueHit) -> str:
    """The cue as the evidence names it, with a "home" or "back" just after it ("will fly
    straight home to Brussels"): routes read those as a return."""
    k = hit.last + 1
    if k < len(items) and items[k].low in ("straight", "directly", "right"):
        k += 1
    if (
        k + 1 < len(items)
        and items[k].low in ("home", "back")
        and items[k].low not in hit.form.split()
        # "fly straight home to Brussels", not "opening the run on home soil"
        and (items[k + 1].low in _PREPOSITION_WORDS or items[k + 1].kind in ("place", "punct"))
    ):
        return f"{hit.form} {items[k].low}"
    if hit.is_noun and hit.index > 0 and items[hit.index - 1].low in ("return", "homeward"):
        return f"{hit.form} back"  # "the return journey to Baku": a return, as "back"
    return hit.form


def _record_movement(
    registry: ActorRegistry,
    key: str,
    article: Article,
    sentence: Sentence,
    rm: ResolvedMention,
    role: Role,
    status: Status,
    when: TimeSpan | None,
    historical: bool,
    cue: str,
) -> Movement:
    """The movement of the actor `key` at the resolved mention `rm`, counted as one more of its
    movements (salience prefers actors that have travelled)."""
    assert rm.place is not None
    registry.moves[key] += 1
    return Movement(
        actor=registry.display(key),
        actor_kind=registry.kind_of(key),
        article_id=article.id,
        sentence_index=sentence.index,
        start=rm.mention.start,
        end=rm.mention.end,
        place=rm.place,
        role=role,
        status=status,
        when=when,
        historical=historical,
        cue=cue,
        sentence=sentence.text,
        sentence_start=sentence.start,
    )


def _retold_journeys(movements: list[Movement], ref: dt.date | None) -> list[Movement]:
    """A dated past perfect marks an earlier trip ("Meloni had flown to Tunis in April"),
    unless the story goes on telling the same traveller's way in the past perfect ("he had
    left the Malian capital in early September ... Then he had travelled up the coast"): then
    it is the start of the journey told."""
    out: list[Movement] = []
    for m in movements:
        if (
            m.historical
            and ref is not None
            and m.when is not None
            and m.when.start is not None
            and m.when.start.year == ref.year
            and _PAST_PERFECT_RE.search(m.sentence)
            and sum(
                1
                for o in movements
                if o.actor == m.actor
                and o.sentence_index > m.sentence_index
                and not o.historical
                and _PAST_PERFECT_RE.search(o.sentence)
            )
            >= _RETOLD_MIN_MOVES
        ):
            m = m.model_copy(update={"historical": False})
        out.append(m)
    return out


_RETOLD_MIN_MOVES = 2


_CALENDAR_KINDS = frozenset({"month", "month_day"})  # "In March", "on March 3": no year
_YEAR_DIGITS_RE = re.compile(r"\d{4}")  # a time written with its year ("March 2024")


def _month_level(t: TimeExpression) -> bool:
    span = t.span
    return span.start is not None and span.end is not None and (span.end - span.start).days <= 31


def _story_years(
    prepared: list[tuple[Sentence, list[Item], list[TimeExpression]]],
) -> dict[int, int]:
    """The year a story told in order gives its bare months: "The last one went in February
    2024. In March she ... In November ... In January ...": March and November of 2024, January
    of 2025. Sentence index -> year, for sentences whose only times are bare months or days
    right after such a chain; a relative time ("last week") or a whole year ends the chain."""
    years: dict[int, int] = {}
    anchor: tuple[int, int] | None = None
    for sentence, _, times in prepared:
        if not times:
            continue
        if any(t.relative and t.kind not in _CALENDAR_KINDS for t in times) or any(
            not _month_level(t) for t in times
        ):
            anchor = None  # "last week", "on Monday", "in 2019": the chain is broken
            continue
        explicit = [t for t in times if t.explicit_year]
        if explicit:
            start = explicit[-1].span.start
            anchor = (start.year, start.month) if start is not None else None
            continue
        if anchor is None:
            continue
        month = min(t.span.start.month for t in times if t.span.start is not None)
        year = anchor[0] if month >= anchor[1] else anchor[0] + 1
        years[sentence.index] = year
        anchor = (year, month)
    return years


def _in_story_years(
    movements: list[Movement], years: dict[int, int], ref: dt.date | None
) -> list[Movement]:
    """Moves dated by a bare month, put in the year of the story told around them."""
    out: list[Movement] = []
    for m in movements:
        year = years.get(m.sentence_index)
        when = m.when
        if (
            year is not None
            and when is not None
            and when.start is not None
            and when.end is not None
            and when.start.year != year
            and not _YEAR_DIGITS_RE.search(when.text)
        ):
            shift = year - when.start.year
            start, end = _shift_year(when.start, shift), _shift_year(when.end, shift)
            if ref is None or end <= ref:
                m = m.model_copy(
                    update={"when": when.model_copy(update={"start": start, "end": end})}
                )
        out.append(m)
    return out


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# How long a leg of a slow journey may take: "In January she travelled to Kismayo ... In
# March a truck driver took them to Dhobley" is one journey, however long ago January was.
_CHAIN_DAYS = 75


def _continued_journeys(movements: list[Movement], registry: ActorRegistry) -> list[Movement]:
    """A person's move dated months back is an earlier trip by its age alone; but when the
    story's next move of that person is part of the journey told now and follows within
    `_CHAIN_DAYS`, the old move is a leg of the same long journey (a refugee family's year on
    the road). Applied backwards, so each leg joins the one after it."""
    out = list(movements)
    for n in range(len(out) - 1, -1, -1):
        m = out[n]
        if (
            not m.historical
            or m.when is None
            or m.when.start is None
            or m.when.end is None
            or (m.when.end - m.when.start).days > 31  # a month or finer, not "in 2019"
            or _YEAR_DIGITS_RE.search(m.when.text)
            or _HISTORICAL_RE.search(m.sentence)
            or _PAST_PERFECT_RE.search(m.sentence)
            or _journey_kind(canonical_actor_key(m.actor), registry) != "person"
        ):
            continue
        following = next(
            (o for o in out[n + 1 :] if o.actor == m.actor and o.sentence_index > m.sentence_index),
            None,
        )
        if (
            following is not None
            and not following.historical
            and following.when is not None
            and following.when.start is not None
            and 0 <= (following.when.start - m.when.end).days <= _CHAIN_DAYS
        ):
            out[n] = m.model_copy(update={"historical": False})
    return out


# Characters that are always a token of their own and end any name or referring expression:
# a sentence is cut at them into segments that can be read apart.
_BARRIER_RE = re.compile(r'[,;:()"“”?!\[\]—–]')
# Capital letters (and, to be safe, every character outside the Basic Multilingual Plane).
_UPPER = "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isupper()) + (
    "\U00010000-\U0010ffff"
)
# Two word tokens in a row, the first capitalised, the second capitalised or a particle
# before one: what a name of two words (or a title and a name) needs. Tokens are separated
# by spaces or underscores (which no token holds).
_TOKEN_PAIR_RE = re.compile(
    "["
    + _UPPER
    + r"]\S*[\s_]+(?:(?:"
    + "|".join(sorted(_NAME_PARTICLES))
    + r")[\s_]+)*["
    + _UPPER
    + "]"
)
# A capitalised word token (as `_TOKEN_RE` cuts it): a one-word name if the registry knows it.
# Written capital first, then the look backs (the capital is a letter or digit, the character
# before it is not): a leading look back would make the engine try every position.
_CAPITALISED_TOKEN_RE = re.compile(
    r"[" + _UPPER + r"](?<=[^\W_])(?<![^\W_].)[^\W_]*(?:[’'\-.&][^\W_]+)*\.?"
)
_ANAPHOR_HEADS = frozenset(
    w
    for group in (_VEHICLE_NOUNS, _STORM_NOUNS, _SHIP_NOUNS, _RACE_NOUNS, _PERSON_HEAD_NOUNS,
                  _THE_PERSON_HEADS, _GROUP_HEADS, {"crew", "eye", "remnants", "center", "centre"})
    for w in group
)  # fmt: skip
# Words (as `_TOKEN_RE` cuts them, less a final period) of a casefolded text.
_FOLDED_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.&][^\W_]+)*")


def _words_of(text: str) -> set[str]:
    """The words `_FOLDED_WORD_RE` finds in the text. No word spans a space, and a chunk
    between spaces of letters and digits only is a word: only the other chunks need the
    pattern (which tests every character against a character class)."""
    words: set[str] = set()
    for chunk in text.split():
        if chunk.isalnum():
            words.add(chunk)
        else:
            words.update(_FOLDED_WORD_RE.findall(chunk))
    return words


# A pronoun, or a leader's aircraft ("Air Force One"): referring expressions on their own.
_REFERRING_WORDS = frozenset(_PRONOUNS) | _AIRCRAFT_FIRST_WORDS


def _has_place(sentence: Sentence, mentions: list[ResolvedMention]) -> bool:
    """Whether the sentence can move someone: it has a resolved place and a cue word (one
    without a cue word is read like one without a place)."""
    if not any(rm.place is not None for rm in mentions):
        return False
    folded = sentence.text.casefold()
    # A cue word between spaces is one of the words; only without one are they all needed.
    return (
        not _CUE_KEY_WORDS.isdisjoint(folded.split())
        or not _CUE_KEY_WORDS.isdisjoint(_words_of(folded))
        or _may_be_verbless_leg(sentence, folded, mentions)
    )


def _may_be_verbless_leg(sentence: Sentence, folded: str, mentions: list[ResolvedMention]) -> bool:
    """A sentence with no cue word that may still tell a leg (`_verbless_leg`, `_diary_entry`):
    "Busan to Fukuoka.", "Saturday 25 April - Seoul.", "Day 15: Marla to Alice", "45 km to
    Puno"."""
    text = sentence.text
    opening = min(mentions, key=lambda rm: rm.mention.start).mention
    first = opening.start - sentence.start
    last = max(rm.mention.end for rm in mentions) - sentence.start
    if first <= 2 and text.startswith(" to ", opening.end - sentence.start):
        return True
    if len(text) <= 60 and any(mark in text[:first] for mark in ("-", "–", "—", ":")):
        return True
    if ":" in text[:first] and folded.startswith(("day", "stage", "leg", "week", "night")):
        return True
    return " to " in folded[: last + 4] and any(
        unit in folded for unit in ("km", "kilomet", "mile")
    )


def _sentence_times(
    sentence: Sentence, has_place: bool, ref: dt.date | None
) -> list[TimeExpression]:
    """The sentence's times, if it has a place, is short (a heading) or names a day or month
    with a capital (a time that could touch a name: "Biden Tuesday")."""
    text = sentence.text
    if (
        has_place
        or len(text.split(None, _HEADING_MAX_WORDS)) <= _HEADING_MAX_WORDS
        or _CAPITALISED_TIME_RE.search(text)
    ):
        return _without_dateline(sentence, find_time_expressions(text, ref))
    return []


def _may_refer(sentence: Sentence, spans: list[Item], first: int, last: int) -> bool:
    """Whether `_find_anaphors` can find anything in this part of the sentence: a pronoun, or a
    determiner and a noun that can head a description."""
    folded = sentence.text[first:last].casefold()
    if not _REFERRING_WORDS.isdisjoint(folded.split()):
        return True  # one between spaces: no need to cut out all the words
    words = _words_of(folded)
    if not words.isdisjoint(_REFERRING_WORDS):
        return True
    if words.isdisjoint(_DESCRIPTION_STARTS):
        return False
    return not words.isdisjoint(_ANAPHOR_HEADS) or any(
        sp.kind == "demonym" and sp.low in _ANAPHOR_HEADS
        for sp in spans
        if first <= sp.start - sentence.start < last
    )


def _may_be_known_name(text: str, registry: ActorRegistry) -> bool:
    """Whether some capitalised word of the text could be a name the registry knows."""
    words = registry.words
    for m in _CAPITALISED_TOKEN_RE.finditer(text):
        parts = _norm_name(m.group().rstrip(".")).split()
        if not parts or parts[0] in words:
            return True
    return False


class _SentenceReading:
    """A sentence's times, spans and items, each built only when first read: a sentence past
    the last one that can move someone is read only if it may name an actor."""

    def __init__(
        self,
        sentence: Sentence,
        mentions: list[ResolvedMention],
        has_place: bool,
        ref: dt.date | None,
        storm_names: frozenset[str],
    ) -> None:
        self.sentence = sentence
        self.mentions = mentions  # in text order (by start), as `_sentence_spans` reads them
        self.has_place = has_place
        self.ref = ref  # the article's reference date, for its times
        self.storm_names = storm_names  # the article's bare storm names (_bare_storm_names)
        self._times: list[TimeExpression] | None = None
        self._gate: bool | None = None
        self._spans: list[Item] | None = None
        self._may_move: bool | None = None
        self._whole: list[Item] | None = None
        self._segments: list[tuple[int, int, bool]] | None = None
        self._segment_items: dict[int, list[Item]] = {}
        self._pairs: dict[int, bool] = {}  # segment -> holds a token pair (_has_pair)
        self._named: dict[int, tuple[list[Item], _Lookups]] = {}

    @property
    def times(self) -> list[TimeExpression]:
        if self._times is None:
            self._times = _sentence_times(self.sentence, self.has_place, self.ref)
        return self._times

    def _passes_gate(self) -> bool:
        """Whether the text passes `_may_hold_mover`."""
        if self._gate is None:
            self._gate = _may_hold_mover(self.sentence.text)
        return self._gate

    @property
    def spans(self) -> list[Item]:
        """The sentence's multi-word items (_sentence_spans), bare storm names among them."""
        if self._spans is None:
            spans = _sentence_spans(self.sentence, self.mentions, self.times, self._passes_gate())
            if self.storm_names:
                spans = _with_storm_names(spans, self.sentence, self.storm_names)
            self._spans = spans
        return self._spans

    @property
    def may_move(self) -> bool:
        """Whether the sentence may hold a named mover: it passes `_may_hold_mover`, or holds
        a bare storm name."""
        if self._may_move is None:
            self._may_move = self._passes_gate() or (
                bool(self.storm_names) and any(sp.kind == "mover" for sp in self.spans)
            )
        return self._may_move

    def whole(self) -> list[Item]:
        if self._whole is None:
            self._whole = _items_in(self.sentence, self.spans, 0, len(self.sentence.text))
        return self._whole

    def _cut(self) -> list[tuple[int, int, bool]]:
        """(first, last, has a named mover) of each segment between barrier characters."""
        if self._segments is None:
            base = self.sentence.start
            text = self.sentence.text
            inside = [(sp.start - base, sp.end - base) for sp in self.spans]
            segments: list[tuple[int, int, bool]] = []
            first = 0
            for m in _BARRIER_RE.finditer(text):
                at = m.start()
                if inside and any(s <= at < e for s, e in inside):
                    continue
                segments.append((first, at, False))
                first = at + 1
            segments.append((first, len(text), False))
            movers = [sp.start - base for sp in self.spans if sp.kind == "mover"]
            self._segments = [
                (s, e, bool(movers) and any(s <= at < e for at in movers))
                for s, e, _ in segments
                if e > s
            ]
        return self._segments

    def _has_pair(self, k: int) -> bool:
        """Whether segment k holds two capitalised word tokens in a row (`_TOKEN_PAIR_RE`):
        asked by the first pass and again for the subject, searched once."""
        found = self._pairs.get(k)
        if found is None:
            first, last, _ = self._cut()[k]
            found = self._pairs[k] = (
                _TOKEN_PAIR_RE.search(self.sentence.text, first, last) is not None
            )
        return found

    def _items(self, k: int) -> list[Item]:
        items = self._segment_items.get(k)
        if items is None:
            first, last, _ = self._cut()[k]
            items = self._segment_items[k] = _items_in(self.sentence, self.spans, first, last)
        return items

    def named(self, k: int, registry: ActorRegistry) -> list[Item]:
        """A fresh list of segment k's items (k = -1: the whole sentence's) with names marked,
        the first pass's when the registry answers its lookups the same way now."""
        kept = self._named.get(k)
        if kept is not None and _same_answers(kept[1], registry):
            return list(kept[0])
        items = list(self.whole() if k < 0 else self._items(k))
        lookups: _Lookups = []
        _find_names(items, registry, lookups)
        self._named[k] = (items, lookups)
        return list(items)

    def naming_segments(self, registry: ActorRegistry) -> list[list[Item]]:
        """With names marked, the items of every part of the sentence that can hold a
        registrable name."""
        if self.has_place:
            return [self.named(-1, registry)]
        return [
            self.named(k, registry)
            for k, (_, _, mover) in enumerate(self._cut())
            if mover or self._has_pair(k)
        ]

    def subject(self, registry: ActorRegistry) -> Item | None:
        """The item `_update_salience` would act on: the first referring expression, named
        mover or name not right after "with", "met", ... (None when there is none)."""
        text = self.sentence.text
        for k, (first, last, mover) in enumerate(self._cut()):
            if not (
                mover
                or self._has_pair(k)
                or _may_refer(self.sentence, self.spans, first, last)
                or _may_be_known_name(text[first:last], registry)
            ):
                continue  # no mover, name, pronoun or description: nothing to find
            items = self.named(k, registry)
            _find_anaphors(items)
            for j, it in enumerate(items):
                if it.kind == "mover" and it.actor is not None:
                    return it
                if it.kind == "name" and it.actor is not None:
                    if j > 0 and items[j - 1].low in _NOT_SUBJECT_BEFORE:
                        continue
                    return it
        return None


_CAPITALISED_TIME_RE = word_start_gate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Mon",
     "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Yesterday", "Today", "Tomorrow", "Tonight")
)  # fmt: skip
# Two capitalised words in a row (maybe joined by a particle), or a named mover: what the
# first pass registers as an actor. (r"\b[A-Z]" written as a capital with no word character
# before it: a leading \b would make the engine try every position, a capital it scans for.)
_MULTI_CAPITAL_RE = re.compile(
    r"[A-Z](?<!\w\w)[^\s]*\s+(?:(?:" + "|".join(sorted(_NAME_PARTICLES)) + r")\s+)?[A-Z]"
)


def _may_name_actor(text: str, may_move: bool) -> bool:
    """`may_move`: whether the text passes `_may_hold_mover`."""
    return bool(
        _MULTI_CAPITAL_RE.search(text)
        or may_move
        and (
            _gated_any(_SHIP_NOUN_RE, text)
            or _gated_any(_RACE_RE, text)
            or _gated_any(_SHIP_PREFIX_RE, text)
            or _gated_any(_STORM_RE, text)
        )
    )


def _salience_prefix(items: list[Item]) -> list[Item]:
    """The items `_update_salience` reads in a sentence without places: referring expressions
    are only looked for before the first name or named mover that could be its subject."""
    for k, it in enumerate(items):
        if it.kind == "name" or (
            it.kind == "mover" and it.actor is not None and it.actor.name is not None
        ):
            prefix = items[: k + 1]
            _find_anaphors(prefix)
            if not any(p.kind == "mover" and p.actor is not None and p.actor.name is None
                       for p in prefix) and _skipped_subject(items, k):  # fmt: skip
                break  # "met with Kim": salience reads on; so must the anaphors
            return prefix
    _find_anaphors(items)
    return items


def _skipped_subject(items: list[Item], k: int) -> bool:
    return items[k].kind == "name" and k > 0 and items[k - 1].low in _NOT_SUBJECT_BEFORE


_DATELINE_END = re.compile(r"\s(?:—|–|--|-)\s|\)\s*(?:—|–|-)?\s*|\(\w[^)]{0,40}\)")


def _without_dateline(sentence: Sentence, times: list[TimeExpression]) -> list[TimeExpression]:
    """ "SEOUL, Sept. 13 (Yonhap) —": the dateline's date is when the story was filed."""
    if sentence.index > 3 or not times:
        return times
    m = _DATELINE_END.search(sentence.text[:90])
    if m is None or not re.match(r"\s*[A-Z][A-Z .,'-]{2,}", sentence.text):
        return times
    return [t for t in times if t.start >= m.end()]


def _final_name(name: str, registry: ActorRegistry) -> str:
    if name in registry.country_teams:
        nickname = _team_nickname(name, registry)
        if nickname is not None:
            return nickname
    for actor in registry.actors.values():
        if actor.name == name:
            key = registry.resolve(name, actor.kind)
            if key is not None and key in registry.actors:
                return registry.actors[key].name
    return name


def _team_nickname(country: str, registry: ActorRegistry) -> str | None:
    """ "Fiji" and "the Flying Fijians" are one team: a group named with the country's
    people ("Fijians", "Tongans") is the country's team."""
    stem = country.casefold()
    if len(stem) < 4 or " " in stem:
        return None
    for actor in registry.actors.values():
        if (
            actor.kind == "group"
            and actor.name != country
            and any(
                word.startswith(stem) and word != stem for word in actor.name.casefold().split()
            )
        ):
            return actor.name
    return None


# A name right after these words is not its sentence's subject ("met with Kim").
_NOT_SUBJECT_BEFORE = frozenset(
    {"with", "met", "meet", "meets", "meeting", "by", "between", "and", "to", "for", "of",
     "from", "than", "welcomed", "greeted", "received", "hosted"}
)  # fmt: skip


def _update_salience(items: list[Item], registry: ActorRegistry) -> None:
    """The first named person of a sentence, as its likely subject, becomes the salient one;
    a sentence whose subject is a pronoun keeps the salient actor it refers to."""
    for k, it in enumerate(items):
        if it.kind == "mover" and it.actor is not None and it.actor.name is None:
            if it.actor.anaphor not in _PRONOUNS and k == 0:
                # "After a short celebration the team returned to their tents. They plan to
                # descend": a description of a traveller makes it the subject again
                key = _actor_key(it, registry)
                if key is not None and registry.moves[key]:
                    registry.mark_subject(key)
            return
        if it.kind == "name" and it.actor is not None:
            prev = items[k - 1].low if k > 0 else ""
            if prev in _NOT_SUBJECT_BEFORE:
                continue
            key = _actor_key(it, registry)
            if key is not None and not _speaker_beside_animal(key, registry):
                registry.mark_subject(key)
            return
        if it.kind == "mover" and it.actor is not None and it.actor.name is not None:
            key = _actor_key(it, registry)
            if key is not None:
                registry.mark_subject(key)
            return


def _speaker_beside_animal(key: str, registry: ActorRegistry) -> bool:
    """ "Campos believes the whale was feeding": a scientist who has gone nowhere does not
    take "she" from the tracked animal the story follows."""
    current = registry.salient.get("person")
    return (
        current is not None
        and current != key
        and current in registry.descriptions
        and registry.actors[current].name.rsplit(" ", 1)[-1] in _ANIMAL_NOUNS
        and registry.moves[current] > 0
        and not registry.moves[key]
    )


def _after_clause(items: list[Item], hit: CueHit) -> bool:
    """ "after leaving X", "following a stop at X": the place comes before the main clause's."""
    k = hit.index - 1
    hops = 0
    while k >= 0 and hops < 3:
        low = items[k].low
        if low in ("after", "following"):
            return True
        if items[k].kind != "word" or low not in (
            "a",
            "an",
            "the",
            "his",
            "her",
            "its",
            "their",
            "brief",
            "short",
            "two-day",
        ):
            return False
        k -= 1
        hops += 1
    return False


_PLACE_AS_STOP_FORMS = frozenset(
    {"stop", "stops", "a stop", "port of call", "halt", "stopover", "layover", "call"}
)
_COPULAS = frozenset({"was", "is", "will", "became", "becomes", "would", "remains"})


def _place_as_subject(items: list[Item], hit: CueHit) -> int | None:
    """ "Liepāja was the next port of call", "Kotor will be the last stop": the place that is
    the subject of a stop noun (its index), if any."""
    if hit.form not in _PLACE_AS_STOP_FORMS:
        return None
    start = 0
    while start < hit.index and items[start].kind in ("time", "punct"):
        start += 1
    verb = start + 1
    if verb < hit.index and items[verb].text == ",":
        # "Sabetta, the gas port on the Yamal Peninsula, was her first call"
        verb = next((k + 1 for k in range(verb + 1, hit.index) if items[k].text == ","), verb)
    if (
        items[start].kind == "place"
        and verb + 1 < hit.index
        and items[verb].low in _COPULAS
        and all(it.kind == "word" for it in items[verb : hit.index])
    ):
        return start
    return None


def _relative_where(items: list[Item], hit: CueHit, governed: list[Governed]) -> list[Governed]:
    """ "Vladivostok, where he met Putin": the cue happens at the place before "where"; "Luang
    Prabang, reached two hours after leaving Vientiane": a participle's object comes first."""
    if (
        hit.index >= 2
        and hit.cue.obj is not None
        and items[hit.index - 1].text == ","
        and items[hit.index - 2].kind == "place"
        and hit.form.endswith("ed")
        and not hit.is_noun
    ):
        return [Governed(hit.index - 2, hit.cue.obj)]
    if governed:
        return []
    subject = _place_as_subject(items, hit)
    if subject is not None:
        return [Governed(subject, "stop")]
    if hit.form in ("stop", "stops", "a stop", "leg"):
        # "The Chicago concert was the third stop on the orchestra's tour": the place of the
        # event that the stop was
        for k in range(_clause_start(items, hit.index), hit.index - 1):
            if items[k].kind == "place" and items[k + 1].low in _EVENT_AT_PLACE_NOUNS:
                return [Governed(k, "stop")]
    k = hit.index - 1
    while k >= 1 and hit.index - k < 8:
        if (
            items[k].low == "which"
            and hit.cue.obj is not None
            and not hit.is_noun
            and items[k - 1].text == ","
            and (antecedent := _place_before_comma(items, k - 1)) is not None
        ):
            # "Ushuaia, the end of the road, which we hope to reach": the verb's object
            return [Governed(antecedent, hit.cue.obj)]
        if items[k].kind == "word" and items[k].low == "where":
            j = k - 1
            if j >= 0 and items[j].text == ",":
                j -= 1
            if j >= 0 and items[j].kind == "place":
                return [Governed(_apposition_owner(items, j), "stop")]
            return []
        if items[k].kind == "punct" and items[k].text in (".", ";"):
            return []
        k -= 1
    return []


def _sighted_traveller(items: list[Item], hit: CueHit) -> bool:
    """Was someone seen: "he had been spotted", "Tulley was seen", "had seen him"?"""
    after = items[hit.last + 1] if hit.last + 1 < len(items) else None
    if after is not None and (after.kind in ("name", "mover") or after.low == "her"):
        return True
    k = hit.index - 1
    while k >= 0 and items[k].low in ("been", "was", "were", "is", "are", "being", "had", "has",
                                      "have", "reportedly", "also", "later", "last"):  # fmt: skip
        k -= 1
    return k < hit.index - 1 and k >= 0 and items[k].kind in ("name", "mover")


def _later_legs(items: list[Item], hit: CueHit, governed: list[Governed]) -> list[Governed]:
    """ "continue to Cali, where a shelter has offered them beds, and then to Ipiales", "takes him
    to Vientiane for a meeting hosted by Laos, and on to Bangkok": a further leg of the same
    journey, after an aside about the last stop ended the cue's own scope."""
    if not governed or governed[-1].role != "destination" or hit.is_noun:
        return []
    out: list[Governed] = []
    j = max(g.item_index for g in governed) + 1
    while j + 3 < len(items):
        it = items[j]
        if it.kind == "punct" and (it.text in _BOUNDARY_PUNCT or it.text == "."):
            break
        if it.text == "," and items[j + 1].low in ("and", "then"):
            # ", and then to Ipiales", ", then on to Lyon"
            k = j + 2 if items[j + 1].low == "and" else j + 1
            first = k
            if items[k].low in ("then", "later", "finally"):
                k += 1
            if items[k].low == "on":
                k += 1
            if (
                k > first
                and k + 1 < len(items)
                and items[k].low == "to"
                and items[k + 1].kind == "place"
                and not _is_modifier(items, k + 1)
            ):
                out.append(Governed(k + 1, "destination", "to"))
                j = k + 2
                continue
        j += 1
    return out


def _place_before_comma(items: list[Item], comma: int) -> int | None:
    """The place a clause after `comma` refers back to: right before it ("Lima, which"), or
    the one its apposition describes ("Ushuaia, the end of the road, which")."""
    if comma >= 1 and items[comma - 1].kind == "place":
        return _apposition_owner(items, comma - 1)
    for k in range(comma - 1, max(1, comma - 10), -1):
        it = items[k]
        if it.text in (",", ".", ";", ":") or it.kind == "place" or it.low in _BOUNDARY_WORDS:
            return None
        if it.low in ("a", "an", "the") and items[k - 1].text == "," and k >= 2:
            return k - 2 if items[k - 2].kind == "place" else None
    return None


def _apposition_owner(items: list[Item], j: int) -> int:
    """ "Listvyanka, a village on the shore of Lake Baikal, where I stayed": the place the
    apposition ending at `j` describes, else `j` itself."""
    k = j - 1
    while k >= 2 and j - k < 10:
        it = items[k]
        if it.kind == "place" or it.text in (".", ";", ":") or it.low in _BOUNDARY_WORDS:
            return j
        if (
            it.low in ("a", "an", "the")
            and items[k - 1].text == ","
            and items[k - 2].kind == "place"
        ):
            return k - 2
        if it.text == ",":
            return j
        k -= 1
    return j


# Events named by where they happen: "the Chicago concert", "the Paris leg".
_EVENT_AT_PLACE_NOUNS = frozenset(
    {"concert", "show", "gig", "performance", "match", "game", "visit", "leg", "meeting",
     "rally", "talks", "summit", "date"}
)  # fmt: skip


def _fronted_places(items: list[Item], hit: CueHit, governed: list[Governed]) -> list[Governed]:
    """ "From Khasan, the train headed to Ussuriysk": a fronted origin belongs to the next cue."""
    out: list[Governed] = []
    if hit.index < 2:
        return out
    first = items[0]
    fronted = (
        first.kind == "word"
        and first.low == "from"
        and len(items) > 1
        and items[1].kind == "place"
        and all(g.item_index != 1 for g in governed)
    )
    # Only when nothing else governs it: no cue between it and this one.
    if fronted and not any(
        items[k].low in _CUE_FORMS and _starts_cue(items, k) for k in range(2, hit.index)
    ):
        out.append(Governed(1, "origin"))
    # "In New Jersey they lost to Arsenal": a fronted place is where the first cue happens,
    # when the cue itself names no place.
    if (
        not governed
        and first.kind == "word"
        and first.low in ("in", "at")
        and len(items) > 2
        and items[1].kind == "place"
        and items[2].kind in ("punct", "name", "mover", "time")  # "In Accra on Tuesday he"
        and not any(
            items[k].low in _CUE_FORMS and _starts_cue(items, k) for k in range(2, hit.index)
        )
    ):
        out.append(Governed(1, hit.cue.preps.get(first.low, "stop")))
    # "Back in Cusco, they boarded the train south to Puno": a return the journey goes on from.
    if (
        first.kind == "word"
        and first.low == "back"
        and len(items) > 3
        and items[1].low in ("in", "at")
        and items[2].kind == "place"
        and items[3].kind == "punct"
        and all(g.item_index != 2 for g in governed)
        and not any(
            items[k].low in _CUE_FORMS and _starts_cue(items, k) for k in range(3, hit.index)
        )
    ):
        out.append(Governed(2, "origin" if governed else "stop"))
    return out


def _drop_qualifiers(items: list[Item], governed: list[Governed]) -> list[Governed]:
    """ "Vladivostok, Russia": a country or region after a place inside it only qualifies it."""
    out: list[Governed] = []
    for g in governed:
        item = items[g.item_index]
        place = item.resolved.place if item.resolved else None
        k = g.item_index - 1
        if place is not None and k >= 1 and items[k].text == "," and items[k - 1].kind == "place":
            prev_resolved = items[k - 1].resolved
            prev_place = prev_resolved.place if prev_resolved is not None else None
            if prev_place is not None and _contains(place, prev_place):
                continue
        out.append(g)
    return out


def _contains(outer: Place, inner: Place) -> bool:
    if outer.id == inner.id:
        return False
    if outer.kind in ("country",):
        return inner.country is not None and inner.country == outer.country
    if outer.kind in ("admin1", "admin2", "region"):
        return bool(inner.admin1) and _norm_name(inner.admin1 or "") == _norm_name(outer.name)
    return False


def _time_right_after(
    items: list[Item], index: int, times: list[TimeExpression], sentence: Sentence
) -> TimeSpan | None:
    """ "to Dresden on Monday and to Münster on Tuesday": a date right after a place is its own."""
    found: list[TimeExpression] = []
    for it in items[index + 1 : index + 5]:
        if it.kind == "time" and it.time is not None:
            same = [t for t in times if sentence.start + t.start == it.start]
            found.append(same[0] if same else it.time)
            continue
        if it.kind == "punct" and it.text == "," and not found:
            continue
        if (
            it.kind == "place"
            and not found
            and it.resolved is not None
            and it.resolved.place is not None
            and it.resolved.place.kind in ("admin1", "admin2", "country")
        ):
            continue  # "in Richmond, Va., on Saturday": the town's state, then its date
        break
    merged = merge_expressions(found)
    return merged if merged is not None and merged.start is not None else None


def _negated(text: str, items: list[Item], after: int, last_place: int, noun: bool = False) -> bool:
    """Is the movement denied between the cue and the end of its clause? After the places,
    "without" says how, not whether: "touched down in Oahu ... without a drop of fuel". A trip
    noun's clause runs through its "that" to its verb: "a visit to Tbilisi that was to have
    closed her tour has been called off"."""
    tail = _clause_tail(text, items, after, last_place, through_that=noun)
    if not _NEGATION_RE.search(tail):
        return False
    place_end = items[last_place].end - items[min(after + 1, len(items) - 1)].start
    before, rest = tail[: max(0, place_end)], tail[max(0, place_end) :]
    return bool(_NEGATION_RE.search(before) or _LATE_NEGATION_RE.search(rest))


_ORIGINAL_PLAN_RE = re.compile(
    r"\b(?:original|originally|initial|initially|first draft of|early plans?)\b", re.IGNORECASE
)
_UNDONE_NEXT_RE = re.compile(
    r"(?:That|This|The) (?:stop|visit|leg|call|plan|stopover)\b[^.]{0,40}?\b(?:was|were|has been|"
    r"had been|is) (?:later )?(?:cancell?ed|dropped|scrapped|called off|abandoned|shelved)\b"
)
# A plan told in the past ("a voyage that was due to call at X"), which a later sentence may undo.
_PAST_PLAN_RE = re.compile(r"\b(?:was|were|had been) (?:due|scheduled|supposed|meant|set) to\b")
# "... announced that all three eastern calls had been cancelled": the plan's stops, undone.
_CALLS_UNDONE_RE = re.compile(
    r"\b(?:stops|visits|calls|port calls|stopovers|legs)\b[^.]{0,20}?\b(?:were|have been|"
    r"had been|are) (?:later |all |also )?(?:cancell?ed|dropped|scrapped|called off|"
    r"abandoned|shelved|skipped)\b"
)
_UNDONE_RE = re.compile(
    r"\b(?:skipped|dropped|cancell?ed|scrapped|abandoned|called off|withdrew|pulled out|"
    r"struck off|cut)\b",
    re.IGNORECASE,
)


def _plan_undone_later(
    text: str,
    items: list[Item],
    clause_start: int,
    clause_end: int,
    next_sentence: str,
    is_noun: bool,
) -> bool:
    """ "The original schedule had a fourth stop in Maseru, but Lesotho withdrew ... and the
    team skipped it", "The original plan called for a fuel stop at Kanton. That stop was
    cancelled": a stop of the first plan that the rest of the sentence, or the next one,
    undoes. So is a stop a past plan was due to make when the next sentence cancels the stops
    ("was due to call at X ... all three calls had been cancelled")."""
    if not items:
        return False
    head = _text_between(text, items, clause_start, clause_end)
    if _PAST_PLAN_RE.search(head) and _CALLS_UNDONE_RE.search(next_sentence):
        return True
    if not is_noun or not _ORIGINAL_PLAN_RE.search(head):
        return False
    if _UNDONE_NEXT_RE.match(next_sentence):
        return True
    return clause_end + 1 < len(items) and bool(
        _UNDONE_RE.search(text, items[clause_end].end, items[-1].end)
    )


def _clause_tail(
    text: str, items: list[Item], after: int, last_place: int, through_that: bool = False
) -> str:
    """From the cue to the end of its clause: "a planned trip ... had been postponed"."""
    k = max(after, last_place) + 1
    not_ends = {"after", "before", "that"} if through_that else {"after", "before"}
    while k < len(items) and not (
        (items[k].kind == "punct" and items[k].text in (".", ";", ":"))
        or (items[k].kind == "word" and items[k].low in _BOUNDARY_WORDS - not_ends)
        or _new_clause_at(items, k)
        # ", with a breakaway never allowed more than three minutes": what went on beside it
        or (items[k].text == "," and k + 1 < len(items) and items[k + 1].low == "with")
    ):
        k += 1
    return _text_between(text, items, after + 1, min(k, len(items) - 1))


def _new_clause_at(items: list[Item], k: int) -> bool:
    """ ", and a planned show in Hamburg was cancelled": a comma, a conjunction and a new
    subject start a clause of their own."""
    if k + 2 >= len(items) or items[k].text != "," or items[k + 1].low not in ("and", "but"):
        return False
    nxt = items[k + 2]
    return nxt.kind in ("name", "mover", "place") or nxt.low in _DETERMINERS


def _clause_end_after(items: list[Item], hit: CueHit) -> int:
    """The last item of the cue's clause: up to the next comma, semicolon or full stop."""
    k = hit.last
    while k + 1 < len(items) and not (
        items[k + 1].kind == "punct" and items[k + 1].text in (",", ".", ";", ":")
    ):
        k += 1
    return k


def _text_between(text: str, items: list[Item], first: int, last: int) -> str:
    if not items:
        return ""
    first = max(0, min(first, len(items) - 1))
    last = max(first, min(last, len(items) - 1))
    return text[items[first].start : items[last].end]


def _without_asides(text: str, items: list[Item], first: int, last: int, clause: str) -> str:
    """The clause without its ", who ... ," asides: "The migrants, who said they had been
    promised a landing, left" is no plan."""
    asides = _relative_clauses(items, first, last)
    if not asides or not items:
        return clause
    base = items[max(0, min(first, len(items) - 1))].start
    for a, b in reversed(asides):
        clause = clause[: a - base] + "," + clause[b - base :]
    return clause


def _relative_clauses(items: list[Item], first: int, last: int) -> list[tuple[int, int]]:
    """Character ranges of ", who ... ," asides between two items: their times date something
    else ("The president, who last travelled abroad in January, will fly to Hanoi")."""
    found: list[tuple[int, int]] = []
    k = first
    while k < last:
        if (
            k > 0
            and items[k - 1].text == ","
            and (
                items[k].low in ("who", "which")
                # ", billed by organizers as a swing through ... ,": a participle's aside
                or (
                    items[k].kind == "word"
                    and items[k].low.endswith("ed")
                    and k >= 2
                    and items[k - 2].kind in ("mover", "name")
                )
            )
        ):
            end = next((e for e in range(k + 1, last) if items[e].text == ","), None)
            if end is None:
                break
            found.append((items[k].start, items[end].end))
            k = end
        k += 1
    return found


def _movement_time(
    items: list[Item],
    times: list[TimeExpression],
    clause_start: int,
    clause_end: int,
    sentence: Sentence,
    ref: dt.date | None,
    context_date: dt.date | None,
    clause_text: str,
    kind: ActorKind,
    cue_clause: str,
) -> tuple[TimeSpan | None, bool]:
    """The clause's time (else the sentence's), and whether it dates an earlier trip of an
    actor of this kind (`clause_text`: the clause to its last place; `cue_clause`: to the
    cue)."""
    lo = items[clause_start].start if items else sentence.start
    # Times right after the last place still belong to the clause ("... at 6 a.m. on Tuesday").
    hi_index = clause_end
    while hi_index + 1 < len(items) and not (
        (items[hi_index + 1].kind == "punct" and items[hi_index + 1].text in (".", ";", ":"))
        or (
            items[hi_index + 1].kind == "word"
            and items[hi_index + 1].low in _BOUNDARY_WORDS
            and not _times_the_day(items, hi_index + 1)
        )
        or (items[hi_index + 1].kind == "word" and items[hi_index + 1].low in ("and", "but"))
    ):
        hi_index += 1
    hi = items[hi_index].end if items else sentence.end
    # Asides date nothing else; one that holds the movement itself dates it ("Valdivia, who
    # flew out of Santiago shortly after dawn, ...").
    aside = [(a, b) for a, b in _relative_clauses(items, 0, clause_end) if not a <= lo < b]
    in_clause = [
        t
        for t in times
        if lo <= sentence.start + t.start
        and sentence.start + t.end <= hi
        and not any(a <= sentence.start + t.start < b for a, b in aside)
    ]
    earlier = [
        t
        for t in times
        if sentence.start + t.end <= lo
        and not any(a <= sentence.start + t.start < b for a, b in aside)
    ]
    if (
        clause_start >= 2
        and items[clause_start - 1].low in ("after", "before")
        and any(it.low in _DURATION_UNITS for it in items[max(0, clause_start - 7) : clause_start])
    ):
        # "on Sunday, three weeks after setting off", "late on Tuesday, ten days and 550
        # kilometres after setting out from Cúcuta": not Sunday, not Tuesday
        earlier = []
    chosen = in_clause or earlier
    when = merge_expressions(chosen)
    if when is not None and when.start is None and when.time_of_day is not None:
        # A time of day alone: the day of the live blog's last date heading; a clock time
        # ("21:50 — The convoy has pulled into ...") else the day the blog was published.
        clock = when.time_of_day[:1].isdigit()
        day = context_date or (ref if clock else None)
        if day is not None:
            when = when.model_copy(update={"start": day, "end": day})
    historical = False
    if when is not None and when.start is not None and ref is not None:
        end = when.end or when.start
        if kind != "person":
            # A ship, storm, race or group "set out in April last year" is still under way.
            historical = (ref - end).days > _LONG_JOURNEY_DAYS
        else:
            # "in 2019", "last year": a whole earlier year dates an earlier trip
            whole_year = (when.start.month, when.start.day, end.month, end.day) == (1, 1, 12, 31)
            explicit_earlier_year = (
                any(t.explicit_year for t in chosen) or whole_year
            ) and end.year < ref.year
            historical = explicit_earlier_year or (ref - end).days > 120
    if (
        kind == "person"
        and when is not None
        and when.end is not None
        and ref is not None
        and (ref - (when.start or when.end)).days > _EARLIER_TRIP_DAYS
        and _PAST_PERFECT_RE.search(cue_clause)
    ):
        historical = True  # "Meloni had flown to Tunis in April": an earlier trip
    # "who took the club to Tokyo and Osaka last summer": also what follows the places
    tail_start = (items[clause_end].end if items else sentence.end) - sentence.start
    if kind == "person" and (
        _HISTORICAL_RE.search(clause_text)
        or _HISTORICAL_RE.search(sentence.text, max(0, tail_start), hi - sentence.start)
    ):
        # (a group, ship or animal "tagged off Nova Scotia last summer" is still on its way)
        historical = True
    return when, historical


_FRAGMENT_MAX_WORDS = 8
_THAT_YEAR_RE = re.compile(
    r"(?:that|the same|that same) (?:year|summer|winter|spring|autumn|season)\b", re.IGNORECASE
)


def _earlier_year_fragment(
    sentence: Sentence, times: list[TimeExpression], ref: dt.date | None
) -> tuple[Sentence, TimeSpan] | None:
    """A sentence dated in an earlier year ("Once, in 2019, with a different band."): the
    sentence and its time, for the next sentence when that is undated and either follows a
    short fragment or says "that year"."""
    if ref is None or not times:
        return None
    when = merge_expressions(times)
    if (
        when is None
        or when.start is None
        or not any(t.explicit_year for t in times)
        or (when.end or when.start).year >= ref.year
    ):
        return None
    return sentence, when


def _third_person_verb(word: str) -> bool:
    """ "starts", "finishes", "flies": a cue verb in the present's third person."""
    return word.endswith("s") and any(
        stem in _CUE_FORMS for stem in (word[:-1], word[:-2], word[:-3] + "y")
    )


def _all_ahead(
    sentence: Sentence, times: list[TimeExpression], ref: dt.date, weekdays: bool
) -> bool:
    """Are all the sentence's times after the publication day? With `weekdays` (a verb plainly
    in the present) a weekday is read as the next one ("Sunday's stage 15 starts in Oviedo",
    written on Saturday)."""
    if not all((weekdays and t.kind in ("weekday", "month_day"))
               or t.kind in ("clock", "daypart")  # "at 8 p.m." says nothing of the day
               or (t.span.start is not None and t.span.start > ref) for t in times):  # fmt: skip
        return False  # ("She then performs in Cardiff on June 18": the next June 18)
    ahead = [t for t in find_time_expressions(sentence.text, ref, "future")
             if t.kind not in ("clock", "daypart")]  # fmt: skip
    return bool(ahead) and all(t.span.start is not None and t.span.start > ref for t in ahead)


def _times_the_day(items: list[Item], k: int) -> bool:
    """ "(left Kostiantynivka shortly) after dawn on Monday": "after"/"before" a part of the
    day says when, it starts no clause."""
    return (
        items[k].low in ("after", "before")
        and k + 1 < len(items)
        and items[k + 1].low in _DAY_PARTS
    )


_DAY_PARTS = frozenset(
    {"dawn", "sunrise", "sunset", "dusk", "midnight", "midday", "noon", "daybreak", "nightfall",
     "lunch", "breakfast", "dinner"}
)  # fmt: skip


# How far back a ship, storm, race or group's dated movement can lie and still belong to the
# journey the article reports (a year-long voyage); a person's trips are separate sooner.
_LONG_JOURNEY_DAYS = 400
# A person's movement told in the past perfect and dated (from its start) a month or more
# before the article belongs to an earlier trip ("had flown to Tunis in April"); nearer, it is
# the start of the journey told ("had landed in Lima on August 24" in a three-week trip).
_EARLIER_TRIP_DAYS = 30
_PAST_PERFECT_RE = re.compile(r"\bhad (?:\w+ly )?(?:\w+ed|flown|gone|been|made|left|met|come)\b")
_DURATION_UNITS = frozenset(
    {"hours", "days", "weeks", "months", "years", "hour", "day", "week", "month", "year"}
)
_HEADING_MAX_WORDS = 7
# A live blog entry's stamp opening its paragraph: "17:40 —", "Wednesday, 21:00 —".
_ENTRY_STAMP_RE = re.compile(
    r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?P<h>[012]?\d)[:.](?P<m>[0-5]\d)\s*(?:(?P<ampm>[ap])\.?m\.?\s*)?(?:[A-Z]{2,4}\s*)?[—–-]\s"
)
_MIN_BLOG_ENTRIES = 3


@dataclass(frozen=True)
class EntryStamp:
    """When a live blog entry was posted: its day (when known) and its clock time."""

    day: dt.date | None
    clock: str


def _blog_entry_stamps(
    text: str, sentences: list[Sentence], ref: dt.date | None
) -> dict[int, EntryStamp]:
    """Each sentence's live blog entry stamp, in a text with several stamped paragraphs. An
    entry without a weekday is on the day of the last weekday stamp read, else the day the
    blog was published: newest-first or oldest-first, entries are then ordered by their stamps,
    not by where they stand."""
    stamps: dict[int, EntryStamp] = {}
    current: EntryStamp | None = None
    day = ref
    found = 0
    for sentence in sentences:
        at_paragraph = sentence.start == 0 or text[sentence.start - 1] == "\n"
        match = _ENTRY_STAMP_RE.match(sentence.text) if at_paragraph else None
        if match is not None:
            found += 1
            weekday = match.group("wd")
            if weekday is not None and ref is not None:
                back = (ref.weekday() - WEEKDAYS[weekday.casefold()]) % 7
                day = ref - dt.timedelta(days=back)
            hour = int(match.group("h")) % 12 if match.group("ampm") else int(match.group("h"))
            if match.group("ampm") == "p":
                hour += 12  # "9:05 p.m. -" comes after "2:10 p.m. -"
            current = EntryStamp(day, f"{hour:02d}:{match.group('m')}")
        elif (
            at_paragraph
            and ref is not None
            and len(sentence.text) <= _HEADING_MAX_CHARS
            and (heading := _date_heading(sentence.text, ref)) is not None
        ):
            day, current = heading, None  # "TUESDAY, OCTOBER 21": the entries below are then
        elif at_paragraph and "\n\n" in text[max(0, sentence.start - 6) : sentence.start]:
            # a paragraph without a stamp after a blank line: the blog's preamble or a new
            # section (the line under a stamped headline is still that entry's)
            current = None
        if current is not None:
            stamps[sentence.index] = current
    return stamps if found >= _MIN_BLOG_ENTRIES else {}


_HEADING_MAX_CHARS = 40
_DATE_HEADING_REST_RE = re.compile(
    r"\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)?\W*", re.IGNORECASE
)


def _date_heading(line: str, ref: dt.date) -> dt.date | None:
    """The day a live blog's date line names ("TUESDAY, OCTOBER 21", "Monday 3 March"), if
    the line is nothing but that date."""
    if not any(ch.isdigit() for ch in line):
        return None  # every such date has its day's number: most short lines are read no more
    readable = line.title() if line.isupper() else line
    dates = [
        t
        for t in find_time_expressions(readable, ref, "past")
        if t.kind in ("month_day", "day_month", "iso") and t.span.start is not None
    ]
    if len(dates) != 1:
        return None
    rest = readable[: dates[0].start] + " " + readable[dates[0].end :]
    return dates[0].span.start if _DATE_HEADING_REST_RE.fullmatch(rest) else None


_TODAY_WORDS_RE = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)


def _within_entry(when: TimeSpan | None, stamp: EntryStamp, ref: dt.date | None) -> TimeSpan | None:
    """A movement told in a live blog entry happened on the entry's day ("this afternoon" in
    Wednesday's entry is Wednesday), at its own time of day or, lacking one, the entry's."""
    if stamp.day is None:
        return when
    if when is None:
        return TimeSpan(start=stamp.day, end=stamp.day, text=stamp.clock, time_of_day=stamp.clock)
    if when.start is None or (
        when.start == ref and stamp.day != ref and _TODAY_WORDS_RE.search(when.text)
    ):
        return when.model_copy(
            update={
                "start": stamp.day,
                "end": stamp.day,
                "time_of_day": when.time_of_day or stamp.clock,
            }
        )
    return when


def _heading_date(
    sentence: Sentence, times: list[TimeExpression], current: dt.date | None, ref: dt.date | None
) -> dt.date | None:
    """Live blogs: a line that is just a date ("Tuesday 12 September") dates what follows."""
    dated = [t for t in times if t.span.start is not None and t.span.start == t.span.end]
    if not dated:
        if ref is not None and sentence.text.isupper() and len(sentence.text) <= _HEADING_MAX_CHARS:
            return _date_heading(sentence.text, ref) or current  # "TUESDAY, OCTOBER 21"
        return current
    words = sentence.text.split()
    if len(words) <= _HEADING_MAX_WORDS:
        covered = sum(len(t.text.split()) for t in times)
        if covered >= len(words) - 2:
            return dated[0].span.start
    return current


def canonical_actor_key(name: str) -> str:
    """Hyphen-, case- and title-insensitive key of an actor name, for merging across articles."""
    if name.startswith("the "):
        return _norm_name(name)  # a description actor: "the prime minister" is no other minister
    words = _norm_name(name).split()
    while len(words) > 1 and words[0] in _PERSON_TITLES | {"the"}:
        words = words[1:]
    return " ".join(words)


__all__ = ["extract_movements", "canonical_actor_key", "Counter"]
