"""Gazetteer pieces that need no full build: names, supplement, rebuild on change, dump import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gazetteer import Gazetteer, build, normalize_name
from gazetteer import builder as builder_mod
from gazetteer.names import ascii_fold, index_keys
from gazetteer.records import PlaceRecord
from gazetteer.supplement import SupplementError, load_supplement

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("Vladivostok", "vladivostok"),
        ("  The   Hague ", "hague"),
        ("the Netherlands", "netherlands"),
        ("Nikol\u2019sk-Ussuriyskiy", "nikol'sk-ussuriyskiy"),
        ("Nikol`sk", "nikol'sk"),
        ("Ussuri\u2013Amur", "ussuri-amur"),
        ("Ussuri \u2014 Amur", "ussuri - amur"),
        ("S\u00e3o Paulo", "s\u00e3o paulo"),
        ("STRASSE", "strasse"),
        ("Stra\u00dfe", "strasse"),
        ("\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48", "fullwidth"),
        ("the", "the"),
        ("", ""),
    ],
)
def test_normalize_name(raw: str, norm: str) -> None:
    assert normalize_name(raw) == norm


def test_ascii_fold_and_index_keys() -> None:
    assert ascii_fold("s\u00e3o paulo") == "sao paulo"
    assert ascii_fold("\u0142\u00f3d\u017a") == "lodz"
    assert index_keys("S\u00e3o Paulo") == ["s\u00e3o paulo", "sao paulo"]
    assert index_keys("Ussuriysk") == ["ussuriysk"]
    # Other scripts are not folded into half-Latin noise.
    assert index_keys("\u0423\u0441\u0441\u0443\u0440\u0438\u0439\u0441\u043a") == [
        "\u0443\u0441\u0441\u0443\u0440\u0438\u0439\u0441\u043a"
    ]


def test_supplement_fixture_loads() -> None:
    rows = load_supplement(FIXTURES / "supplement")
    assert [r.id for r in rows] == [
        "sup:testport-launch-site",
        "sup:quietwater-strait",
        "sup:lowhill-crossing",
    ]
    assert rows[0].kind == "spaceport" and ("Testport", "alias") in rows[0].names
    assert rows[1].country is None
    assert rows[0].source == "supplement:test_places.csv"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Bad Place,,volcano,1,2,XX,note", "kind"),
        ("Bad Place,,city,95,2,XX,note", "lat"),
        ("Bad Place,,city,1,2,XXX,note", "country"),
        ("Bad, Place,,city,1,2,XX,note", "too many fields"),
    ],
)
def test_bad_supplement_row_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    good = "Good Place,,city,1,2,,note"
    (tmp_path / "bad.csv").write_text(
        f"name,aliases,kind,lat,lon,country,note\n{good}\n{line}\n", encoding="utf-8"
    )
    with pytest.raises(SupplementError) as err:
        load_supplement(tmp_path)
    assert "bad.csv: line 3" in str(err.value) and problem in str(err.value)


def _tiny_records(
    supplement: list[PlaceRecord],
) -> tuple[list[PlaceRecord], dict[str, str], int, None]:
    town = PlaceRecord(id="gn:1", name="Tinytown", kind="city", lat=1.0, lon=2.0, country="RU")
    town.add_name("Tinytown", "main")
    town.add_name("Tiny Town", "alternate")
    return [town, *supplement], {"RU": "Russia"}, 0, None


def test_atomic_rebuild_when_version_key_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed input gives a new key: open() builds the new gazetteer beside the old one,
    renames it into place and drops the stale one."""
    monkeypatch.setattr(builder_mod, "package_records", _tiny_records)
    cache = tmp_path / "cache"
    first = Gazetteer.open(cache)
    assert first.lookup("Tiny Town")[0].place.id == "gn:1"
    old_dir = first.directory
    assert old_dir.name.startswith("gazetteer-")
    assert Gazetteer.open(cache, build_if_missing=False).directory == old_dir

    monkeypatch.setattr(builder_mod, "SCHEMA_VERSION", builder_mod.SCHEMA_VERSION + 1000)
    with pytest.raises(builder_mod.GazetteerNotBuiltError):
        Gazetteer.open(cache, build_if_missing=False)
    second = Gazetteer.open(cache)
    assert second.directory != old_dir
    assert not old_dir.exists()
    assert second.lookup("Tinytown")[0].place.id == "gn:1"
    # The reader opened before the rebuild keeps working from its mapped files.
    assert first.lookup("Tinytown")[0].place.name == "Tinytown"
    # Nothing half-written is left behind.
    assert sorted(p.name for p in cache.iterdir() if p.name.startswith(".")) == []


