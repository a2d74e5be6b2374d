"""Cheap pre-checks ("gates") that let expensive patterns skip text that cannot match."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A trie of characters; the key "" marks the end of a literal.
_Trie = dict[str, "_Trie"]


def literal_gate(literals: Iterable[str]) -> re.Pattern[str]:
    """A pattern that is found in a text exactly when one of the literals occurs in it.

    Only whether it matches is meant to be used, not what it matches. The alternatives are
    merged by common prefix ("HMS|HMAS" -> "HM(?:AS|S)"): a plain alternation of many
    literals makes the regex engine try each one at every position, a trie only the few that
    share the character there. A literal that extends a shorter one adds nothing (wherever the
    longer occurs the shorter does), so it is left out.
    """
    trie: _Trie = {}
    for literal in literals:
        node = trie
        for char in literal:
            if "" in node:
                break  # a shorter literal already ends here
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = {}
    return re.compile(_trie_pattern(trie) if trie else "(?!)")


def _trie_pattern(node: _Trie) -> str:
    if "" in node:
        return ""
    alternatives = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items())]
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def word_start_gate(literals: Iterable[str]) -> re.Pattern[str]:
    r"""Like `literal_gate`, but found only where a literal starts a word: r"\b(?:a|b)" for
    literals that start with a word character.

    A leading \b would make the engine attempt a match at every position; after the first
    character (an ordinary literal, which the engine finds by a quick scan) the same test is
    "the character before the one just matched is no word character"."""
    literals = list(literals)
    if not all(re.match(r"\w", literal) for literal in literals):
        raise ValueError("every literal must start with a word character")
    by_first: dict[str, list[str]] = {}
    for literal in literals:
        by_first.setdefault(literal[0], []).append(literal[1:])
    alternatives = [
        re.escape(first) + r"(?<!\w\w)" + literal_gate(rests).pattern
        for first, rests in sorted(by_first.items())
    ]
    return re.compile("|".join(alternatives) if alternatives else "(?!)")


def literal_finder(literals: Iterable[str]) -> re.Pattern[str]:
    """A pattern that matches, where one of the literals starts, the longest literal there.

    Searching again from one character past each match start finds every place a literal
    starts; the literals found at a place are those that begin what was matched. So one scan
    tells which of many literals a text holds, where a `literal_gate` for each would scan it
    once per gate. The alternatives form a trie, as in `literal_gate`, that prefers to go on:
    "day(?:break)?"."""
    trie: _Trie = {}
    for literal in literals:
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_longest_trie_pattern(trie) if trie else "(?!)")


def _longest_trie_pattern(node: _Trie) -> str:
    alternatives = [
        re.escape(char) + _longest_trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body
