"""Movements from articles in French, Spanish, German, Italian or Portuguese: simple cues only.

The English reader in `geomap.movements` parses clauses; for other languages geomap keeps to
what a short table of travel verbs and prepositions can tell: a place right after a verb of
arriving, leaving, visiting or returning (and its preposition) is a stop of the article's
traveller, planned when the sentence is in the future. The traveller is the first person
the article names; times are not read (stops keep the text's order). This gives a route for
the usual wire story about one leader's tour; it does not follow several travellers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from geomap.models import Article, Movement, ResolvedMention, Role, Sentence, Status

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

# Frequent short words of each language: the article's language is the one with most hits.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in was is for on with that said his at by from has".split()),
    "fr": frozenset("le la les des du et est une dans pour qui sur au avec il elle a".split()),
    "es": frozenset("el la los las del y en una por con para que se su al fue".split()),
    "de": frozenset("der die das und ist nicht mit sich auf den dem ein eine im zu wird".split()),
    "it": frozenset("il lo gli della del e è una per con che si non nel alla ha".split()),
    "pt": frozenset("o os as do da dos das e uma em no na com para que não foi".split()),
}


# The languages each stopword belongs to.
_LANGUAGES_OF: dict[str, list[str]] = {
    word: [lang for lang, stop in _STOPWORDS.items() if word in stop]
    for word in frozenset().union(*_STOPWORDS.values())
}


@dataclass(frozen=True)
class _Lexicon:
    """Verb stems by kind, prepositions by role, and future and negation markers."""

    verbs: dict[str, str]  # regex of verb forms -> "arrive" | "go" | "leave" | "visit" | "return"
    origin_preps: frozenset[str]
    pass_preps: frozenset[str]
    destination_preps: frozenset[str]
    future: re.Pattern[str]
    negation: re.Pattern[str]
    titles: frozenset[str]
    # "de Rwamagana à Musanze", "jusqu'à Karongi": a leg told without a verb; each pattern
    # matches the end of the text before a place
    leg_from: re.Pattern[str]
    leg_to: re.Pattern[str]
    until: re.Pattern[str]
    # "l'étape vers Rusizi ... a été abandonnée": dropped, said after the place
    cancelled: re.Pattern[str]
    # "le peloton", "el barco", "das Schiff": who travels when the article names no person
    movers: re.Pattern[str]


def _lexicon(
    verbs: dict[str, str],
    origin: str,
    passing: str,
    destination: str,
    future: str,
    negation: str,
    titles: str,
    leg: tuple[str, str, str],
    cancelled: str,
    movers: str,
) -> _Lexicon:
    origin_words, to_words, until_words = leg
    return _Lexicon(
        verbs,
        frozenset(origin.split()),
        frozenset(passing.split()),
        frozenset(destination.split()),
        re.compile(future, re.IGNORECASE),
        re.compile(negation, re.IGNORECASE),
        frozenset(titles.split()),
        re.compile(rf"(?:^|\W)(?:{origin_words})\s*$", re.IGNORECASE),
        re.compile(rf"\s*(?:{to_words})\s*", re.IGNORECASE),
        re.compile(rf"(?:^|\W)(?:{until_words})\s*$", re.IGNORECASE),
        re.compile(rf"\b(?:{cancelled})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{movers})\b", re.IGNORECASE),
    )


_LEXICONS: dict[str, _Lexicon] = {
    "fr": _lexicon(
        {
            r"arriv\w*|atterri\w*|rejoint|rejoindra|rejoindre|rallier": "arrive",
            r"rendu\w*|rend|rendra|rendront|dirig\w*|envol\w*|voyag\w*|avion|"
            r"partie?s?|partir|partira|partiront|partait|poursui\w*|gagn\w*|élanc\w*|grimp\w*|plong\w*|"
            r"descend\w*|roul\w*|navigu\w*|fil\w*": "go",
            r"quitt\w*": "leave",
            r"visit\w*|séjourn\w*|reçu\w*|accueilli\w*|étape|escale": "visit",
            r"rentr\w*|revenu\w*|reviendra|retour\w*|regagn\w*": "return",
        },
        "de d du depuis des",
        "via par",
        "pour vers",
        r"\b(?:doit|devra|devrait|va|vont|prévu\w*|prévoit|\w+ra|\w+ront)\b",
        r"\b(?:ne|n|pas|jamais|annul\w*|report\w*)\b",
        "le la président présidente ministre premier chancelier roi reine pape chef quand lorsque "
        "après avant",
        (r"de|d['’]|du|depuis", r"à|au|jusqu['’]à|jusqu['’]au", r"jusqu['’]à|jusqu['’]au"),
        r"annul\w*|abandonn\w*|supprim\w*|report\w*",
        r"le peloton|la course|la caravane|les coureurs|le navire|le bateau|le voilier|"
        r"le cargo|le train|l['’]ouragan \w+|la tempête \w+|le cyclone \w+|le typhon \w+|"
        r"le convoi|la flamme",
    ),
    "es": _lexicon(
        {
            r"lleg\w*|aterriz\w*": "arrive",
            r"viaj\w*|traslad\w*|vol[óo]|vuela|volará|dirigi\w*|dirige|parti\w* hacia|"
            r"siguió|seguirá": "go",
            r"sali\w*|dej[óo]|abandon\w*": "leave",
            r"visit\w*|recibid\w*|estuvo|estará|reuni\w*": "visit",
            r"regres\w*|volvi\w*|volverá|retorn\w*": "return",
        },
        "de del desde",
        "por vía",
        "hacia para",
        r"\b(?:\w+rá|\w+rán|va a|van a|prevé|previst\w*|tiene previsto)\b",
        r"\b(?:no|nunca|cancel\w*|suspend\w*)\b",
        "el la presidente presidenta ministro primer canciller rey reina papa jefe brasileño "
        "cuando tras antes",
        (r"de|desde", r"a|al|hasta", r"hasta"),
        r"cancel\w*|suspend\w*|suprimi\w*|descartad\w*",
        r"el pelotón|la carrera|la caravana|los ciclistas|el buque|el barco|el velero|"
        r"el tren|el huracán \w+|la tormenta \w+|el ciclón \w+|el tifón \w+|el convoy|"
        r"la antorcha",
    ),
    "de": _lexicon(
        {
            r"angekommen|ankommen|ankam|landete|landet|gelandet|erreichte|erreicht|eingetroffen|"
            r"trifft|traf": "arrive",
            r"geflogen|flog|fliegt|fliegen|reiste|reist|reisen|gereist|fuhr|fährt|gefahren|"
            r"weiter": "go",
            r"verließ|verlässt|verlassen|abgereist": "leave",
            r"besuchte|besucht|besuchen|empfangen|station|aufenthalt": "visit",
            r"zurückkehren|zurückgekehrt|kehrte|kehrt|zurück": "return",
        },
        "von aus ab",
        "über via",
        "nach",
        r"\b(?:wird|werden|soll|sollen|geplant|will|wollen|morgen)\b",
        r"\b(?:nicht|kein\w*|abgesagt|verschoben)\b",
        "bundeskanzler kanzler kanzlerin präsident präsidentin minister ministerin "
        "ministerpräsident bundespräsident könig königin papst der die das den dem des ein eine "
        "als wenn nachdem bevor am im",
        (r"von|ab", r"nach|bis|bis nach", r"bis nach"),
        r"abgesagt|gestrichen|verschoben",
        r"das Feld|das Rennen|das Peloton|das Schiff|der Zug|der Hurrikan \w+|der Sturm \w+|"
        r"der Taifun \w+|der Zyklon \w+|der Konvoi|die Fackel",
    ),
    "it": _lexicon(
        {
            r"arrivat\w*|arriva\w*|atterrat\w*|giunt\w*": "arrive",
            r"recat\w*|volat\w*|vola\w*|viaggi\w*|partit\w*|partirà|diretto|proseguit\w*": "go",
            r"lasciat\w*|lascia\w*": "leave",
            r"visitat\w*|visita\w*|ricevut\w*|incontrat\w*|tappa": "visit",
            r"tornat\w*|torner\w*|rientrat\w*|rientrer\w*": "return",
        },
        "da dal dalla dallo",
        "via attraverso",
        "per verso",
        r"\b(?:\w+rà|\w+ranno|dovrebbe|dovrà|previst\w*)\b",
        r"\b(?:non|mai|annullat\w*|rinviat\w*)\b",
        "il la presidente ministro premier cancelliere re regina papa capo quando dopo prima",
        (r"da|dal|dalla|dallo", r"a|al|fino a", r"fino a"),
        r"annullat\w*|cancellat\w*|soppress\w*",
        r"il gruppo|il plotone|la corsa|la carovana|la nave|il treno|l['’]uragano \w+|"
        r"la tempesta \w+|il ciclone \w+|il tifone \w+|il convoglio|la fiaccola",
    ),
    "pt": _lexicon(
        {
            r"cheg\w*|desembarc\w*|aterriss\w*": "arrive",
            r"viaj\w*|seguiu|segue|seguirá|voou|voará|foi|irá|partiu para|partirá para": "go",
            r"deixou|deixará|partiu de|saiu de": "leave",
            r"visit\w*|recebid\w*|esteve|estará|reuniu": "visit",
            r"volt\w*|retorn\w*|regress\w*": "return",
        },
        "de do da dos das desde",
        "por via",
        "para",
        r"\b(?:\w+rá|\w+rão|vai|vão|previst\w*|deve|deverá)\b",
        r"\b(?:não|nunca|cancel\w*|adiad\w*)\b",
        "o a presidente ministro primeiro chanceler rei rainha papa chefe quando após antes",
        (r"de|desde", r"a|ao|até", r"até"),
        r"cancelad\w*|suspens\w*|suprimid\w*",
        r"o pelotão|a corrida|a caravana|o navio|o barco|o veleiro|o trem|o comboio|"
        r"o furacão \w+|a tempestade \w+|o ciclone \w+|o tufão \w+|a tocha",
    ),
}
_VERB_RES: dict[str, list[tuple[re.Pattern[str], str]]] = {
    lang: [(re.compile(r"\b(?:" + forms + r")\b", re.IGNORECASE), kind) for forms, kind in
           lexicon.verbs.items()]
    for lang, lexicon in _LEXICONS.items()
}  # fmt: skip

_CLAUSE_END_RE = re.compile(r"[,;:.!?]")
_MAX_WORDS_BETWEEN = 4
# How far after its verb a place can be and still be governed by it, in characters.
_REACH = 60
_NAME_RE = re.compile(
    r"\b([A-ZÀ-Þ][\w’'-]+(?:\s+(?:da|de|do|dos|das|del|di|von|van|der|le|la|bin|al|el)?\s*"
    r"[A-ZÀ-Þ][\w’'-]+)+)"
)


def article_language(text: str) -> str:
    """The article's language among English and the five `_LEXICONS` ("en" when unsure)."""
    words = text[:1500].casefold().split()  # enough to count the short words
    if len(words) < 20:
        return "en"
    hits = dict.fromkeys(_STOPWORDS, 0)  # stopwords of each language in the words
    # Each stopword counted once (by Counter, in C), then added to its languages' hits.
    for word, count in Counter(filter(_LANGUAGES_OF.__contains__, words)).items():
        for lang in _LANGUAGES_OF[word]:
            hits[lang] += count
    best = max(hits, key=hits.__getitem__)
    return best if hits[best] > hits["en"] * 1.5 else "en"


