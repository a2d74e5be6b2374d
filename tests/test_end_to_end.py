"""End to end through the CLI: the example articles, the bundled demo, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from geopy.distance import great_circle

from geomap.cli import main, result_schema

REPO = Path(__file__).resolve().parent.parent

EXPECTED_PLACES = {
    "Pyongyang": (39.03, 125.75),
    "Khasan": (42.43, 130.64),
    "Ussuriysk": (43.80, 131.95),
    "Vladivostok": (43.12, 131.89),
    "Vostochny Cosmodrome": (51.88, 128.33),
    "Moscow": (55.75, 37.62),
    "New Delhi": (28.61, 77.21),
}
NOT_PLACES = {"Kim", "Putin", "Shoigu", "Vladimir", "Jong", "Peskov", "Said", "Hub"}


@pytest.fixture(scope="module")
def kim_map(shared_articles: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("kim") / "kim.html"
    code = main(["-q", "map", *map(str, shared_articles), "-o", str(out), "--tiles", "none"])
    assert code == 0
    for suffix in (".html", ".geojson", ".json"):
        assert out.with_suffix(suffix).stat().st_size > 0
    return json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _place(result: dict, name: str) -> dict | None:  # type: ignore[type-arg]
    for place in result["places"]:
        if place["name"] == name or name in place["name"]:
            return place  # type: ignore[no-any-return]
    return None


def test_example_places_are_found_and_placed(kim_map: dict) -> None:  # type: ignore[type-arg]
    for name, (lat, lon) in EXPECTED_PLACES.items():
        place = _place(kim_map, name)
        assert place is not None, f"{name} not found"
        assert great_circle((lat, lon), (place["lat"], place["lon"])).km <= 25, name


def test_no_person_or_common_word_is_a_place(kim_map: dict) -> None:  # type: ignore[type-arg]
    texts = {kim_map_article_text(m) for p in kim_map["places"] for m in p["mentions"]}
    assert not texts & NOT_PLACES


def kim_map_article_text(mention: dict) -> str:  # type: ignore[type-arg]
    sentence: str = mention["sentence"]
    offset = mention["start"] - mention.get("sentence_start", 0)
    return sentence[offset : offset + mention["end"] - mention["start"]]


def test_kim_2023_route_in_order(kim_map: dict) -> None:  # type: ignore[type-arg]
    routes = [
        r
        for r in kim_map["routes"]
        if "Kim" in r["actor"] and (r.get("trip_start") or "").startswith("2023")
    ]
    assert routes, [r["actor"] for r in kim_map["routes"]]
    stops = routes[0]["stops"]
    names = [s["name"] for s in stops]
    wanted = ["Pyongyang", "Khasan", "Ussuriysk", "Vostochny Cosmodrome"]
    positions = [next((i for i, n in enumerate(names) if w in n), -1) for w in wanted]
    assert -1 not in positions, names
    assert positions == sorted(positions), names
    confirmed = [s["name"] for s in stops if s["status"] in ("visited", "passed")]
    assert "Khasan" in confirmed, confirmed
    assert not any("Vladivostok" in n for n in confirmed), confirmed
    for stop in routes[0]["stops"]:
        assert stop["evidence"], stop["name"]
        for evidence in stop["evidence"]:
            assert evidence["start"] < evidence["end"]


def test_json_schema_in_docs_is_current() -> None:
    assert (REPO / "docs" / "result.schema.json").read_text(encoding="utf-8") == result_schema()


def test_demo_writes_map(tmp_path: Path) -> None:
    out = tmp_path / "demo.html"
    assert main(["-q", "demo", "-o", str(out), "--tiles", "none"]) == 0
    result = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert result["routes"], "the demo articles describe a journey"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", 3),
        (b"\x00\x01\x02binary\x00", 3),
        (b"nothing to see here, only lowercase words.", 4),
    ],
)
def test_bad_inputs_exit_cleanly(
    tmp_path: Path, content: bytes, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "input.txt"
    source.write_bytes(content)
    out = tmp_path / "map.html"
    assert main(["map", str(source), "-o", str(out)]) == code
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("geomap: error:") and "Traceback" not in err
    assert not out.exists()


def test_missing_file_and_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["map", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "m.html")]) == 3
    with pytest.raises(SystemExit) as exc:
        main(["map"])
    assert exc.value.code == 2


def test_failed_run_keeps_previous_map(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Title: t\n\nThe ferry sailed from Dover to Calais on Monday.\n", encoding="utf-8"
    )
    out = tmp_path / "map.html"
    assert main(["-q", "map", str(good), "-o", str(out), "--tiles", "none"]) == 0
    before = out.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["-q", "map", str(bad), "-o", str(out)]) == 3
    assert out.read_bytes() == before


def test_same_input_same_bytes(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(
        "Title: t\nPublished: 2024-05-02\n\nThe minister flew from Nairobi to Accra on Tuesday.\n",
        encoding="utf-8",
    )
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name / "m.html"
        out.parent.mkdir()
        assert main(["-q", "map", str(good), "-o", str(out), "--tiles", "none"]) == 0
        outputs.append([out.with_suffix(s).read_bytes() for s in (".html", ".geojson", ".json")])
    assert outputs[0] == outputs[1]


def test_map_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    text = b"The ferry sailed from Dover to Calais on Monday.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    out = tmp_path / "stdin.html"
    assert main(["-q", "map", "-", "-o", str(out), "--tiles", "none"]) == 0
    result = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert {p["name"] for p in result["places"]} >= {"Dover", "Calais"}