def test_supplement_dir_is_part_of_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builder_mod, "package_records", _tiny_records)
    sup = tmp_path / "sup"
    shutil.copytree(FIXTURES / "supplement", sup)
    info = build(tmp_path / "cache", supplement_dir=sup)
    assert info.supplement_rows == 3
    gz = Gazetteer(Path(info.cache_path))
    assert gz.lookup("Testport")[0].place.kind == "spaceport"
    assert gz.lookup("Quietwater Strait")[0].place.country is None
    (sup / "more.csv").write_text(
        "name,aliases,kind,lat,lon,country,note\nNewplace,,site,1,1,,x\n", encoding="utf-8"
    )
    info2 = build(tmp_path / "cache", supplement_dir=sup)
    assert info2.key != info.key and info2.supplement_rows == 4


def test_geonames_dump_import(tmp_path: Path) -> None:
    dump = FIXTURES / "geonames_sample.txt"
    admin = FIXTURES / "admin1CodesASCII.txt"
    info = build(tmp_path / "cache", geonames_dump=dump, admin_tables=[admin])
    assert info.source == "geonames-dump:geonames_sample.txt"
    gz = Gazetteer.open(tmp_path / "cache", build_if_missing=False)  # the dump build is current
    assert gz.directory == Path(info.cache_path)

    town = gz.lookup("Nordhaven")[0]
    assert town.place.id == "gn:9000001" and town.place.kind == "city"
    assert town.place.admin1 == "Fjellmark Fylke" and town.place.country_name == "Norway"
    assert gz.lookup("Nordhafen")[0].name_type == "alternate"
    assert gz.lookup("Sondre Vik")[0].place.name == "S\u00f8ndre Vik"
    assert gz.lookup("Kongsby")[0].place.kind == "capital"
    assert gz.lookup("Kongsby Airport")[0].place.kind == "airport"
    assert gz.lookup("Blatind")[0].place.kind == "mountain"
    assert gz.lookup("Gamleby") == []  # abandoned place (PPLQ)
    assert gz.lookup("Stille Fjord") == []  # feature code not kept
    region = gz.lookup("Fjellmark")[0].place
    assert region.id == "a1:NO.07" and region.kind == "admin1"
    # A region named only by the admin table sits among its cities.
    sjoland = gz.lookup("Sjoland")[0].place
    assert sjoland.id == "a1:NO.08" and 59.7 < sjoland.lat < 60.1
    assert gz.lookup("Kongsby")[0].place.admin1 == "Sj\u00f8land"
    # Countries come along from the packages.
    assert gz.lookup("Norway")[0].place.id == "cc:NO"


def test_bad_dump_line_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tOnly\tthree columns\n", encoding="utf-8")
    from gazetteer.geonames_dump import DumpFormatError

    with pytest.raises(DumpFormatError, match=r"bad.txt: line 1: expected 19"):
        build(tmp_path / "cache", geonames_dump=bad)
    assert not any((tmp_path / "cache").glob("gazetteer-*"))


def test_dotted_aliases_are_abbreviations() -> None:
    from gazetteer.supplement import alias_type

    assert alias_type("Calif.") == "abbreviation"
    assert alias_type("N.H.") == "abbreviation"
    assert alias_type("W. Va.") == "abbreviation"
    assert alias_type("EU") == "alias"
    assert alias_type("Washington state") == "alias"


def test_data_tables_load_and_apply() -> None:
    from gazetteer.data_tables import apply_demonyms, load_country_points, load_demonyms

    points = load_country_points()
    assert len(points) > 200 and points["US"] == (39.76, -98.5)
    table = load_demonyms()
    assert "European" in table["Europe"]
    europe = PlaceRecord(id="gn:1", name="Europe", kind="continent", lat=48.7, lon=9.1)
    town = PlaceRecord(id="gn:2", name="Europe", kind="city", lat=1.0, lon=1.0)
    assert apply_demonyms([europe, town], table) == 1
    assert ("European", "demonym") in europe.names and town.names == []


def test_place_table_round_trip(tmp_path: Path) -> None:
    from gazetteer.models import Place
    from gazetteer.placetable import PlaceTable, PlaceTableWriter

    writer = PlaceTableWriter()
    values = {
        "id": "gn:7",
        "name": "S\u00f8ndre Vik",
        "kind": "city",
        "lat": 59.5,
        "lon": -10.25,
        "country": "NO",
        "country_name": "Norway",
        "admin1": None,
        "population": 3_000_000_000,
        "source": "geonames",
    }
    writer.add(**values, first_name=4, name_count=2)  # type: ignore[arg-type]
    writer.add(**{**values, "id": "gn:8", "country": None}, first_name=6, name_count=1)  # type: ignore[arg-type]
    writer.write(tmp_path / "places.bin")
    table = PlaceTable(tmp_path / "places.bin")
    first = table.place(1)
    assert first == Place(**values)  # type: ignore[arg-type]
    assert hash(first) == hash(Place(**values))  # type: ignore[arg-type]
    assert first.model_dump() == values
    assert table.place(2).country is None and table.name_span(2) == (6, 1)
