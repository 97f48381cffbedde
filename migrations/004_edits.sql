-- 004: corrected events. `event edit` and the TUI's edit form record an
-- `edit` decision; the rebuilt event keeps which fields the analyst set,
-- space-separated (e.g. 'date kind'), so the timeline marks it and the
-- detail view names them. Derived like the rest of the row.
ALTER TABLE events ADD COLUMN edited TEXT NOT NULL DEFAULT '';
