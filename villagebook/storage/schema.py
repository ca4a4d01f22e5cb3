"""Migrations of the book, applied in order and recorded (sqlite-utils ``Migrations``).

Never edit a migration that has shipped: add a new one. ``SCHEMA_VERSION`` is the
number of migrations and is also written to ``PRAGMA user_version`` so that an older
program can refuse a newer book before touching it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..core.ids import new_id
from .changelog import conflict_ident
from .schema_names import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION

migrations = Migrations(MIGRATION_SET)

# One index (column, number) per sortable list column, so a sorted page is an index walk.
_SORTABLE_HOUSEHOLD_COLUMNS = (
    "group_name", "head_name", "member_count", "category", "poverty_attr",
    "poverty_status", "phone",
)


@migrations(name="0001_households_members_changes")
def m0001(db: Database) -> None:
    """Migration 0001: what it does is said in its SQL comments."""
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE users (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT, active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE village (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, code TEXT NOT NULL, township TEXT,
            county TEXT, is_demo INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        -- ``rid`` is an explicit rowid (stable through VACUUM) for the search indexes;
        -- ``id`` is the record's global identity.
        CREATE TABLE households (
            rid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            number TEXT NOT NULL,
            group_name TEXT, address TEXT, phone TEXT,
            category TEXT, ident_standard TEXT, poverty_attr TEXT, ident_year INTEGER,
            poverty_status TEXT, exit_year INTEGER, main_cause TEXT, other_causes TEXT,
            no_labor INTEGER,
            housing_grade TEXT, housing_renovated_year INTEGER, housing_renovation_amount INTEGER,
            water_safe INTEGER, electricity INTEGER, road INTEGER,
            arable_land_mu TEXT, forest_land_mu TEXT,
            relocated INTEGER, relocation_site TEXT, coop_member INTEGER, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
            closed_reason TEXT, closed_date TEXT, closed_note TEXT,
            -- derived from members on every save, kept for listing and sorting
            head_name TEXT, member_count INTEGER NOT NULL DEFAULT 0, search_text TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE UNIQUE INDEX households_number ON households(number);
        CREATE TABLE members (
            id TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES households(id),
            position INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL, id_number TEXT, relation TEXT, sex TEXT, ethnicity TEXT,
            birth_date TEXT, education TEXT, school_status TEXT, school_grade TEXT, health TEXT,
            disability_category TEXT, disability_grade TEXT, disability_cert TEXT,
            labor_skill TEXT, work_status TEXT, work_months INTEGER, work_unit TEXT,
            medical_ins INTEGER, serious_illness_ins INTEGER, pension_ins INTEGER,
            family_doctor INTEGER, dibao INTEGER, tekun INTEGER, public_post INTEGER,
            phone TEXT, joined_reason TEXT, joined_date TEXT, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
            left_reason TEXT, left_date TEXT, left_note TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX members_household ON members(household_id, position);
        CREATE INDEX members_id_number ON members(id_number);
        -- The change log. One row in ``actions`` per user action (one transaction: who,
        -- when, what, on which site); one row in ``changes`` per created record or changed
        -- field. ``hlc`` orders changes across sites and identifies a change globally.
        CREATE TABLE actions (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            site_id TEXT NOT NULL,
            action TEXT NOT NULL,
            operator TEXT NOT NULL,
            at TEXT NOT NULL);
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY,
            hlc TEXT NOT NULL UNIQUE,
            action_seq INTEGER NOT NULL REFERENCES actions(seq),
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            household_id TEXT,
            op TEXT NOT NULL CHECK (op IN ('create', 'update')),
            field TEXT,
            old_value TEXT,
            new_value TEXT);
        CREATE INDEX changes_household ON changes(household_id, seq);
        CREATE TABLE accepted_warnings (
            id INTEGER PRIMARY KEY, household_id TEXT NOT NULL, record_id TEXT,
            code TEXT NOT NULL, detail TEXT, operator TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX accepted_warnings_household ON accepted_warnings(household_id);
        -- Search: a full-text index of words (names, given names, pinyin initials and full
        -- pinyin, ID numbers and 户编号, these two also reversed so that an ending can be
        -- found) over households.search_text. Each typed word is a prefix query
        -- (storage/search_index.py). A household is inserted with no search text and gets
        -- it by an update, which the trigger indexes; the bulk path inserts the text
        -- directly and indexes all new rows with one statement (4x faster than a trigger).
        CREATE VIRTUAL TABLE household_fts USING fts5(
            search_text, content='households', content_rowid='rid',
            tokenize='unicode61 remove_diacritics 0', prefix='1 2');
        CREATE TRIGGER households_fts_update AFTER UPDATE OF search_text ON households BEGIN
            INSERT INTO household_fts(household_fts, rowid, search_text)
                SELECT 'delete', old.rid, old.search_text WHERE old.search_text IS NOT NULL;
            INSERT INTO household_fts(rowid, search_text)
                SELECT new.rid, new.search_text WHERE new.search_text IS NOT NULL;
        END;
        """
    )
    for column in _SORTABLE_HOUSEHOLD_COLUMNS:
        db.execute(f"CREATE INDEX households_{column} ON households({column}, number)")
    db.execute("INSERT INTO meta(key, value) VALUES ('site_id', ?)", [new_id()])