def foreign_movements(
    article: Article,
    sentences: list[Sentence],
    resolved: list[ResolvedMention],
    language: str,
) -> list[Movement]:
    """Movements of the article's first named person, read with the language's simple cues."""
    lexicon = _LEXICONS.get(language)
    if lexicon is None:
        return []
    places = [rm for rm in resolved if rm.place is not None and not rm.mention.demonym]
    actor = _traveller(sentences, places, lexicon) or _mover(sentences, lexicon)
    if actor is None:
        return []
    movements: list[Movement] = []
    for sentence in sentences:
        in_sentence = [rm for rm in places if rm.mention.sentence_index == sentence.index]
        if not in_sentence:
            continue
        verbs = [
            (m.start(), m.end(), kind)
            for pattern, kind in _VERB_RES[language]
            for m in pattern.finditer(sentence.text)
        ]
        for position, rm in enumerate(in_sentence):
            at = rm.mention.start - sentence.start
            if lexicon.cancelled.search(sentence.text, rm.mention.end - sentence.start):
                continue  # "l'étape vers Rusizi ... a été abandonnée": not going there
            leg_role = _leg_role(sentence, in_sentence, position, lexicon)
            before = [v for v in verbs if v[1] <= at and at - v[1] <= _REACH]
            after_end = rm.mention.end - sentence.start
            after = [
                v for v in verbs
                if language == "de" and v[0] >= after_end and v[0] - after_end <= _REACH
                and not _CLAUSE_END_RE.search(sentence.text, after_end, v[0])
            ]  # fmt: skip
            if leg_role is not None and not (before and at - max(before)[1] <= 25):
                # "162 kilomètres de Rwamagana à Musanze": the leg's own prepositions
                start, end, kind = at, at, "leg"
                between = ""
            elif before:
                start, end, kind = max(before)
                between = sentence.text[end:at]
            elif after:
                # German puts the verb last: "ist am Montag von Berlin nach Tokio geflogen".
                start, end, kind = min(after)
                between = sentence.text[max(0, at - 12) : at]
            else:
                continue
            if len(_WORD_RE.findall(between)) > _MAX_WORDS_BETWEEN:
                continue  # "quitté Paris lundi pour une tournée en Europe du Nord": too far
            prep = _preposition(between, lexicon)
            if not prep and any(
                other.mention.start - sentence.start in range(end, at) for other in in_sentence
            ):
                continue  # another place between the verb and this one, and no preposition
            role = (
                leg_role if kind == "leg" and leg_role is not None else _role(kind, prep, lexicon)
            )
            clause = sentence.text[: max(at, end)]
            denial = sentence.text[min(start, at) : max(at, end)] if kind != "leg" else (
                sentence.text[max(0, at - 40) : at]
            )  # fmt: skip
            if lexicon.negation.search(denial):
                continue
            status: Status = "planned" if lexicon.future.search(clause) else (
                "passed" if role == "pass" else "visited"
            )  # fmt: skip
            if kind == "leg" and status == "visited" and movements:
                status = movements[-1].status  # a verbless leg goes on in the story's tense
            movements.append(
                Movement(
                    actor=actor,
                    article_id=article.id,
                    sentence_index=sentence.index,
                    start=rm.mention.start,
                    end=rm.mention.end,
                    place=rm.place,  # type: ignore[arg-type]
                    role=role,
                    status=status,
                    # Routes know a return by its English cue: "return (rentrer)".
                    cue=(
                        f"return ({sentence.text[start:end]})"
                        if kind == "return"
                        else sentence.text[start:end] or "leg"
                    ),
                    sentence=sentence.text,
                    sentence_start=sentence.start,
                )
            )
    return movements


