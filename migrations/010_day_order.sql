-- 010 (day order): the timeline in either order is one range of one
-- index. The timeline is ordered by first day, last day and id, and newest
-- first is that order read backwards (ids within a day too). Under 009 the
-- day index held no id, so every walk of the timeline from a key sorted
-- each day it met by id: a year-only day ("2016") holds thousands of
-- events at a million, and the TUI's window read from one took 20-30 ms.
-- With the id in the index a walk reads its window and stops.

DROP INDEX events_by_day;
CREATE INDEX events_by_day ON events(first_day, last_day, id);