@migrations(name="0002_incomes_checks_settings")
def m0002(db: Database) -> None:
    """Migration 0002: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- Settings of the book that travel with it (the monitoring line of each year…);
        -- changed through the change log like any record.
        CREATE TABLE book_settings (
            id TEXT PRIMARY KEY, value TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        -- 收支: one active record a household a year; amounts in fen.
        CREATE TABLE incomes (
            id TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES households(id),
            year INTEGER NOT NULL,
            wage_migrant INTEGER, wage_public_post INTEGER,
            prod_planting INTEGER, prod_breeding INTEGER, prod_forestry INTEGER,
            prod_other INTEGER,
            property_dividend INTEGER, property_land INTEGER, property_other INTEGER,
            transfer_dibao INTEGER, transfer_tekun INTEGER, transfer_pension INTEGER,
            transfer_eco INTEGER, transfer_family_planning INTEGER, transfer_other INTEGER,
            prod_expense INTEGER, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE UNIQUE INDEX incomes_household_year ON incomes(household_id, year)
            WHERE status = 'active';
        -- 两不愁三保障 and safe water: each check is kept, the latest is the current state.
        CREATE TABLE checks (
            id TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES households(id),
            check_date TEXT NOT NULL, checker TEXT NOT NULL,
            food INTEGER NOT NULL, clothing INTEGER NOT NULL, education INTEGER NOT NULL,
            medical INTEGER NOT NULL, housing INTEGER NOT NULL, water INTEGER NOT NULL,
            note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX checks_household ON checks(household_id, check_date);
        """
    )


@migrations(name="0003_monitoring_events")
def m0003(db: Database) -> None:
    """Migration 0003: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- 防返贫监测: 纳入监测 and 风险消除 events; the state follows from them.
        CREATE TABLE monitoring_events (
            id TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES households(id),
            event TEXT NOT NULL, event_date TEXT NOT NULL,
            category TEXT, risks TEXT, disaster_subtype TEXT, removal_method TEXT, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX monitoring_events_household ON monitoring_events(household_id, event_date);
        """
    )


@migrations(name="0004_measures")
def m0004(db: Database) -> None:
    """Migration 0004: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- 帮扶措施, to a household and optionally one member; microcredit loans carry
        -- their term, due date, repayments and renewal. Amounts in fen.
        CREATE TABLE measures (
            id TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES households(id),
            member_id TEXT REFERENCES members(id),
            measure_type TEXT NOT NULL, content TEXT,
            start_date TEXT NOT NULL, end_date TEXT, amount INTEGER,
            funding_source TEXT, responsible_unit TEXT, progress TEXT NOT NULL,
            loan_term_months INTEGER, due_date TEXT, repaid_amount INTEGER,
            loan_extension TEXT, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX measures_household ON measures(household_id, start_date);
        CREATE INDEX measures_type ON measures(measure_type, start_date);
        CREATE INDEX measures_start ON measures(start_date);
        """
    )