def _leg_role(
    sentence: Sentence, places: list[ResolvedMention], position: int, lexicon: _Lexicon
) -> Role | None:
    """The role a verbless leg gives the place at `position`: origin in "de X à Y", destination
    in "de X à Y" and "jusqu'à Y", or None."""
    text = sentence.text
    here = places[position].mention
    at, end = here.start - sentence.start, here.end - sentence.start
    if lexicon.until.search(text, max(0, at - 12), at):
        return "destination"
    if position > 0:
        previous = places[position - 1].mention
        prev_at = previous.start - sentence.start
        if lexicon.leg_to.fullmatch(text, previous.end - sentence.start, at) and (
            lexicon.leg_from.search(text, max(0, prev_at - 10), prev_at)
        ):
            return "destination"
    if position + 1 < len(places):
        following = places[position + 1].mention
        if lexicon.leg_from.search(text, max(0, at - 10), at) and lexicon.leg_to.fullmatch(
            text, end, following.start - sentence.start
        ):
            return "origin"
    return None


def _mover(sentences: list[Sentence], lexicon: _Lexicon) -> str | None:
    """The first travelling thing the article names ("le peloton", "el buque"), for articles
    that follow no person."""
    for sentence in sentences:
        m = lexicon.movers.search(sentence.text)
        if m is not None:
            return m.group(0)
    return None


