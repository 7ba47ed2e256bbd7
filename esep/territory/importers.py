"""Loading the shipped reference data (data/) into the territory tables.

Every importer validates the whole file first and writes in one transaction: a malformed file is refused with
its line number and nothing is half-loaded. Rerunning an importer on the same file changes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from esep.core import clock
from esep.core.errors import EsepError
from esep.territory.kato import ancestor_candidates, kato_prefix
from esep.territory.models import Boundary, DataSource, Level, Place, Territory
from esep.territory.search import normalize

KATO_COLUMNS = ["kato", "kato_version", "level", "type_code", "name_ru", "name_kk"]
BATCH = 2000


class ImportRefused(EsepError):
    """The file is malformed; the message names the line. Nothing was written."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"
        return "; ".join([text, *self.notes])


def data_path(*parts: str) -> Path:
    return Path(settings.DATA_DIR).joinpath(*parts)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record_source(key: str, *, title: str, licence: str, attribution: str, url: str, path: Path, rows: int) -> None:
    DataSource.objects.update_or_create(
        key=key,
        defaults={
            "title": title,
            "licence": licence,
            "attribution": attribution,
            "url": url,
            "imported_at": clock.now(),
            "rows": rows,
            "sha256": _sha256(path),
        },
    )


# The database's name columns (esep.core.i18n.LocalizedNameMixin); a longer name is refused, not cut.
NAME_MAX = 300
# The real classifier is about 1.3 MB; anything far larger is not a KATO file.
KATO_MAX_BYTES = 64 * 1024 * 1024