@migrations(name="0005_helpers_pairings_visits")
def m0005(db: Database) -> None:
    """Migration 0005: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- 帮扶责任人 of the village, their pairings with households over time, and visits.
        CREATE TABLE helpers (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL, post TEXT,
            phone TEXT, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE pairings (
            id TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES households(id),
            helper_id TEXT NOT NULL REFERENCES helpers(id),
            start_date TEXT NOT NULL, end_date TEXT, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX pairings_household ON pairings(household_id);
        CREATE INDEX pairings_helper ON pairings(helper_id);
        CREATE TABLE visits (
            id TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES households(id),
            visit_date TEXT NOT NULL, visitor_role TEXT NOT NULL,
            helper_id TEXT REFERENCES helpers(id), visitor_name TEXT,
            visit_kind TEXT NOT NULL, found TEXT, problems TEXT, agreed TEXT,
            follow_up_date TEXT, confirmed INTEGER, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX visits_household ON visits(household_id, visit_date);
        CREATE INDEX visits_helper ON visits(helper_id, visit_date);
        CREATE INDEX visits_follow_up ON visits(follow_up_date);
        """
    )


@migrations(name="0006_problems")
def m0006(db: Database) -> None:
    """Migration 0006: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- 问题排查整改台账: problems found (by whom, what kind), who fixes them by when.
        CREATE TABLE problems (
            id TEXT PRIMARY KEY, problem TEXT NOT NULL, source TEXT NOT NULL,
            category TEXT NOT NULL, household_id TEXT REFERENCES households(id),
            found_date TEXT NOT NULL, deadline TEXT, responsible TEXT NOT NULL,
            progress TEXT NOT NULL, closed_date TEXT, evidence TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX problems_household ON problems(household_id);
        CREATE INDEX problems_deadline ON problems(deadline);
        """
    )


@migrations(name="0007_projects")
def m0007(db: Database) -> None:
    """Migration 0007: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- 项目库 and 扶贫资产台账: projects, the assets they made, and the income the
        -- assets distributed each year.
        CREATE TABLE projects (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, project_type TEXT NOT NULL,
            funds INTEGER, funding_source TEXT, start_date TEXT NOT NULL, end_date TEXT,
            households_benefiting INTEGER, asset TEXT, asset_value INTEGER, ownership TEXT,
            progress TEXT NOT NULL, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE project_incomes (
            id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id),
            year INTEGER NOT NULL, amount INTEGER NOT NULL, households INTEGER, note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE UNIQUE INDEX project_incomes_year ON project_incomes(project_id, year)
            WHERE status = 'active';
        """
    )


@migrations(name="0008_visit_photos")
def m0008(db: Database) -> None:
    """Migration 0008: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- Photos of a visit, reduced before they are stored, kept inside the book so they
        -- travel with it.
        CREATE TABLE visit_photos (
            id TEXT PRIMARY KEY,
            visit_id TEXT NOT NULL REFERENCES visits(id),
            household_id TEXT NOT NULL REFERENCES households(id),
            image BLOB NOT NULL, mime TEXT NOT NULL, width INTEGER NOT NULL,
            height INTEGER NOT NULL, file_name TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX visit_photos_visit ON visit_photos(visit_id);
        """
    )


@migrations(name="0009_village_list_indexes")
def m0009(db: Database) -> None:
    """Migration 0009: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- The date of a household's newest visit, derived from visits (like head_name)
        -- so that "not visited for N days" is an index range at township size.
        ALTER TABLE households ADD COLUMN last_visit TEXT;
        UPDATE households SET last_visit = (SELECT max(visit_date) FROM visits v
            WHERE v.household_id = households.id AND v.status = 'active');
        CREATE INDEX households_last_visit ON households(category, last_visit);
        -- the village visit log, newest first
        CREATE INDEX visits_date ON visits(visit_date);
        """
    )


@migrations(name="0010_follow_ups_and_covering_indexes")
def m0010(db: Database) -> None:
    """Migration 0010: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- The follow-up date agreed at a household's newest visit, derived like last_visit:
        -- "follow-ups due" becomes an index range at township size.
        ALTER TABLE households ADD COLUMN next_follow_up TEXT;
        UPDATE households SET next_follow_up = (SELECT max(v.follow_up_date) FROM visits v
            WHERE v.household_id = households.id AND v.status = 'active'
            AND v.visit_date = households.last_visit);
        CREATE INDEX households_next_follow_up ON households(next_follow_up);
        -- counts per helper read from the index alone (0.5 s → 0.05 s for 20,000 helpers)
        DROP INDEX visits_helper;
        CREATE INDEX visits_helper ON visits(helper_id, visit_date, status);
        DROP INDEX pairings_helper;
        CREATE INDEX pairings_helper ON pairings(helper_id, status, start_date, end_date);
        """
    )


