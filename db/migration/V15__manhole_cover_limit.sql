-- A missing manhole cover had a 2-hour handling limit, the same as the ordinary 120-minute
-- assign limit, so both deadlines fell at the same moment. Handling now gets 4 hours; urgent
-- reports are still dispatched within 30 minutes.
UPDATE matter_category SET handling_limit = 4 WHERE code = '0503' AND handling_limit = 2 AND handling_limit_unit = 'hours';