def _decode_utf8(path: Path, raw: bytes) -> str:
    """The file as text; a byte that is not UTF-8 is reported on its own line (a streaming decoder reads
    ahead in blocks and would blame an earlier line)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportRefused(f"{path}: line {line}: byte 0x{raw[exc.start]:02x} is not UTF-8 text") from None


def _read_kato(path: Path) -> list[dict[str, str]]:
    try:
        with path.open("rb") as binary:
            raw = binary.read(KATO_MAX_BYTES + 1)
    except OSError as exc:
        raise ImportRefused(f"{path}: cannot be read ({exc.strerror})") from exc
    if len(raw) > KATO_MAX_BYTES:
        raise ImportRefused(f"{path}: larger than {KATO_MAX_BYTES} bytes; not a KATO file")
    handle = io.StringIO(_decode_utf8(path, raw), newline="")
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    levels = {choice.value for choice in Level}
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportRefused(f"{path}: line 1: the file is empty") from None
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportRefused(f"{path}: line 1: {exc}") from None
        if [h.strip().lstrip("\ufeff") for h in header] != KATO_COLUMNS:
            raise ImportRefused(f"{path}: line 1: expected columns {','.join(KATO_COLUMNS)}, found {','.join(header)}")
        try:
            for line_no, values in enumerate(reader, start=2):
                if not values or all(not v.strip() for v in values):
                    continue
                if len(values) != len(KATO_COLUMNS):
                    raise ImportRefused(f"{path}: line {line_no}: expected 6 fields, found {len(values)}")
                row = dict(zip(KATO_COLUMNS, (v.strip() for v in values), strict=True))
                code = row["kato"]
                if len(code) != 9 or not code.isdigit():
                    raise ImportRefused(f"{path}: line {line_no}: KATO code {code!r} is not 9 digits")
                if code in seen:
                    raise ImportRefused(f"{path}: line {line_no}: KATO code {code} appears twice")
                if row["level"] not in levels:
                    raise ImportRefused(f"{path}: line {line_no}: unknown level {row['level']!r}")
                if not row["type_code"].isdigit():
                    raise ImportRefused(f"{path}: line {line_no}: type_code {row['type_code']!r} is not a number")
                if not (row["name_ru"] or row["name_kk"]):
                    raise ImportRefused(f"{path}: line {line_no}: the object has no name")
                for column in ("name_ru", "name_kk", "kato_version"):
                    limit = 40 if column == "kato_version" else NAME_MAX
                    if len(row[column]) > limit:
                        raise ImportRefused(
                            f"{path}: line {line_no}: {column} is {len(row[column])} characters long; "
                            f"at most {limit} are allowed"
                        )
                seen.add(code)
                rows.append(row)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportRefused(f"{path}: line {reader.line_num}: {exc}") from None
    if not rows:
        raise ImportRefused(f"{path}: the file has no rows")
    return rows


def _parent_code(code: str, known: set[str]) -> str | None:
    for candidate in ancestor_candidates(code):
        if candidate in known:
            return candidate
    return None


def import_kato(path: Path | None = None) -> ImportResult:
    """Load the KATO classifier: create new objects, update changed ones, leave identical ones alone."""
    path = path or data_path("kato", "kato.csv")
    rows = _read_kato(path)
    known = {row["kato"] for row in rows}
    result = ImportResult()
    fields = ["kato_version", "level", "type_code", "name_ru", "name_kk", "prefix", "search_key"]
    with transaction.atomic():
        existing = {t.kato: t for t in Territory.objects.all()}
        to_create: list[Territory] = []
        to_update: list[Territory] = []
        for row in rows:
            wanted = {
                "kato_version": row["kato_version"],
                "level": row["level"],
                "type_code": int(row["type_code"]),
                "name_ru": row["name_ru"],
                "name_kk": row["name_kk"],
                "prefix": kato_prefix(row["kato"]),
                "search_key": f"{normalize(row['name_kk'])} | {normalize(row['name_ru'])}"[:600],
            }
            obj = existing.get(row["kato"])
            if obj is None:
                to_create.append(Territory(kato=row["kato"], **wanted))
            elif any(getattr(obj, k) != v for k, v in wanted.items()):
                for k, v in wanted.items():
                    setattr(obj, k, v)
                to_update.append(obj)
            else:
                result.unchanged += 1
        Territory.objects.bulk_create(to_create, batch_size=BATCH)
        Territory.objects.bulk_update(to_update, fields, batch_size=BATCH)
        result.created, result.updated = len(to_create), len(to_update)
        # Parents: a second pass once every object has an id.
        ids = dict(Territory.objects.values_list("kato", "id"))
        reparent: list[Territory] = []
        for obj in Territory.objects.filter(kato__in=known).only("id", "kato", "parent_id"):
            parent = _parent_code(obj.kato, known)
            parent_id = ids[parent] if parent else None
            if obj.parent_id != parent_id:
                obj.parent_id = parent_id
                reparent.append(obj)
        Territory.objects.bulk_update(reparent, ["parent"], batch_size=BATCH)
        if reparent and not to_create:
            result.updated += len({o.kato for o in reparent} - {o.kato for o in to_update})
        stale = len(set(existing) - known)
        if stale:
            result.notes.append(f"{stale} object(s) in the database are not in the file and were kept")
        _record_source(
            "kato",
            title="KATO НК РК 11-2025",
            licence="Official classifier; compilation MIT",
            attribution="Bureau of National Statistics of the Republic of Kazakhstan (stat.gov.kz)",
            url="https://stat.gov.kz/ru/classifiers/statistical/21/",
            path=path,
            rows=len(rows),
        )
    return result


def _rings(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["coordinates"]
    raise ImportRefused(f"unsupported geometry type {geometry.get('type')!r}")


def import_boundaries(directory: Path | None = None) -> ImportResult:
    """Region (ADM1) and district (ADM2) polygons, geokz 2024, CC BY 4.0. Needs KATO loaded first."""
    directory = directory or data_path("boundaries")
    result = ImportResult()
    files = [(1, directory / "kz_adm1_oblasts_2024.geojson"), (2, directory / "kz_adm2_districts_2024.geojson")]
    parsed: list[tuple[int, dict]] = []
    for level, path in files:
        try:
            collection = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ImportRefused(f"{path}: cannot be read as GeoJSON ({exc})") from exc
        for index, feature in enumerate(collection.get("features", []), start=1):
            props = feature.get("properties") or {}
            if not str(props.get("KATO", "")).isdigit():
                raise ImportRefused(f"{path}: feature {index}: no KATO code")
            parsed.append((level, feature))
    territories = {t.kato: t for t in Territory.objects.filter(kato__in=[f["properties"]["KATO"] for _, f in parsed])}
    with transaction.atomic():
        for level, feature in parsed:
            props = feature["properties"]
            terr = territories.get(props["KATO"])
            if terr is None:
                result.notes.append(f"KATO {props['KATO']} is not in the classifier; skipped")
                continue
            polygons = _rings(feature["geometry"])
            lons = [pt[0] for poly in polygons for ring in poly for pt in ring]
            lats = [pt[1] for poly in polygons for ring in poly for pt in ring]
            name_en = props.get(f"ADM{level}_EN") or ""
            wanted = {
                "name_en": name_en,
                "admin_level": level,
                "geometry": feature["geometry"],
                "min_lat": min(lats),
                "max_lat": max(lats),
                "min_lon": min(lons),
                "max_lon": max(lons),
            }
            current = Boundary.objects.filter(territory=terr).first()
            if current is None:
                Boundary.objects.create(territory=terr, **wanted)
                result.created += 1
            elif any(getattr(current, k) != v for k, v in wanted.items()):
                for k, v in wanted.items():
                    setattr(current, k, v)
                current.save()
                result.updated += 1
            else:
                result.unchanged += 1
            changed = False
            if name_en and terr.name_en != name_en:
                terr.name_en, changed = name_en, True
            if terr.latitude is None:
                terr.latitude = round((min(lats) + max(lats)) / 2, 5)
                terr.longitude = round((min(lons) + max(lons)) / 2, 5)
                changed = True
            if changed:
                terr.save(update_fields=["name_en", "latitude", "longitude"])
        _record_source(
            "geokz",
            title="geokz 2024 administrative boundaries",
            licence="CC BY 4.0",
            attribution="Rodionov, A. geokz (github.com/arodionoff/geokz), based on OCHA COD-AB Kazakhstan",
            url="https://github.com/arodionoff/geokz/",
            path=files[1][1],
            rows=len(parsed),
        )
    return result


PLACE_COLUMNS = ["osm_id", "place", "name", "name_kk", "name_ru", "name_en", "population", "lat", "lon", "kato_adm2"]


def import_places(path: Path | None = None) -> ImportResult:
    """OpenStreetMap populated places (ODbL) with the district they lie in; each is matched by name to a KATO
    settlement of that district where one fits, which gives the settlement its coordinates."""
    path = path or data_path("settlements", "kz_populated_places_with_district_kato.csv")
    parsed: list[dict] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in PLACE_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ImportRefused(f"{path}: line 1: missing columns {', '.join(missing)}")
            for line_no, row in enumerate(reader, start=2):
                try:
                    parsed.append(
                        {
                            "osm_id": int(row["osm_id"]),
                            "place_type": row["place"],
                            "name": row["name"],
                            "name_kk": row["name_kk"],
                            "name_ru": row["name_ru"],
                            "name_en": row["name_en"],
                            "population": int(float(row["population"])) if row["population"] else None,
                            "latitude": float(row["lat"]),
                            "longitude": float(row["lon"]),
                            "kato_adm2": row["kato_adm2"],
                        }
                    )
                except ValueError as exc:
                    raise ImportRefused(f"{path}: line {line_no}: {exc}") from None
    except OSError as exc:
        raise ImportRefused(f"{path}: cannot be read ({exc.strerror})") from exc
    result = ImportResult()
    districts = {t.kato: t.id for t in Territory.objects.filter(level__in=[Level.DISTRICT, Level.SUB_DISTRICT])}
    # Settlements by (district prefix, normalised name) for matching.
    settlements: dict[tuple[str, str], list[int]] = {}
    for tid, kato, name_kk, name_ru in Territory.objects.filter(level=Level.SETTLEMENT).values_list(
        "id", "kato", "name_kk", "name_ru"
    ):
        for name in {normalize(name_kk), normalize(name_ru)} - {""}:
            settlements.setdefault((kato[:4], name), []).append(tid)
    with transaction.atomic():
        existing = {p.osm_id: p for p in Place.objects.all()}
        to_create, to_update = [], []
        coords: dict[int, tuple[float, float, int | None]] = {}
        fields = ["place_type", "name", "name_kk", "name_ru", "name_en", "population", "latitude", "longitude",
                  "district_id", "settlement_id"]  # fmt: skip
        for row in parsed:
            kato2 = row.pop("kato_adm2")
            row["district_id"] = districts.get(kato2)
            match = None
            for name in (row["name_kk"], row["name_ru"], row["name"]):
                key = (kato2[:4], normalize(name)) if name else None
                if key and len(settlements.get(key, [])) == 1:
                    match = settlements[key][0]
                    break
            row["settlement_id"] = match
            if match and row["place_type"] in {"city", "town", "village", "hamlet"}:
                coords.setdefault(match, (row["latitude"], row["longitude"], row["population"]))
            obj = existing.get(row["osm_id"])
            if obj is None:
                to_create.append(Place(**row))
            elif any(getattr(obj, k) != row[k] for k in fields):
                for k in fields:
                    setattr(obj, k, row[k])
                to_update.append(obj)
            else:
                result.unchanged += 1
        Place.objects.bulk_create(to_create, batch_size=BATCH)
        Place.objects.bulk_update(to_update, fields, batch_size=BATCH)
        result.created, result.updated = len(to_create), len(to_update)
        located = []
        for terr in Territory.objects.filter(id__in=coords.keys()).only("id", "latitude", "longitude", "population"):
            lat, lon, pop = coords[terr.id]
            if (terr.latitude, terr.longitude, terr.population) != (lat, lon, pop or terr.population):
                terr.latitude, terr.longitude, terr.population = lat, lon, pop or terr.population
                located.append(terr)
        Territory.objects.bulk_update(located, ["latitude", "longitude", "population"], batch_size=BATCH)
        result.notes.append(f"{len(coords)} KATO settlements have coordinates from OpenStreetMap")
        _record_source(
            "osm_places",
            title="OpenStreetMap populated places (HOT export)",
            licence="ODbL 1.0",
            attribution="© OpenStreetMap contributors",
            url="https://www.openstreetmap.org/copyright",
            path=path,
            rows=len(parsed),
        )
    return result