@migrations(name="0011_ready_for_sync")
def m0011(db: Database) -> None:
    """Migration 0011: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- Many villages in one book (a township's): households, problems and projects name
        -- their village (by its record id, which a corrected 行政区划代码 does not change);
        -- 户编号 is unique within a village. An older book has one village.
        ALTER TABLE households ADD COLUMN village_id TEXT REFERENCES village(id);
        ALTER TABLE problems ADD COLUMN village_id TEXT REFERENCES village(id);
        ALTER TABLE projects ADD COLUMN village_id TEXT REFERENCES village(id);
        UPDATE households SET village_id = (SELECT id FROM village ORDER BY created_at LIMIT 1);
        UPDATE problems SET village_id = (SELECT id FROM village ORDER BY created_at LIMIT 1);
        UPDATE projects SET village_id = (SELECT id FROM village ORDER BY created_at LIMIT 1);
        INSERT INTO meta(key, value) SELECT 'home_village', id FROM village
            ORDER BY created_at LIMIT 1;
        DROP INDEX households_number;
        CREATE UNIQUE INDEX households_number ON households(number, village_id);
        CREATE INDEX households_village ON households(village_id, number);
        CREATE INDEX problems_village ON problems(village_id, found_date);
        CREATE INDEX projects_village ON projects(village_id, start_date);
        -- Each site numbers its own actions without gaps (kept when applied elsewhere), so
        -- a receiver can say "I have everything from site S up to N".
        ALTER TABLE actions ADD COLUMN origin_seq INTEGER;
        UPDATE actions SET origin_seq = (SELECT count(*) FROM actions a
            WHERE a.site_id = actions.site_id AND a.seq <= actions.seq);
        CREATE UNIQUE INDEX actions_origin ON actions(site_id, origin_seq);
        -- The stamp of the value a writer saw when it changed a field (its base): a
        -- receiver tells "changed over what I have" from "changed concurrently".
        ALTER TABLE changes ADD COLUMN base TEXT;
        CREATE INDEX changes_record ON changes(record_id, field, hlc);
        -- Accepted warnings are a person's decision and travel: text ids like any record.
        CREATE TABLE accepted_warnings_new (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            record_id TEXT, code TEXT NOT NULL, detail TEXT, operator TEXT NOT NULL,
            at TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        INSERT INTO accepted_warnings_new
            SELECT printf('w-%s-%d', (SELECT value FROM meta WHERE key = 'site_id'), id),
                   household_id, record_id, code, detail, operator, at, at, at
            FROM accepted_warnings;
        DROP TABLE accepted_warnings;
        ALTER TABLE accepted_warnings_new RENAME TO accepted_warnings;
        CREATE INDEX accepted_warnings_household ON accepted_warnings(household_id);
        """
    )


@migrations(name="0012_sync_state")
def m0012(db: Database) -> None:
    """Migration 0012: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- What sync keeps about itself: local to this book, never shipped as records.
        -- Paired peers (public keys only; this installation's keys are outside the book).
        CREATE TABLE sync_peers (
            installation TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
            code TEXT NOT NULL, sign_key TEXT NOT NULL, enc_key TEXT NOT NULL,
            paired_at TEXT NOT NULL);
        -- Per origin site, the highest action number applied here without a gap.
        CREATE TABLE sync_received (site_id TEXT PRIMARY KEY, upto INTEGER NOT NULL);
        -- Per peer and origin site, what the peer said it has applied (its receipts).
        CREATE TABLE sync_acks (
            peer TEXT NOT NULL, site_id TEXT NOT NULL, upto INTEGER NOT NULL,
            PRIMARY KEY (peer, site_id));
        -- Packages sent and received; one held after a gap keeps its file's bytes until
        -- the gap is filled.
        CREATE TABLE sync_packages (
            id TEXT PRIMARY KEY, peer TEXT NOT NULL, direction TEXT NOT NULL,
            file_name TEXT, at TEXT NOT NULL, ranges TEXT NOT NULL, actions INTEGER NOT NULL,
            state TEXT NOT NULL, detail TEXT, data BLOB);
        -- Concurrent changes of one field: both values kept until a person decides.
        CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY, table_name TEXT NOT NULL, record_id TEXT NOT NULL,
            household_id TEXT, field TEXT NOT NULL,
            local_value TEXT, local_stamp TEXT NOT NULL, local_operator TEXT,
            remote_value TEXT, remote_stamp TEXT NOT NULL, remote_operator TEXT,
            found_at TEXT NOT NULL, resolved_stamp TEXT);
        CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_stamp, record_id);
        -- The same person registered in two places: found on import, decided by a person.
        CREATE TABLE sync_same_person (
            id TEXT PRIMARY KEY, member_a TEXT NOT NULL, member_b TEXT NOT NULL,
            basis TEXT NOT NULL, found_at TEXT NOT NULL, decision TEXT, decided_by TEXT,
            decided_at TEXT, UNIQUE (member_a, member_b));
        """
    )


