-- Working-day calendar for deadlines counted in working days. A day is a working day when it
-- is listed as 'workday' (a weekend make-up workday, 调休上班), or when it is Monday to Friday
-- and not listed as 'holiday'. Days of years missing from working_calendar_year count Monday
-- to Friday only, so load each year's official calendar as soon as it is published.

CREATE TABLE working_calendar_year (
    year   integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    -- The notice the year's rows were taken from.
    source text    NOT NULL
);

CREATE TABLE working_calendar_day (
    day  date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name text NOT NULL
);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知, dated 4 November 2025 and published by
-- Xinhua the same day. Every day of each break is listed, weekends included.
-- 2027 is not loaded: no official notice for 2027 could be found when this migration was
-- written, and the dates are not guessed. Add it in a new migration once it is published.
INSERT INTO working_calendar_year (year, source) VALUES
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）');

INSERT INTO working_calendar_day (day, kind, name)
SELECT d::date, 'holiday', holiday.name
  FROM (VALUES ('元旦',   DATE '2026-01-01', DATE '2026-01-03'),
               ('春节',   DATE '2026-02-15', DATE '2026-02-23'),
               ('清明节', DATE '2026-04-04', DATE '2026-04-06'),
               ('劳动节', DATE '2026-05-01', DATE '2026-05-05'),
               ('端午节', DATE '2026-06-19', DATE '2026-06-21'),
               ('中秋节', DATE '2026-09-25', DATE '2026-09-27'),
               ('国庆节', DATE '2026-10-01', DATE '2026-10-07')) AS holiday (name, first_day, last_day),
       generate_series(holiday.first_day, holiday.last_day, interval '1 day') AS d;

INSERT INTO working_calendar_day (day, kind, name) VALUES
    ('2026-01-04', 'workday', '元旦调休上班'),
    ('2026-02-14', 'workday', '春节调休上班'),
    ('2026-02-28', 'workday', '春节调休上班'),
    ('2026-05-09', 'workday', '劳动节调休上班'),
    ('2026-09-20', 'workday', '国庆节调休上班'),
    ('2026-10-10', 'workday', '国庆节调休上班');