def _preposition(between: str, lexicon: _Lexicon) -> str:
    """The last word before the place ("à", "nach", "de"), or "" for a direct object."""
    words = [w.casefold() for w in _WORD_RE.findall(between)]
    if not words:
        return ""
    last = words[-1].split("'")[0].split("’")[0]
    known = lexicon.origin_preps | lexicon.pass_preps | lexicon.destination_preps
    return last if last in known or len(last) <= 3 else ""


def _role(kind: str, prep: str, lexicon: _Lexicon) -> Role:
    if prep in lexicon.origin_preps or (kind == "leave" and not prep):
        return "origin"
    if prep in lexicon.pass_preps:
        return "pass"
    if kind == "visit":
        return "stop"
    return "destination"


def _traveller(
    sentences: list[Sentence], places: list[ResolvedMention], lexicon: _Lexicon
) -> str | None:
    """The first name of two or more capitalised words in the opening sentences that is not a
    place, its leading titles dropped ("Bundeskanzler Olaf Scholz" -> "Olaf Scholz")."""
    place_spans = [(rm.mention.start, rm.mention.end) for rm in places]
    for sentence in sentences[:5]:
        for m in _NAME_RE.finditer(sentence.text):
            start = sentence.start + m.start()
            end = sentence.start + m.end()
            if any(s < end and e > start for s, e in place_spans):
                continue
            words = m.group(1).split()
            while words and words[0].casefold() in lexicon.titles:
                words = words[1:]
            if len(words) >= 2:
                return " ".join(words)
    return None