@migrations(name="0013_unique_in_edits_not_in_merges")
def m0013(db: Database) -> None:
    """Migration 0013: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- One 户编号 in a village, one income a year: rules of what a person enters,
        -- checked when they save. Two books that each created one before they met merge
        -- both records and show the clash as a conflict for a person, so the indexes
        -- that answer these questions stop being unique (a merge must never fail on them).
        DROP INDEX households_number;
        CREATE INDEX households_number ON households(number, village_id);
        DROP INDEX incomes_household_year;
        CREATE INDEX incomes_household_year ON incomes(household_id, year)
            WHERE status = 'active';
        DROP INDEX project_incomes_year;
        CREATE INDEX project_incomes_year ON project_incomes(project_id, year)
            WHERE status = 'active';
        -- the same person registered twice, found by name and birth date on merging
        CREATE INDEX members_name_birth ON members(name, birth_date);
        """
    )


@migrations(name="0014_village_totals_index")
def m0014(db: Database) -> None:
    """Migration 0014: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- a township's villages page and register count each village's active households,
        -- people and 户类别: answered from this index alone (SQLite otherwise built a
        -- temporary index over every household on each count)
        CREATE INDEX households_village_totals
            ON households(village_id, status, category, member_count);
        """
    )


@migrations(name="0015_accepted_findings")
def m0015(db: Database) -> None:
    """Migration 0015: what it does is said in its SQL comments."""
    db.executescript(
        """
        -- a warning rule's finding about a helper or the whole village, judged right as it
        -- is by a person: not shown again (findings about a household: accepted_warnings)
        CREATE TABLE accepted_findings (
            id TEXT PRIMARY KEY, village_id TEXT REFERENCES village(id),
            code TEXT NOT NULL, record_id TEXT, detail TEXT, operator TEXT NOT NULL,
            at TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX accepted_findings_village ON accepted_findings(village_id);
        """
    )


@migrations(name="0016_sort_keys")
def m0016(db: Database) -> None:
    """Migration 0016: keys beside 户主姓名 and 组 that sort them as people expect —
    names by pinyin (surnames read as surnames), 组 by their numbers (第2组 before
    第10组) — indexed like the other sortable columns; derived, never logged."""
    from ..core.search_keys import group_sort_key, name_sort_key

    db.executescript(
        """
        ALTER TABLE households ADD COLUMN head_sort TEXT;
        ALTER TABLE households ADD COLUMN group_sort TEXT;
        DROP INDEX IF EXISTS households_head_name;
        """
    )
    rows = db.conn.execute("SELECT id, head_name, group_name FROM households").fetchall()
    db.conn.executemany("UPDATE households SET head_sort = ?, group_sort = ? WHERE id = ?",
                        [(name_sort_key(head), group_sort_key(group), hid)
                         for hid, head, group in rows])
    db.executescript(
        """
        CREATE INDEX households_head_sort ON households(head_sort, number);
        CREATE INDEX households_group_sort ON households(group_sort, number);
        """
    )


@migrations(name="0017_retired_peers")
def m0017(db: Database) -> None:
    """Migration 0017: a pairing can be retired (a laptop replaced, lost or stolen): when,
    and by whom. Packages from a retired computer are refused; none are made for it."""
    db.executescript(
        """
        ALTER TABLE sync_peers ADD COLUMN retired_at TEXT;
        ALTER TABLE sync_peers ADD COLUMN retired_by TEXT;
        """
    )


