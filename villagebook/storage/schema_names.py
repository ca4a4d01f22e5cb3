"""The schema's migrations by name and its version: what opening an up-to-date book needs
to know, without the migrations themselves (``schema``), which load sqlite-utils — a
twentieth of a second at every start that only a book needing a migration should pay.
``schema`` checks at import that its migrations are these, in this order."""

MIGRATION_SET = "villagebook"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' own table of applied migrations

MIGRATION_NAMES: tuple[str, ...] = (
    "0001_households_members_changes", "0002_incomes_checks_settings",
    "0003_monitoring_events", "0004_measures", "0005_helpers_pairings_visits",
    "0006_problems", "0007_projects", "0008_visit_photos", "0009_village_list_indexes",
    "0010_follow_ups_and_covering_indexes", "0011_ready_for_sync", "0012_sync_state",
    "0013_unique_in_edits_not_in_merges", "0014_village_totals_index",
    "0015_accepted_findings", "0016_sort_keys", "0017_retired_peers",
    "0018_holdings_by_scope", "0019_decisions_saw", "0020_parked_changes",
)

# One more each time a migration is added (``schema`` keeps this true).
SCHEMA_VERSION = len(MIGRATION_NAMES)

# The schema a sync package says it needs: the last migration that changed what packages
# carry (a record kind, a field). A migration that only adds what every book derives for
# itself (0016's sort keys) or keeps for itself (0017's retired pairings, 0018's holdings
# by scope, 0020's parked changes) or that ships what an older reader may ignore (0019's
# ``saw`` of a decision) leaves it, so a
# township that has not yet updated its program still reads the packages of a village that
# has. Raise it with such a migration.
SHIPPED_SCHEMA = 15