@migrations(name="0018_holdings_by_scope")
def m0018(db: Database) -> None:
    """Migration 0018: what a book holds of another site is kept per scope: a range is
    either full (every action of that origin) or scoped to one village (only the actions
    about that village: what a village gets of its township's, and passes on). In a
    village book every other site's holding becomes scoped to its home village: its
    township's packages declared ranges over every origin while carrying only the
    village's actions, and a village that passed them on as full made a new township skip
    other villages' real actions. Local, never shipped."""
    conn = db.conn
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    home = None
    if meta.get("book_kind") != "township":
        home = meta.get("home_village") or (conn.execute(
            "SELECT id FROM village ORDER BY created_at LIMIT 1").fetchone() or [None])[0]
    own = {meta.get("site_id"), *(p["site"] for p in json.loads(
        meta.get("previous_sites") or "[]"))}
    rows = conn.execute("SELECT site_id, upto FROM sync_received").fetchall()
    db.executescript(
        """
        DROP TABLE sync_received;
        CREATE TABLE sync_received (
            site_id TEXT NOT NULL, scope TEXT NOT NULL DEFAULT '', upto INTEGER NOT NULL,
            PRIMARY KEY (site_id, scope));
        """
    )
    conn.executemany("INSERT INTO sync_received (site_id, scope, upto) VALUES (?, ?, ?)",
                     [(site, home if home and site not in own else "", upto)
                      for site, upto in rows])
    # A conflict is named alike on both sides (its two stamps, or its two records, sorted)
    # and closed only by a decision that names it: the decision's change carries the
    # names it closes, and travels with it.
    db.executescript(
        """
        ALTER TABLE changes ADD COLUMN closes TEXT;
        CREATE INDEX changes_decisions ON changes(hlc) WHERE closes IS NOT NULL;
        ALTER TABLE sync_conflicts ADD COLUMN ident TEXT;
        """
    )
    for conflict_id, table, record, field, local, remote, local_stamp, remote_stamp in \
            conn.execute("SELECT id, table_name, record_id, field, local_value, remote_value,"
                         " local_stamp, remote_stamp FROM sync_conflicts").fetchall():
        clash = "+" in field
        ident = conflict_ident(table, _clash_subject(conn, table, field, record) if clash
                               else record, field,
                               json.loads(local) if clash else local_stamp,
                               json.loads(remote) if clash else remote_stamp)
        conn.execute("UPDATE sync_conflicts SET ident = ? WHERE id = ?", [ident, conflict_id])
    db.executescript("CREATE INDEX sync_conflicts_ident ON sync_conflicts(ident);")


def _clash_subject(conn: Any, table: str, key: str, record_id: str) -> str:
    """The value two records share on a key a person enters once (for a conflict's name)."""
    columns = key.split("+")
    row = conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?",
                       [record_id]).fetchone()
    return "+".join(str(v) for v in row) if row else record_id


@migrations(name="0019_decisions_saw")
def m0019(db: Database) -> None:
    """Migration 0019: a decision of a conflict keeps the stamps of every value of the
    field its maker saw (the heads of the field's history there): the decision settles
    them all, and a value it did not see, made meanwhile elsewhere, is a new conflict,
    named alike in every book. Shipped as a change's ``saw`` (older readers ignore it)."""
    db.executescript("ALTER TABLE changes ADD COLUMN saw TEXT;")


@migrations(name="0020_parked_changes")
def m0020(db: Database) -> None:
    """Migration 0020: a change of a record that has not arrived yet (its creation comes
    from another origin, later) is kept with who sent it, and judged and applied when the
    record arrives, instead of being left out for ever while its range counts as held."""
    db.executescript("""
        CREATE TABLE sync_parked (
            hlc TEXT PRIMARY KEY, record_id TEXT NOT NULL, sender_kind TEXT NOT NULL,
            sender_code TEXT NOT NULL, sender_village TEXT);
        CREATE INDEX sync_parked_record ON sync_parked(record_id);
    """)


# The light list that opening a book reads (schema_names) must be these migrations.
if tuple(m.name for m in migrations._migrations) != MIGRATION_NAMES:
    raise RuntimeError("storage/schema_names.py does not list the migrations of schema.py")
__all__ = ["SCHEMA_VERSION", "migrations"]
